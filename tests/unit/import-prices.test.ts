import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSiteCopy, run } from "../support/site-copy.ts";
import { parsePriceCsv, priceSnapshotSchema } from "../../src/lib/prices/index.ts";

const PLAIN = `date,open,high,low,close,volume
2025-01-24,148.87,149.02,142.48,142.62,234657600
2025-01-27,124.8,128.4,116.7,118.42,818830900
`;
const YAHOO = `Date,Open,High,Low,Close,Adj Close,Volume
2025-01-24,148.87,149.02,142.48,142.62,142.6,234657600
2025-01-27,124.8,128.4,116.7,118.42,118.4,818830900
`;

describe("parsePriceCsv", () => {
  it("reads the plain header", () => {
    const { bars, errors } = parsePriceCsv(PLAIN, "nvda.csv");
    expect(errors).toEqual([]);
    expect(bars[1]).toEqual({
      date: "2025-01-27",
      open: 124.8,
      high: 128.4,
      low: 116.7,
      close: 118.42,
      volume: 818830900,
    });
  });

  it("reads Yahoo Finance's export and keeps the close as traded, not Adj Close", () => {
    const { bars, errors } = parsePriceCsv(YAHOO, "NVDA.csv");
    expect(errors).toEqual([]);
    expect(bars.map((b) => b.close)).toEqual([142.62, 118.42]);
  });

  it("reports every bad row with its line number", () => {
    const bad = `date,open,high,low,close,volume
2025-01-24,148.87,149.02,142.48,142.62,234657600
2025-01-27,null,128.4,116.7,118.42,818830900
2025-01-28,121.81,129,130,128.99,579666400
2025-01-28,121.81,129,116.25,128.99,579666400
`;
    expect(parsePriceCsv(bad, "nvda.csv").errors).toEqual([
      'nvda.csv: line 3: open: "null" is not a number: the opening price',
      "nvda.csv: line 4: low: 130 is above min(open, close) = 121.81; the low must be at or below both",
      "nvda.csv: line 5: date: 2025-01-28 repeats the previous row; rows must be in strictly ascending date order",
    ]);
  });

  it("rejects an unknown header, naming what is accepted", () => {
    const { errors } = parsePriceCsv("day,price\n2025-01-24,1\n", "x.csv");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^x\.csv: line 1: header "day,price" is not accepted \(missing date, open, high, low, close\)/,
    );
    expect(errors[0]).toContain("use date,open,high,low,close,volume");
  });
});

describe("npm run import-prices", () => {
  let site: ReturnType<typeof makeSiteCopy>;
  const snapshot = () => join(site.dir, "content/prices/nvda.json");
  const importCsv = (csv: string, ...extra: string[]) => {
    const path = join(site.dir, "input.csv");
    writeFileSync(path, csv);
    return run(site.dir, process.execPath, [
      "scripts/import-prices.ts",
      "--csv",
      path,
      "--adjusted",
      "none",
      "--source-name",
      "Test exchange",
      "--reference",
      "https://example.com/nvda.csv",
      "--retrieved",
      "2025-07-01",
      ...extra,
    ]);
  };

  beforeAll(() => {
    site = makeSiteCopy();
  });
  afterAll(() => site.cleanup());

  it("writes a valid snapshot with its source and the ticker's currency", () => {
    const result = importCsv(YAHOO, "--ticker", "nvda");
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain("wrote content/prices/nvda.json: 2 bars, 2025-01-24 to 2025-01-27");
    const written = priceSnapshotSchema.parse(JSON.parse(readFileSync(snapshot(), "utf8")));
    expect(written.currency).toBe("USD");
    expect(written.source).toEqual({
      name: "Test exchange",
      reference: "https://example.com/nvda.csv",
      retrieved: "2025-07-01",
    });
    expect(written.bars).toHaveLength(2);
  });

  it("writes nothing when a row is bad", () => {
    const before = readFileSync(snapshot(), "utf8");
    const result = importCsv(PLAIN.replace("118.42", "-1"), "--ticker", "nvda");
    expect(result.status).toBe(1);
    expect(result.output).toContain("line 3: close: -1 is not above 0; prices must be positive");
    expect(result.output).toContain("nothing written");
    expect(readFileSync(snapshot(), "utf8")).toBe(before);
  });

  it("refuses a ticker that is not in content/tickers.yaml", () => {
    const result = importCsv(PLAIN, "--ticker", "nvdaa");
    expect(result.status).toBe(1);
    expect(result.output).toMatch(
      /--ticker: unknown ticker "nvdaa" \(known: [a-z0-9, -]*nvda[a-z0-9, -]*\); add it to content\/tickers.yaml first/,
    );
    expect(existsSync(join(site.dir, "content/prices/nvdaa.json"))).toBe(false);
  });

  it("says which options are missing", () => {
    const result = run(site.dir, process.execPath, ["scripts/import-prices.ts", "--ticker", "nvda"]);
    expect(result.status).toBe(1);
    expect(result.output).toContain("missing --csv, --adjusted, --source-name, --reference");
  });
});
