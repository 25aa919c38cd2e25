/**
 * Figures and charts on both sides of a split, with BYD's real 3:1 bonus issue of 2025-06-10
 * (content/prices/byd.json: close 396.6 on 2025-06-09, 135.6 on 2025-06-10 as traded), and a series
 * with documented gaps (9988.HK has no data for 2025-06-09 and 2025-06-10). Every expected value is
 * worked out by hand from the bars quoted in the comments.
 */
import { describe, expect, it } from "vitest";
import { chartData, chartRows, resolveChart } from "../../src/lib/chart/index.ts";
import { MDX_COMPONENTS } from "../../src/lib/mdx/index.ts";
import {
  adjustBars,
  chipFigure,
  dayMove,
  factorBetween,
  isRecord,
  latest,
  moveFigure,
  NO_EVENTS,
  priceFigure,
  recordFigure,
  seriesEvents,
  splitsBetween,
} from "../../src/lib/prices/index.ts";
import { componentData, snapshot, ticker, tickerData } from "../support/price-data.ts";

const T = "\u2009–\u2009"; // Intl's range separator: thin space, en dash, thin space.
const byd = tickerData("byd");
const data = componentData(["byd", "alibaba-hk"]);
const article = {
  id: "x",
  file: "content/articles/x.mdx",
  date: "2025-06-30",
  asOf: "2025-06-30",
  tickers: ["byd", "alibaba-hk"],
};
const compute = (name: "Move" | "Close" | "Price" | "Record", props: Record<string, unknown>) =>
  MDX_COMPONENTS[name].compute({ ticker: "byd", ...props }, article, data);

describe("BYD's 3:1 bonus issue in the data", () => {
  it("is an event of the snapshot, with its ratio and source", () => {
    const events = snapshot("byd").events;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ date: "2025-06-10", kind: "bonus-issue", ratio: { from: 1, to: 3 } });
    expect(events[0]!.source).toContain("CCF0001/Forriz-Pair-Trading:data/1211.HK.csv@f1a1a0b8");
    expect(byd.events.splits).toEqual([
      { date: "2025-06-10", ratio: { from: 1, to: 3 }, kind: "bonus-issue" },
    ]);
  });

  it("divides a price before it by 3 to compare it with one after", () => {
    expect(factorBetween(byd.events.splits, "2025-06-09", "2025-06-10")).toBe(3);
    expect(factorBetween(byd.events.splits, "2025-06-10", "2025-06-11")).toBe(1);
    expect(splitsBetween(byd.events.splits, "2025-06-10", "2025-06-30")).toEqual([]);
    const days = byd.bars.filter((bar) => bar.date === "2025-06-09" || bar.date === "2025-06-10");
    const [before, after] = adjustBars(days, byd.events.splits);
    expect(before).toEqual({
      date: "2025-06-09",
      open: 135.6,
      high: 135.6,
      low: 129.3333,
      close: 132.2,
      volume: 60526335,
    });
    expect(after!.close).toBe(135.6);
  });
});

