/**
 * npm run update-prices against Yahoo's chart API mocked at the HTTP layer (msw): the real provider
 * (yahoo-finance2, conversion to as-traded prices) and the real update, on copies of the real
 * snapshots cut short, so every appended day can be compared with the real data. The chart responses
 * are built from the recorded WSU.DE response's meta (tests/fixtures/providers/yahoo/SOURCES.md) with
 * the bars of content/prices, split-adjusted as Yahoo serves them.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { delay, http, HttpResponse } from "msw";
import { parse as parseYaml } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCsvHttpProvider } from "../../scripts/lib/providers/csv-http.ts";
import { createYahooProvider } from "../../scripts/lib/providers/yahoo.ts";
import { acquireLock, LockedError, writeFileAtomic } from "../../scripts/lib/safe-files.ts";
import { summary, updatePrices, type UpdateOptions } from "../../scripts/lib/update-prices.ts";
import {
  formatSnapshot,
  priceSnapshotSchema,
  type Bar,
  type PriceSnapshot,
} from "../../src/lib/prices/index.ts";
import { fastRetry, mockServer, recordedJson, YAHOO_CHART } from "./providers/support.ts";

const { server } = mockServer();
const NOW = new Date("2026-09-18T22:00:00Z");

const real = (id: string): PriceSnapshot =>
  priceSnapshotSchema.parse(JSON.parse(readFileSync(`content/prices/${id}.json`, "utf8")));

/** A snapshot cut after `last`, its last source ending there, without the events after it. */
function cut(id: string, last: string): PriceSnapshot {
  const snapshot = real(id);
  const bars = snapshot.bars.filter((bar) => bar.date <= last);
  const sources = snapshot.sources
    .filter((source) => source.from <= last)
    .map((source) => (source.to > last ? { ...source, to: last } : source));
  return { ...snapshot, bars, sources, events: snapshot.events.filter((event) => event.date <= last) };
}

interface Served {
  bars: Bar[];
  splits?: { date: string; numerator: number; denominator: number }[];
  currency?: string;
  timezone: string;
}

const noon = (date: string) => Date.parse(`${date}T12:00:00Z`) / 1000;

/** A Yahoo chart body for `served`: prices before each split divided by it, volumes multiplied. */
function chartBody(symbol: string, served: Served) {
  const template = recordedJson("chart-WSU.DE-2023-08-04-to-2023-08-09.json");
  const result = template.chart.result[0];
  const factor = (date: string) =>
    (served.splits ?? [])
      .filter((split) => split.date > date)
      .reduce((product, split) => product * (split.numerator / split.denominator), 1);
  const lastDay = served.bars.at(-1)?.date ?? "2026-09-17";
  return {
    chart: {
      result: [
        {
          ...result,
          meta: {
            ...result.meta,
            currency: served.currency ?? "USD",
            symbol,
            exchangeTimezoneName: served.timezone,
            gmtoffset: served.timezone === "Asia/Hong_Kong" ? 28800 : -14400,
            priceHint: 3,
            regularMarketTime: noon(lastDay),
            currentTradingPeriod: {
              pre: result.meta.currentTradingPeriod.regular,
              regular: { timezone: "X", start: noon(lastDay) - 3600, end: noon(lastDay), gmtoffset: 0 },
              post: result.meta.currentTradingPeriod.regular,
            },
          },
          timestamp: served.bars.map((bar) => noon(bar.date)),
          ...(served.splits
            ? {
                events: {
                  splits: Object.fromEntries(
                    served.splits.map((split) => [
                      String(noon(split.date)),
                      {
                        date: noon(split.date),
                        numerator: split.numerator,
                        denominator: split.denominator,
                        splitRatio: `${split.numerator}:${split.denominator}`,
                      },
                    ]),
                  ),
                },
              }
            : {}),
          indicators: {
            quote: [
              {
                open: served.bars.map((bar) => bar.open / factor(bar.date)),
                high: served.bars.map((bar) => bar.high / factor(bar.date)),
                low: served.bars.map((bar) => bar.low / factor(bar.date)),
                close: served.bars.map((bar) => bar.close / factor(bar.date)),
                volume: served.bars.map((bar) => (bar.volume ?? 0) * factor(bar.date)),
              },
            ],
          },
        },
      ],
      error: null,
    },
  };
}

