import { describe, expect, it } from "vitest";
import { byMoveSize, tickerSummaries, type TickerSummary, type Bar } from "../../src/lib/prices/index.ts";
import type { Ticker } from "../../src/lib/content/index.ts";

const bar = (date: string, close: number): Bar => ({ date, open: close, high: close, low: close, close });
const ticker = (id: string): Ticker => ({
  id,
  symbol: id.toUpperCase(),
  name: id,
  exchange: "NASDAQ",
  currency: "USD",
  kind: "stock",
  timezone: "America/New_York",
});

const bars = [bar("2025-01-23", 100), bar("2025-01-24", 110), bar("2025-01-27", 99)];

describe("tickerSummaries", () => {
  it("gives each ticker its last close, that day's move and its article count", () => {
    const [summary] = tickerSummaries([ticker("nvda")], new Map([["nvda", bars]]), new Map([["nvda", 4]]));
    expect(summary?.last.date).toBe("2025-01-27");
    expect(summary?.move?.fromDate).toBe("2025-01-24");
    expect(summary?.move?.percent).toBeCloseTo(-10);
    expect(summary?.articles).toBe(4);
  });

  it("counts zero articles for a ticker nobody wrote about", () => {
    expect(tickerSummaries([ticker("tsla")], new Map([["tsla", bars]]), new Map())[0]?.articles).toBe(0);
  });

  it("names the ticker whose snapshot is missing, and how to import one", () => {
    expect(() => tickerSummaries([ticker("byd")], new Map(), new Map())).toThrow(
      'ticker "byd" has no price snapshot; import one into content/prices/byd.json with npm run import-prices',
    );
  });
});

describe("byMoveSize", () => {
  const summary = (id: string, percent: number) =>
    ({ ticker: ticker(id), move: { percent } }) as TickerSummary;

  it("puts the biggest moves first, falls and rises alike, ties in registry order", () => {
    const sorted = byMoveSize([summary("a", 1), summary("b", -5), summary("c", 3), summary("d", 5.001)]);
    expect(sorted.map((s) => s.ticker.id)).toEqual(["b", "d", "c", "a"]);
  });
});
