/**
 * The ticker page's quote and news-day figures, and the periods they (and the chart's range buttons)
 * measure over, from the real snapshots. Each expected value was worked out by hand from
 * content/prices/*.json; quotes are taken on a fixed day, so they hold however far the data run.
 */
import { describe, expect, it } from "vitest";
import {
  daysBefore,
  monthsBefore,
  newsDaySentence,
  newsDayStats,
  periodStart,
  quoteLines,
  quoteOf,
  type Bar,
} from "../../src/lib/prices/index.ts";
import { ticker, tickerData } from "../support/price-data";

const nvda = tickerData("nvda");
const ixic = tickerData("ixic");
const baiduHk = tickerData("baidu-hk");
/** The bars up to and including `date`: the data as they stood that day. */
const upTo = (bars: readonly Bar[], date: string) => bars.filter((bar) => bar.date <= date);

describe("calendar arithmetic", () => {
  it("goes back whole months, keeping the day where the month has it", () => {
    expect(monthsBefore("2025-06-30", 1)).toBe("2025-05-30");
    expect(monthsBefore("2025-03-31", 1)).toBe("2025-02-28");
    expect(monthsBefore("2024-03-31", 1)).toBe("2024-02-29");
    expect(monthsBefore("2025-01-15", 3)).toBe("2024-10-15");
    expect(monthsBefore("2025-02-28", 12)).toBe("2024-02-28");
    expect(daysBefore("2025-06-30", 364)).toBe("2024-07-01");
  });
});

describe("periodStart", () => {
  it("starts a period at the last close on or before the same date that many months back", () => {
    // 30 May 2025 was a Friday; 30 March a Sunday, so the close of Friday 28 March.
    expect(periodStart(nvda.bars, "1M", "2025-06-30")).toEqual({ from: "2025-05-30" });
    expect(periodStart(nvda.bars, "3M", "2025-06-30")).toEqual({ from: "2025-03-28" });
    expect(periodStart(nvda.bars, "6M", "2025-06-30")).toEqual({ from: "2024-12-30" });
  });

  it("starts the year to date at the previous year's last close, even on the first trading day", () => {
    expect(periodStart(nvda.bars, "YTD", "2025-06-30")).toEqual({ from: "2024-12-31" });
    expect(periodStart(nvda.bars, "YTD", "2025-01-02")).toEqual({ from: "2024-12-31" });
  });

  it("starts at the first bar, and says so, when the period is longer than the data", () => {
    expect(periodStart(nvda.bars, "1Y", "2025-06-30")).toEqual({ from: "2024-10-01", since: "2024-10-01" });
    expect(periodStart(baiduHk.bars, "1Y", "2025-06-30")).toEqual({
      from: "2024-10-02",
      since: "2024-10-02",
    });
    // A year to date with no close of the previous year in the data.
    const fromJanuary = nvda.bars.filter((bar) => bar.date >= "2025-01-02");
    expect(periodStart(fromJanuary, "YTD", "2025-03-31")).toEqual({
      from: "2025-01-02",
      since: "2025-01-02",
    });
    // "All" is the whole of the data, never a shortfall.
    expect(periodStart(nvda.bars, "All", "2025-06-30")).toEqual({ from: "2024-10-01" });
  });
});

describe("quoteOf", () => {
  const quote = quoteOf(upTo(nvda.bars, "2025-06-30"));

  it("quotes the last close, the day's move and the day's open, high and low", () => {
    expect(quote).toMatchObject({
      date: "2025-06-30",
      close: 157.99,
      open: 158.4,
      high: 158.66,
      low: 155.96,
    });
    // 157.75 on Friday 27 June to 157.99.
    expect(quote.move?.change).toBeCloseTo(0.24, 10);
    expect(quote.move?.percent).toBeCloseTo(0.152139, 5);
  });

  it("gives the 52-week range as the lowest low and highest high, since the first bar when the data are shorter", () => {
    // The data begin on 1 October 2024, after 1 July 2024 (52 weeks before 30 June 2025).
    expect(quote.range52).toEqual({
      low: { value: 86.62, date: "2025-04-07" },
      high: { value: 158.71, date: "2025-06-27" },
      since: "2024-10-01",
    });
  });

  it("averages volume over the sessions of the last three months", () => {
    // The 63 sessions after 30 March 2025, to 30 June.
    expect(quote.volume).toBe(194580300);
    expect(quote.averageVolume?.days).toBe(63);
    expect(quote.averageVolume?.value).toBeCloseTo(249020947.619, 2);
    expect(quote.averageVolume?.since).toBeUndefined();
  });

  it("gives the change over 1 month, 3 months, the year to date and 1 year", () => {
    const byPeriod = Object.fromEntries(quote.changes.map((c) => [c.period, c]));
    // From 135.13 (30 May), 109.67 (28 March), 134.29 (31 December), 117.00 (1 October, the first bar).
    expect(byPeriod["1M"]!.move?.percent).toBeCloseTo(16.917043, 5);
    expect(byPeriod["3M"]!.move?.percent).toBeCloseTo(44.059451, 5);
    expect(byPeriod.YTD!.move?.percent).toBeCloseTo(17.648373, 5);
    expect(byPeriod["1Y"]!.move?.percent).toBeCloseTo(35.034188, 5);
    expect(byPeriod["1Y"]!.since).toBe("2024-10-01");
    expect(byPeriod.YTD!.since).toBeUndefined();
  });

  it("on the first trading day of a year, measures the year to date from the last close of the last", () => {
    const january = quoteOf(nvda.bars, "2025-01-02");
    const ytd = january.changes.find((c) => c.period === "YTD")!;
    // 134.29 on 31 December 2024 to 138.31: the same as the day's move.
    expect(ytd.move?.fromDate).toBe("2024-12-31");
    expect(ytd.move?.percent).toBeCloseTo(2.993521, 5);
    expect(january.move?.percent).toBeCloseTo(2.993521, 5);
    // A quote on a day uses no later bar: the 52-week high is the highest high up to 2 January.
    expect(january.range52.high).toEqual({ value: 152.89, date: "2024-11-21" });
  });

  it("labels what a shorter history covers, for a ticker whose data begin later", () => {
    const hk = quoteLines(quoteOf(upTo(baiduHk.bars, "2025-06-30")), ticker("baidu-hk"));
    expect(hk.day.find((line) => line.label.startsWith("Range"))?.label).toBe("Range since 2 Oct 2024");
    expect(hk.changes.map((line) => line.label)).toEqual([
      "1 month",
      "3 months",
      "Year to date",
      "Since 2 Oct 2024",
    ]);
  });

  it("with a full year of data, says 52 weeks and 1 year", () => {
    // Synthetic: a bar every day of 2024 and 2025 whose close is its day of the series.
    const days = Array.from({ length: 731 }, (_, i) =>
      new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10),
    );
    const bars = days.map((date, i) => ({
      date,
      open: i + 1,
      high: i + 2,
      low: i + 0.5,
      close: i + 1,
      volume: 10,
    }));
    const full = quoteOf(bars, "2025-12-31");
    expect(full.range52.since).toBeUndefined();
    // 52 weeks before 31 December 2025 is 1 January 2025 (day 367): the window starts the next day.
    expect(full.range52.low).toEqual({ value: 367.5, date: "2025-01-02" });
    const lines = quoteLines(full, ticker("nvda"));
    expect(lines.day.map((line) => line.label)).toContain("52-week range");
    expect(lines.day.map((line) => line.label)).toContain("Average volume, 3 months");
    expect(lines.changes.map((line) => line.label)).toEqual([
      "1 month",
      "3 months",
      "Year to date",
      "1 year",
    ]);
  });
});