describe("figures on both sides of the bonus issue", () => {
  it("state each day's price as traded", () => {
    expect(compute("Close", { date: "2025-06-09" })).toBe("HK$396.60");
    expect(compute("Close", { date: "2025-06-10" })).toBe("HK$135.60");
    expect(compute("Price", { date: "2025-06-10", basis: "high" })).toBe("HK$136.20");
    expect(compute("Close", { date: "2025-02-11" })).toBe("HK$327.80");
  });

  it("measure the day of the bonus issue on one basis: 135.6 against 396.6 / 3 = 132.2 is +2.57%", () => {
    expect((compute("Move", { date: "2025-06-10" }) as { text: string }).text).toBe("rose 2.57%");
    // Without the event the same bars read as a collapse: the reason the event is recorded.
    expect(dayMove(byd.bars, "2025-06-10", "close", NO_EVENTS).percent).toBeCloseTo(-65.81, 2);
  });

  it("measure a move across it on one basis: 140.8 against 412.0 / 3 is +2.52%", () => {
    const move = compute("Move", { from: "2025-06-05", to: "2025-06-11" }) as {
      text: string;
      move: { start: number; splits?: unknown[] };
    };
    expect(move.text).toBe("rose 2.52%");
    expect(move.move.start).toBeCloseTo(137.3333, 4);
    expect(move.move.splits).toHaveLength(1);
  });

  it("compare a record with earlier prices on one basis", () => {
    // The highest earlier close is 465.2 on 2025-05-23, 155.07 after dividing by 3: above 140.8.
    expect(() => compute("Record", { date: "2025-06-11" })).toThrow(
      "the close on 2025-06-11 (HK$140.80) is not the highest close since 2 October 2024: the close on 2025-05-23 was HK$465.20 (HK$155.07 adjusted for the 3-for-1 bonus issue since)",
    );
    expect(isRecord(byd.bars, "2025-06-11", "close", byd.events)).toBe(false);
    // As traded, 140.8 would never be compared fairly; BYD's highest close of 12 Feb 2025 still stands.
    expect(recordFigure(byd.bars, byd.ticker, { date: "2025-02-12" }, byd.events)).toBe(
      "the highest close since 2 October 2024",
    );
  });

  it("give the chip of the day after on one basis", () => {
    expect(chipFigure(byd.bars, byd.ticker, "2025-06-10", byd.events).sentence).toBe(
      "BYD rose 2.57% on 10 Jun 2025 to HK$135.60",
    );
    expect(priceFigure(byd.bars, byd.ticker, { date: "2025-06-09" })).toBe("HK$396.60");
  });
});

describe("a chart across the bonus issue", () => {
  const spec = resolveChart(byd, { from: "2025-06-02", to: "2025-06-13" });

  it("plots the split-adjusted series, so there is no cliff", () => {
    // 2 to 9 June divided by 3 (385.4 / 3 = 128.4667, ..., 396.6 / 3 = 132.2), then as traded.
    expect(spec.bars.map((bar) => bar.close)).toEqual([
      128.4667, 133.5333, 135.4, 137.3333, 134.3333, 132.2, 135.6, 140.8, 134.4, 131.1,
    ]);
    expect(chartData(spec).bars[5]).toEqual(["2025-06-09", 132.2]);
    // The close of 30 May (392.8) on the same basis.
    expect(spec.previousClose).toBeCloseTo(130.9333, 4);
    expect(spec.splits).toEqual([{ date: "2025-06-10", ratio: { from: 1, to: 3 }, kind: "bonus-issue" }]);
  });

  it("says so in its source line", () => {
    expect(spec.source).toBe(
      `Sources: CCF0001/Forriz-Pair-Trading (yfinance history) (1211.HK via a CSV file, retrieved 28 Nov 2026) for 2${T}5 Jun 2025; CCF0001/Forriz-Pair-Trading (x3) for 2025-06-06 and 2025-06-09, then luciusneo1017/momentum-portfolio_optimization (yfinance) (1211.HK via a CSV file, retrieved 1 Dec 2026) for 6${T}13 Jun 2025; split-adjusted: prices before 10 Jun 2025 are divided by 3 for the 3-for-1 bonus issue, so the chart has no cliff; the data table gives the prices as traded too.`,
    );
  });

  it("captions the moves on one basis and the close as traded", () => {
    // 131.1 / 134.4 = -2.46%; 131.1 against 385.4 / 3 = +2.05%.
    expect(spec.caption).toBe(
      `BYD fell 2.46% on 13 Jun 2025 to HK$131.10; over 2${T}13 Jun 2025 it rose 2.05%.`,
    );
  });

  it("gives both bases in its data table, and the day's real change", () => {
    const rows = chartRows(spec);
    expect(rows[5]).toMatchObject({ date: "2025-06-09", close: "132.20", asTradedClose: "396.60" });
    expect(rows[6]).toMatchObject({
      date: "2025-06-10",
      close: "135.60",
      asTradedClose: "135.60",
      change: { text: "+2.57%", direction: "up" },
    });
  });

  it("is as traded, with no second column, when no split lies inside its range", () => {
    const after = resolveChart(byd, { from: "2025-06-10", to: "2025-06-13" });
    expect(after.bars.map((bar) => bar.close)).toEqual([135.6, 140.8, 134.4, 131.1]);
    expect(after.asTraded).toBeUndefined();
    expect(after.source).toMatch(/; prices as traded\.$/);
    // The first bar is the ex-date: its move is against 396.6 / 3.
    expect(chartRows(after)[0]!).toMatchObject({ change: { text: "+2.57%" } });
    expect("asTradedClose" in chartRows(after)[0]!).toBe(false);
  });
});