/** Yahoo answering each symbol as `answers` says: a body to serve, or a response. */
function yahoo(answers: Record<string, Served | (() => Response | Promise<Response>)>) {
  server.use(
    http.get(YAHOO_CHART, ({ params, request }) => {
      const symbol = String(params.symbol);
      const answer = answers[symbol];
      if (!answer)
        return HttpResponse.json(
          {
            chart: {
              result: null,
              error: { code: "Not Found", description: "No data found, symbol may be delisted" },
            },
          },
          { status: 404 },
        );
      if (typeof answer === "function") return answer();
      const from = Number(new URL(request.url).searchParams.get("period1")) * 1000;
      const bars = answer.bars.filter((bar) => Date.parse(`${bar.date}T23:59:59Z`) >= from);
      return HttpResponse.json(chartBody(symbol, { ...answer, bars }));
    }),
  );
}

let root: string;
const snapshotFile = (id: string) => join(root, "content/prices", `${id}.json`);
const stored = (id: string) => readFileSync(snapshotFile(id), "utf8");
const parsed = (id: string) => priceSnapshotSchema.parse(JSON.parse(stored(id)));

function site(snapshots: Record<string, PriceSnapshot>): void {
  mkdirSync(join(root, "content/prices"), { recursive: true });
  cpSync("content/tickers.yaml", join(root, "content/tickers.yaml"));
  for (const [id, snapshot] of Object.entries(snapshots))
    writeFileSync(snapshotFile(id), formatSnapshot(snapshot));
}

const run = (options: Partial<UpdateOptions> = {}) =>
  updatePrices({
    root,
    now: () => NOW,
    provider: () =>
      createYahooProvider({ now: () => NOW, retry: { ...fastRetry, attempts: 2 }, timeoutMs: 200 }),
    ...options,
  });

const between = (id: string, from: string, to: string) =>
  real(id).bars.filter((bar) => bar.date >= from && bar.date <= to);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "update-prices-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("a normal append", () => {
  it("updates only the tickers of the exchanges asked for", async () => {
    site({ nvda: cut("nvda", "2026-09-10"), byd: real("byd") });
    yahoo({ NVDA: { bars: between("nvda", "2026-09-01", "2026-09-17"), timezone: "America/New_York" } });
    const result = await run({ tickers: ["nvda", "byd"], exchanges: ["NASDAQ"], to: "2026-09-17" });
    expect(result.outcomes.map((o) => o.ticker)).toEqual(["nvda"]);
  });

  it("adds the new days after the stored ones, as traded, with their provenance", async () => {
    site({ nvda: cut("nvda", "2026-09-10") });
    yahoo({ NVDA: { bars: between("nvda", "2026-09-01", "2026-09-17"), timezone: "America/New_York" } });
    const lines: string[] = [];
    const result = await run({ tickers: ["nvda"], to: "2026-09-17", log: (line) => lines.push(line) });
    expect(result.ok).toBe(true);
    expect(lines).toEqual(["nvda: updated: 5 days added (2026-09-11 to 2026-09-17); latest 2026-09-17"]);
    const after = parsed("nvda");
    // The five real days 11 to 17 September 2026, 219.34 the last close, nothing else changed.
    expect(after.bars).toEqual(real("nvda").bars);
    expect(after.bars.at(-1)).toEqual({
      date: "2026-09-17",
      open: 218.38,
      high: 219.91,
      low: 217.15,
      close: 219.34,
      volume: 94191300,
    });
    expect(after.sources.slice(0, 2)).toEqual(cut("nvda", "2026-09-10").sources);
    expect(after.sources[2]).toMatchObject({
      from: "2026-09-11",
      to: "2026-09-17",
      provider: "yahoo",
      symbol: "NVDA",
      retrieved: "2026-09-18T22:00:00.000Z",
      basis: "split-adjusted",
    });
    expect(after.sources[2]!.reference).toMatch(
      /^https:\/\/query2\.finance\.yahoo\.com\/v8\/finance\/chart\/NVDA\?/,
    );
  });

  it("does nothing for a snapshot that is up to date, and writes nothing in a dry run", async () => {
    site({ nvda: cut("nvda", "2026-09-10"), tsla: real("tsla") });
    yahoo({ NVDA: { bars: between("nvda", "2026-09-01", "2026-09-17"), timezone: "America/New_York" } });
    const before = stored("nvda");
    const result = await run({ tickers: ["nvda", "tsla"], to: "2026-09-17", dryRun: true });
    expect(result.outcomes.map((o) => `${o.ticker}: ${o.status}: ${o.message}`)).toEqual([
      "nvda: updated: 5 days added (2026-09-11 to 2026-09-17); latest 2026-09-17 (dry run: nothing written)",
      "tsla: unchanged: up to date (latest 2026-09-17)",
    ]);
    expect(stored("nvda")).toBe(before);
  });
});