describe("quoteLines", () => {
  it("writes every figure with its currency and sign", () => {
    const lines = quoteLines(quoteOf(upTo(nvda.bars, "2025-06-30")), ticker("nvda"));
    expect(lines.close).toBe("$157.99");
    expect(lines.move).toEqual({ label: "Day's change", value: "+$0.24 (+0.15%)", direction: "up" });
    expect(lines.day).toEqual([
      { label: "Open", value: "$158.40" },
      { label: "Day's high", value: "$158.66" },
      { label: "Day's low", value: "$155.96" },
      { label: "Range since 1 Oct 2024", value: "$86.62 to $158.71" },
      { label: "Volume", value: "194.58M" },
      { label: "Average volume, 3 months", value: "249.02M" },
    ]);
    expect(lines.changes).toEqual([
      { label: "1 month", value: "+$22.86 (+16.92%)", direction: "up" },
      { label: "3 months", value: "+$48.32 (+44.06%)", direction: "up" },
      { label: "Year to date", value: "+$23.70 (+17.65%)", direction: "up" },
      { label: "Since 1 Oct 2024", value: "+$40.99 (+35.03%)", direction: "up" },
    ]);
  });

  it("writes an index in points, with no currency", () => {
    const lines = quoteLines(quoteOf(ixic.bars, "2025-01-27"), ticker("ixic"));
    // 19,954.30 on Friday 24 January to 19,341.83.
    expect(lines.close).toBe("19,341.83 points");
    expect(lines.move?.value).toBe("-612.47 points (-3.07%)");
    expect(lines.move?.direction).toBe("down");
    expect(lines.day[0]).toEqual({ label: "Open", value: "19,234.04 points" });
  });
});

describe("news days", () => {
  // Nvidia's article days: the sell-off, the rebound, "Has America spent wisely", the US-China piece.
  const dates = ["2025-01-27", "2025-01-28", "2025-02-03", "2025-02-18"];
  const bars = upTo(nvda.bars, "2025-06-30");
  const stats = newsDayStats(bars, dates);

  it("gives each news day's move", () => {
    expect(stats.days.map((day) => day.move?.percent.toFixed(2))).toEqual([
      "-16.97",
      "8.93",
      "-2.84",
      "0.40",
    ]);
  });

  it("averages the size of the moves on news days and on every day", () => {
    // (16.9682 + 8.9259 + 2.8400 + 0.3961) / 4; and the mean absolute move of the 185 day moves.
    expect(stats.newsAverage).toBeCloseTo(7.282536, 5);
    expect(stats.allAverage).toBeCloseTo(2.468069, 5);
    expect([stats.newsDays, stats.allDays]).toEqual([4, 185]);
  });

  it("compares them in a sentence", () => {
    expect(newsDaySentence(bars, ticker("nvda"), stats)).toBe(
      "On the 4 trading days with our articles, Nvidia moved 7.28% on average, up or down: 2.95 times its average of 2.47% over all 185 trading days from 2 Oct 2024 to 30 Jun 2025.",
    );
  });

  it("leaves a news day on the first bar without a move, and says nothing when no day has one", () => {
    const first = newsDayStats(bars, ["2024-10-01"]);
    expect(first.days).toEqual([{ date: "2024-10-01" }]);
    expect(newsDaySentence(bars, ticker("nvda"), first)).toBeUndefined();
    expect(newsDaySentence(bars, ticker("nvda"), newsDayStats(bars, ["2025-01-27"]))).toMatch(
      /^On the one trading day with our articles, Nvidia moved 16\.97% on average/,
    );
  });
});