describe("documented gaps (9988.HK, 2025-06-09 and 2025-06-10)", () => {
  const alibaba = tickerData("alibaba-hk");

  it("are in the snapshot with their reason", () => {
    const gaps = snapshot("alibaba-hk").gaps.filter((gap) => gap.date.startsWith("2025-06"));
    expect(gaps.map((gap) => gap.date)).toEqual(["2025-06-09", "2025-06-10"]);
    expect(gaps[0]!.reason).toMatch(/^every stored source for this day is dividend-adjusted/);
  });

  it("refuse a day move across them rather than stating a three-day move as one day's", () => {
    expect(() =>
      MDX_COMPONENTS.Move.compute({ ticker: "alibaba-hk", date: "2025-06-11" }, article, data),
    ).toThrow(
      'the data have no bar for 2025-06-09 and 2025-06-10, the trading days before 2025-06-11 (every stored source for this day is dividend-adjusted (x0.998895 in CCF0001/Forriz-Pair-Trading@f1a1a0b), and undoing a dividend adjustment is not an allowed transformation, so the day was left out), so 2025-06-11 has no day move; give from="2025-06-06" to="2025-06-11" for the move since the last close',
    );
    // 118.4 against 116.6 on 6 June: +1.54% over the gap, asked for as a range.
    expect(moveFigure(alibaba.bars, { from: "2025-06-06", to: "2025-06-11" }, alibaba.events).text).toBe(
      "rose 1.54%",
    );
  });

  it("show as gaps in a chart's table, never filled in", () => {
    const spec = resolveChart(alibaba, { from: "2025-06-04", to: "2025-06-12" });
    expect(spec.bars.map((bar) => bar.date)).toEqual([
      "2025-06-04",
      "2025-06-05",
      "2025-06-06",
      "2025-06-11",
      "2025-06-12",
    ]);
    const rows = chartRows(spec);
    expect(rows.map((row) => row.date)).toEqual([
      "2025-06-04",
      "2025-06-05",
      "2025-06-06",
      "2025-06-09",
      "2025-06-10",
      "2025-06-11",
      "2025-06-12",
    ]);
    expect(rows[3]).toMatchObject({ day: "9 Jun 2025", gap: expect.stringMatching(/dividend-adjusted/) });
    expect(rows[5]).not.toHaveProperty("change");
    expect(spec.source).toMatch(
      /; prices as traded; no data for 9 Jun 2025, 10 Jun 2025, shown as gaps in the data table with the reason, never filled in\.$/,
    );
    expect(chartData(spec).dayChanges[3]).toBeNull();
    expect(spec.caption).toBe(
      `Alibaba fell 3.21% on 12 Jun 2025 to HK$114.60; over 4${T}12 Jun 2025 it was unchanged.`,
    );
  });

  it("leave a chip or a ticker's latest line without a day move after them, and say the close", () => {
    const baidu = tickerData("baidu-hk");
    // 2025-01-28 was a half-day session whose placeholder row was dropped: 3 Feb follows a gap.
    const chip = chipFigure(baidu.bars, baidu.ticker, "2025-02-03", baidu.events);
    expect(chip.move).toBeUndefined();
    expect(chip.sentence).toBe("Baidu (Hong Kong) closed at HK$84.45 on 3 Feb 2025");
    const upToGap = { bars: alibaba.bars.filter((bar) => bar.date <= "2025-06-11"), events: alibaba.events };
    expect(latest(upToGap.bars, upToGap.events)).toEqual({ bar: upToGap.bars.at(-1) });
  });

  it("are what the snapshot says, for every ticker and in one place", () => {
    expect(seriesEvents(snapshot("alibaba-hk")).gaps).toHaveLength(8);
    expect(ticker("alibaba-hk").symbols).toEqual({ yahoo: "9988.HK" });
  });
});