describe("a keyed CSV provider", () => {
  it("appends from it, and never writes or prints its key", async () => {
    site({ nvda: cut("nvda", "2026-09-10") });
    const tickers = readFileSync(join(root, "content/tickers.yaml"), "utf8").replace(
      'provider: yahoo\n  symbols:\n    yahoo: "NVDA"',
      'provider: csv:vendor\n  symbols:\n    csv:vendor: "NVDA.US"',
    );
    writeFileSync(join(root, "content/tickers.yaml"), tickers);
    const rows = between("nvda", "2026-09-01", "2026-09-17").map(
      (b) => `${b.date},${b.open},${b.high},${b.low},${b.close},${b.volume}`,
    );
    const keys: (string | null)[] = [];
    server.use(
      http.get("https://data.vendor.example/daily/:symbol", ({ request }) => {
        keys.push(new URL(request.url).searchParams.get("apikey"));
        return HttpResponse.text(["date,open,high,low,close,volume", ...rows].join("\n"));
      }),
    );
    const provider = createCsvHttpProvider({
      name: "vendor",
      urlTemplate: "https://data.vendor.example/daily/{symbol}.csv?from={from}&to={to}",
      basis: "as-traded",
      currency: "USD",
      key: { env: "VENDOR_KEY", param: "apikey" },
      env: { VENDOR_KEY: "s3cret-key" },
      now: () => NOW,
    });
    const lines: string[] = [];
    const result = await run({
      tickers: ["nvda"],
      to: "2026-09-17",
      provider: () => provider,
      log: (l) => lines.push(l),
    });
    expect(result.ok).toBe(true);
    expect(keys).toEqual(["s3cret-key"]);
    expect(parsed("nvda").bars).toEqual(real("nvda").bars);
    expect(parsed("nvda").sources.at(-1)).toMatchObject({
      provider: "csv:vendor",
      symbol: "NVDA.US",
      reference: "https://data.vendor.example/daily/NVDA.US.csv?from=2026-09-03&to=2026-09-17&apikey=***",
    });
    expect(stored("nvda")).not.toContain("s3cret");
    expect(lines.join("\n")).not.toContain("s3cret");
  });
});

describe("every ticker", () => {
  it("appends each one's last five real days, one request each", async () => {
    const tickers = parseYaml(readFileSync("content/tickers.yaml", "utf8")) as {
      id: string;
      symbols: { yahoo: string };
      currency: string;
      timezone: string;
    }[];
    const answers: Record<string, Served> = {};
    const cuts: Record<string, PriceSnapshot> = {};
    for (const t of tickers) {
      const bars = real(t.id).bars;
      const last = bars.at(-6)!.date;
      cuts[t.id] = cut(t.id, last);
      answers[t.symbols.yahoo] = { bars: bars.slice(-12), currency: t.currency, timezone: t.timezone };
    }
    site(cuts);
    yahoo(answers);
    const started = performance.now();
    const result = await run({ to: "2026-09-17" });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `update-prices: ${tickers.length} tickers against the mocked provider in ${seconds.toFixed(2)} s`,
    );
    expect(result.outcomes.map((o) => [o.ticker, o.status, o.added])).toEqual(
      tickers.map((t) => [t.id, "updated", 5]),
    );
    for (const t of tickers) expect(parsed(t.id).bars, t.id).toEqual(real(t.id).bars);
  });
});

