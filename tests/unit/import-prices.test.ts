import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
      'nvda.csv: line 3: open: "null" is not a plain decimal number; write digits with an optional decimal point, e.g. 118.42 (no hex, binary, octal, exponents, Infinity or thousands separators)',
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

describe("numbers in a CSV are plain decimals", () => {
  const row = (cells: string) =>
    `date,open,high,low,close,volume\n2025-01-24,148.87,149.02,142.48,142.62,234657600\n2025-01-27,${cells}\n`;
  const PLAIN_ONLY =
    "is not a plain decimal number; write digits with an optional decimal point, e.g. 118.42 (no hex, binary, octal, exponents, Infinity or thousands separators)";

  it.each([
    ["hexadecimal", "0x79", "open"],
    ["binary", "0b1111111", "open"],
    ["octal", "0o17", "open"],
    ["an exponent", "1e3", "open"],
    ["Infinity", "Infinity", "open"],
    ["a thousands separator", '"1,000"', "open"],
    ["a leading point", ".5", "open"],
  ])("refuses %s (%s), naming the line, the field and the value", (_kind, value, field) => {
    const shown = value.replaceAll('"', "");
    expect(parsePriceCsv(row(`${value},128.4,116.7,118.42,818830900`), "nvda.csv").errors).toEqual([
      `nvda.csv: line 3: ${field}: ${JSON.stringify(shown)} ${PLAIN_ONLY}`,
    ]);
  });

  it("refuses a volume written in hex or with an exponent rather than converting it", () => {
    expect(parsePriceCsv(row("124.8,128.4,116.7,118.42,0x30D40"), "nvda.csv").errors).toEqual([
      `nvda.csv: line 3: volume: "0x30D40" ${PLAIN_ONLY}`,
    ]);
    expect(parsePriceCsv(row("124.8,128.4,116.7,118.42,8.1883e8"), "nvda.csv").errors).toEqual([
      `nvda.csv: line 3: volume: "8.1883e8" ${PLAIN_ONLY}`,
    ]);
  });

  it("refuses a blank price, and a blank volume unless volume is not reported", () => {
    expect(parsePriceCsv(row(",128.4,116.7,118.42,818830900"), "nvda.csv").errors).toEqual([
      "nvda.csv: line 3: open: is empty; every row needs its opening price",
    ]);
    expect(parsePriceCsv(row("124.8,128.4,116.7,118.42,"), "nvda.csv").errors).toEqual([
      "nvda.csv: line 3: volume: is empty; a blank volume is not 0: give the volume from the source, or import with --volume not-reported when the source gives none",
    ]);
  });

  it("reads a file without volume only when the import says volume is not reported", () => {
    const noVolume =
      "date,open,high,low,close\n2025-01-24,148.87,149.02,142.48,142.62\n2025-01-27,124.8,128.4,116.7,118.42\n";
    expect(parsePriceCsv(noVolume, "ixic.csv").errors).toEqual([
      "ixic.csv: line 1: the file has no volume column; give the volume, or import with --volume not-reported when the source reports none",
    ]);
    const read = parsePriceCsv(noVolume, "ixic.csv", "not-reported");
    expect(read.errors).toEqual([]);
    expect(read.bars[1]).toEqual({ date: "2025-01-27", open: 124.8, high: 128.4, low: 116.7, close: 118.42 });
  });

  it("refuses a row dated on a weekend", () => {
    expect(
      parsePriceCsv(row("124.8,128.4,116.7,118.42,818830900").replace("2025-01-27", "2025-01-26"), "nvda.csv")
        .errors,
    ).toEqual([
      "nvda.csv: line 3: date: 2025-01-26 is a Sunday; exchanges do not trade at weekends, so the source's dates are wrong (check its time zone)",
    ]);
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
    // Start from no snapshot: the first import writes a new one, the next ones append to it.
    rmSync(snapshot());
  });
  afterAll(() => site.cleanup());

  it("writes a valid snapshot with its source and the ticker's currency", () => {
    const result = importCsv(YAHOO, "--ticker", "nvda");
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain("wrote content/prices/nvda.json: 2 bars, 2025-01-24 to 2025-01-27");
    const written = priceSnapshotSchema.parse(JSON.parse(readFileSync(snapshot(), "utf8")));
    expect(written.currency).toBe("USD");
    expect(written.sources).toEqual([
      {
        from: "2025-01-24",
        to: "2025-01-27",
        provider: "file",
        symbol: "NVDA",
        name: "Test exchange",
        reference: "https://example.com/nvda.csv",
        retrieved: "2025-07-01",
        basis: "as-traded",
      },
    ]);
    expect(written.bars).toHaveLength(2);
  });

  it("appends the rows after the stored ones as a new source, keeping the stored history", () => {
    const more = `${PLAIN}2025-01-28,121.81,129,116.25,128.99,579666400\n`;
    const result = importCsv(
      more,
      "--ticker",
      "nvda",
      "--source-name",
      "Second source",
      "--retrieved",
      "2025-07-02",
    );
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain(
      "wrote content/prices/nvda.json: 1 bars added, 3 bars, 2025-01-24 to 2025-01-28",
    );
    const written = priceSnapshotSchema.parse(JSON.parse(readFileSync(snapshot(), "utf8")));
    expect(written.sources.map((s) => [s.from, s.to, s.name])).toEqual([
      ["2025-01-24", "2025-01-27", "Test exchange"],
      ["2025-01-28", "2025-01-28", "Second source"],
    ]);
  });

  it("refuses a CSV that disagrees with the stored history, writing nothing", () => {
    const before = readFileSync(snapshot(), "utf8");
    const changed = `${PLAIN.replace("118.42", "118.5")}2025-01-28,121.81,129,116.25,128.99,579666400\n2025-01-29,126.5,127,117,123.7,467120600\n`;
    const result = importCsv(changed, "--ticker", "nvda");
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      "2025-01-27: the CSV disagrees with the stored history: stored O 124.8 H 128.4 L 116.7 C 118.42 V 818830900, CSV O 124.8 H 128.4 L 116.7 C 118.5 V 818830900; history is never rewritten",
    );
    expect(readFileSync(snapshot(), "utf8")).toBe(before);
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
    expect(result.output).toContain("missing --csv, --source-name, --reference");
  });
});