describe("a split inside the fetched range: BYD's 3:1 bonus issue of 2025-06-10", () => {
  it("converts Yahoo's split-adjusted prices back to as traded and records the split", async () => {
    site({ byd: cut("byd", "2025-06-05") });
    yahoo({
      "1211.HK": {
        bars: between("byd", "2025-05-26", "2025-06-20"),
        splits: [{ date: "2025-06-10", numerator: 3, denominator: 1 }],
        currency: "HKD",
        timezone: "Asia/Hong_Kong",
      },
    });
    const result = await run({ tickers: ["byd"], to: "2025-06-20" });
    expect(result.outcomes[0]!.message).toBe(
      "11 days added (2025-06-06 to 2025-06-20); latest 2025-06-20; split recorded: 2025-06-10 3-for-1",
    );
    const after = parsed("byd");
    // As traded on both sides: 396.6 on 9 June, 135.6 on 10 June, exactly as the real snapshot.
    expect(after.bars).toEqual(between("byd", "2024-10-02", "2025-06-20"));
    expect(after.bars.find((bar) => bar.date === "2025-06-09")!.close).toBe(396.6);
    expect(after.events).toEqual([
      {
        date: "2025-06-10",
        kind: "split",
        ratio: { from: 1, to: 3 },
        source: "yahoo 1211.HK: split event in the data retrieved 2026-09-18T22:00:00.000Z",
      },
    ]);
  });
});

describe("data that fail the snapshot's checks", () => {
  it("are refused, naming the day and the rule, and nothing is written: BYD's bonus issue from a vendor that does not report it", async () => {
    site({ byd: cut("byd", "2025-06-05") });
    // A vendor's CSV as traded, with no split column: 396.6 on 9 June, then 135.6 on 10 June.
    const rows = between("byd", "2025-05-26", "2025-06-11").map(
      (b) => `${b.date},${b.open},${b.high},${b.low},${b.close},${b.volume}`,
    );
    expect(rows.slice(-3)).toEqual([
      "2025-06-09,406.8,406.8,388,396.6,20175445",
      "2025-06-10,132.4,136.2,130.1,135.6,39625855",
      "2025-06-11,136.9,143.6,136.3,140.8,50503441",
    ]);
    server.use(
      http.get("https://data.vendor.example/daily/:symbol", () =>
        HttpResponse.text(["date,open,high,low,close,volume", ...rows].join("\n")),
      ),
    );
    const provider = createCsvHttpProvider({
      name: "vendor",
      urlTemplate: "https://data.vendor.example/daily/{symbol}.csv?from={from}&to={to}",
      basis: "as-traded",
      currency: "HKD",
      now: () => NOW,
    });
    const before = stored("byd");
    const result = await run({ tickers: ["byd"], to: "2025-06-11", provider: () => provider });
    expect(result.ok).toBe(false);
    expect(result.outcomes[0]!.status).toBe("failed");
    // 135.6 / 396.6 - 1 = -0.658, worked out by hand: over the 60% a day may move without an event.
    expect(result.outcomes[0]!.message).toMatch(
      /^the new data fail the snapshot's checks: .*bars\[\d+\]\.close: 135\.6 on 2025-06-10 is -65\.8% from the previous close 396\.6 \(2025-06-09\); a close may move at most 60% in a day unless an event explains it/,
    );
    expect(stored("byd")).toBe(before);
    expect(readdirSync(join(root, "content/prices")).sort()).toEqual(["byd.json"]);
  });
});

describe("an overlap that disagrees, and a restatement", () => {
  const served = () => {
    const bars = between("nvda", "2026-09-01", "2026-09-17").map((bar) =>
      bar.date === "2026-09-09" ? { ...bar, close: bar.close + 1 } : bar,
    );
    yahoo({ NVDA: { bars, timezone: "America/New_York" } });
  };

  it("refuses, naming the day and both values, and writes nothing", async () => {
    site({ nvda: cut("nvda", "2026-09-10") });
    served();
    const before = stored("nvda");
    const stored0909 = real("nvda").bars.find((bar) => bar.date === "2026-09-09")!.close;
    const result = await run({ tickers: ["nvda"], to: "2026-09-17" });
    expect(result.ok).toBe(false);
    expect(result.outcomes[0]!.message).toMatch(
      new RegExp(
        `^provider disagrees with stored history on 2026-09-09: stored ${stored0909}, provider ${stored0909 + 1} \\(close;`,
      ),
    );
    expect(stored("nvda")).toBe(before);
  });

  it("replaces the day with --restate, keeping the old bar and the reason in the snapshot", async () => {
    site({ nvda: cut("nvda", "2026-09-10") });
    served();
    const old = real("nvda").bars.find((bar) => bar.date === "2026-09-09")!;
    const result = await run({
      tickers: ["nvda"],
      to: "2026-09-17",
      restate: { date: "2026-09-09", reason: "the vendor corrected the close" },
    });
    expect(result.ok).toBe(true);
    expect(result.outcomes[0]!.message).toBe(
      "5 days added (2026-09-11 to 2026-09-17); latest 2026-09-17; 2026-09-09 restated: the vendor corrected the close",
    );
    const after = parsed("nvda");
    expect(after.restatements).toEqual([
      {
        date: "2026-09-09",
        restated: "2026-09-18T22:00:00.000Z",
        reason: "the vendor corrected the close",
        before: old,
        after: { ...old, close: old.close + 1 },
      },
    ]);
    expect(after.bars.find((bar) => bar.date === "2026-09-09")!.close).toBe(old.close + 1);
  });
});

describe("failures are loud and harmless", () => {
  it("reports each failure for its ticker, leaves its snapshot as it was, and goes on with the others", async () => {
    const ids = ["nvda", "tsla", "msft", "meta", "amzn", "goog", "avgo", "tsm", "aapl"];
    site(Object.fromEntries(ids.map((id) => [id, cut(id, "2026-09-10")])));
    const newYork = (id: string, change: (bars: Bar[]) => Bar[] = (b) => b): Served => ({
      bars: change(between(id, "2026-09-01", "2026-09-17")),
      timezone: "America/New_York",
    });
    const missingDay = chartBody("AAPL", newYork("aapl"));
    const quote = missingDay.chart.result[0]!.indicators.quote[0]!;
    for (const field of ["open", "high", "low", "close", "volume"] as const) quote[field]![7] = null as never;
    yahoo({
      NVDA: newYork("nvda"),
      TSLA: () => new HttpResponse("Too Many Requests", { status: 429 }),
      MSFT: () => new HttpResponse("Service Unavailable", { status: 503 }),
      META: async () => {
        await delay(1000);
        return HttpResponse.json(chartBody("META", newYork("meta")));
      },
      AMZN: () => new HttpResponse("<html>not a chart</html>", { headers: { "content-type": "text/html" } }),
      GOOG: () => HttpResponse.json(chartBody("GOOG", { ...newYork("goog"), bars: [] })),
      TSM: () => HttpResponse.json(chartBody("TSM", { ...newYork("tsm"), currency: "EUR" })),
      AAPL: () => HttpResponse.json(missingDay),
    });
    const before = Object.fromEntries(ids.map((id) => [id, stored(id)]));
    const result = await run({ to: "2026-09-17", tickers: ids });
    const byTicker = Object.fromEntries(result.outcomes.map((o) => [o.ticker, o]));
    expect(result.ok).toBe(false);
    expect(byTicker.nvda!.status).toBe("updated");
    expect(byTicker.tsla!.message).toMatch(
      /^yahoo: TSLA: HTTP 429 Too Many Requests .*\(gave up after 2 attempts\)/,
    );
    expect(byTicker.msft!.message).toMatch(
      /^yahoo: MSFT: HTTP 503 from the server .*\(gave up after 2 attempts\); try again later$/,
    );
    expect(byTicker.meta!.message).toMatch(
      /^yahoo: META: no complete answer within 200 ms \(gave up after 2 attempts\)/,
    );
    expect(byTicker.amzn!.message).toMatch(
      /^yahoo: AMZN: HTTP 200 but the body is not JSON: "<html>not a chart<\/html>"; try again later/,
    );
    expect(byTicker.goog!.message).toMatch(
      /^yahoo: GOOG: Yahoo has no daily bars from 2026-09-03 to 2026-09-17/,
    );
    expect(byTicker.avgo!.message).toMatch(/^yahoo: AVGO: HTTP 404/);
    expect(byTicker.tsm!.message).toMatch(/^yahoo: TSM: Yahoo reports the prices in "EUR", not USD/);
    expect(byTicker.aapl!.message).toMatch(
      /^missing trading day 2026-09-11: Yahoo has no prices for this day \(every field null\); nothing is filled in$/,
    );
    for (const id of ids.filter((id) => id !== "nvda")) {
      expect(byTicker[id]!.status, id).toBe("failed");
      expect(stored(id), id).toBe(before[id]);
    }
    expect(parsed("nvda").bars.at(-1)!.date).toBe("2026-09-17");
    expect(summary(result)[0]).toBe("update-prices: 1 updated, 0 unchanged, 0 skipped, 8 failed");
    expect(summary(result)).toHaveLength(9);
  });

  it("refuses a stored day the provider no longer has", async () => {
    site({ nvda: cut("nvda", "2026-09-10") });
    yahoo({
      NVDA: {
        bars: between("nvda", "2026-09-01", "2026-09-17").filter((b) => b.date !== "2026-09-08"),
        timezone: "America/New_York",
      },
    });
    const before = stored("nvda");
    const result = await run({ tickers: ["nvda"], to: "2026-09-17" });
    expect(result.outcomes[0]!.message).toBe(
      "missing trading day 2026-09-08: the provider has no bar for a day the snapshot has; nothing is changed",
    );
    expect(stored("nvda")).toBe(before);
  });

  it("leaves the snapshot whole when a write is interrupted", async () => {
    site({ nvda: cut("nvda", "2026-09-10") });
    yahoo({ NVDA: { bars: between("nvda", "2026-09-01", "2026-09-17"), timezone: "America/New_York" } });
    const before = stored("nvda");
    const result = await run({
      tickers: ["nvda"],
      to: "2026-09-17",
      write: (path, text) =>
        writeFileAtomic(path, text, (fd, all) => {
          writeSync(fd, all.slice(0, 200));
          throw new Error("no space left on device (simulated)");
        }),
    });
    expect(result.outcomes[0]).toMatchObject({
      status: "failed",
      message: "unexpected error: no space left on device (simulated)",
    });
    expect(stored("nvda")).toBe(before);
    expect(readdirSync(join(root, "content/prices"))).toEqual(["nvda.json"]);
  });
});

describe("two runs at once", () => {
  it("refuses the second while the first holds the lock, and frees it after", async () => {
    site({ nvda: cut("nvda", "2026-09-10") });
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      http.get(YAHOO_CHART, async () => {
        await answered;
        return HttpResponse.json(
          chartBody("NVDA", {
            bars: between("nvda", "2026-09-01", "2026-09-17"),
            timezone: "America/New_York",
          }),
        );
      }),
    );
    const first = run({ tickers: ["nvda"], to: "2026-09-17" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(run({ tickers: ["nvda"], to: "2026-09-17" })).rejects.toThrow(LockedError);
    await expect(run({ tickers: ["nvda"], to: "2026-09-17" })).rejects.toThrow(
      /another run holds the lock \(process \d+, started /,
    );
    answer();
    expect((await first).ok).toBe(true);
    expect(existsSync(join(root, "content/prices/.update-prices.lock"))).toBe(false);
  });

  it("takes over a lock left by a run that is no longer running", () => {
    mkdirSync(join(root, "x"));
    const lock = join(root, "x/.lock");
    const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid!;
    writeFileSync(lock, JSON.stringify({ pid: dead, started: "2026-09-18T21:00:00.000Z" }));
    const told: string[] = [];
    const release = acquireLock(lock, (line) => told.push(line));
    expect(told).toEqual([`${lock}: taking over the lock of process ${dead}, which is no longer running`]);
    expect(() => acquireLock(lock)).toThrow(LockedError);
    release();
    expect(existsSync(lock)).toBe(false);
  });
});

describe("the command", () => {
  it("refuses bad arguments before fetching anything, with exit status 2", () => {
    const command = (...args: string[]) =>
      spawnSync(process.execPath, ["scripts/update-prices.ts", ...args], { encoding: "utf8" });
    const badDate = command("--to", "2026-13-01", "--dry-run");
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--to: "2026-13-01" is not a date; write YYYY-MM-DD');
    const noReason = command("--restate", "2026-09-09");
    expect(noReason.status).toBe(2);
    expect(noReason.stderr).toContain("--restate and --reason go together");
    const unknown = command("--ticker", "nvdx", "--dry-run");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--ticker: unknown ticker "nvdx" \(known: nvda, /);
    const exchange = command("--exchange", "LSE", "--dry-run");
    expect(exchange.status).toBe(2);
    expect(exchange.stderr).toContain(
      '--exchange: no ticker is listed on "LSE" (exchanges: NASDAQ, HKEX, NYSE)',
    );
    expect(execFileSync("git", ["status", "--porcelain", "content/prices"], { encoding: "utf8" })).toBe("");
  });
});
