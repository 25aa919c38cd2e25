/**
 * "What happened next" from the real data, against figures worked out by hand from content/prices
 * (the closes are quoted in each test), and its edges on small made-up series.
 */
import { describe, expect, it } from "vitest";
import {
  laterCloseLabel,
  roundPercent,
  seriesEvents,
  whatHappenedNext,
  type Bar,
  type SeriesEvents,
} from "../../src/lib/prices/index.ts";
import { snapshot } from "../support/price-data.ts";

/** [days, date, close, per cent rounded] of each row, the latest last. */
const rows = (bars: readonly Bar[], asOf: string, events?: SeriesEvents) => {
  const next = whatHappenedNext(bars, asOf, events)!;
  return {
    from: next.from,
    rows: [...next.later, next.latest].map((r) => [r.days, r.date, r.close, roundPercent(r.move.percent)]),
  };
};

/** The data as they stood on 30 June 2025, so the latest close stays put however far the snapshots run. */
const untilJune = (id: string) => snapshot(id).bars.filter((bar) => bar.date <= "2025-06-30");

describe("whatHappenedNext on the real data", () => {
  it("Nvidia after 27 January 2025: 118.42, then 128.99, 116.66, 126.63 and 157.99 on 30 June", () => {
    expect(rows(untilJune("nvda"), "2025-01-27")).toEqual({
      from: { date: "2025-01-27", close: 118.42 },
      rows: [
        [1, "2025-01-28", 128.99, 8.93],
        [5, "2025-02-03", 116.66, -1.49],
        [20, "2025-02-25", 126.63, 6.93],
        [undefined, "2025-06-30", 157.99, 33.41],
      ],
    });
  });

  it("an article dated on a Sunday starts from the Friday close: Baidu in Hong Kong, 16 March 2025", () => {
    // Friday 14 March closed at 91.65; Monday 17 March 92.05; 21 March 91.45; the 20th trading day
    // after, with 4 April a holiday in Hong Kong, is 14 April: 82.25; the last bar, 30 June: 83.45.
    expect(rows(untilJune("baidu-hk"), "2025-03-16")).toEqual({
      from: { date: "2025-03-14", close: 91.65 },
      rows: [
        [1, "2025-03-17", 92.05, 0.44],
        [5, "2025-03-21", 91.45, -0.22],
        [20, "2025-04-14", 82.25, -10.26],
        [undefined, "2025-06-30", 83.45, -8.95],
      ],
    });
  });
});

describe("whatHappenedNext across BYD's 3-for-1 bonus issue of 10 June 2025", () => {
  it("divides the earlier close by 3 for every change that spans it", () => {
    // From 412.00 on 5 June: 403.00 on 6 June (-2.18%); 5 days on, 12 June, 134.40 against 412 / 3:
    // 403.2 / 412 - 1 = -2.14%; 20 days on, 4 July, 121.50: 364.5 / 412 - 1 = -11.53%; the last bar
    // of the data, 30 October 2025, 104.20: 312.6 / 412 - 1 = -24.13%. As traded it would read -67%.
    const byd = snapshot("byd");
    const bars = byd.bars.filter((bar) => bar.date <= "2025-10-30");
    expect(rows(bars, "2025-06-05", seriesEvents(byd))).toEqual({
      from: { date: "2025-06-05", close: 412 },
      rows: [
        [1, "2025-06-06", 403, -2.18],
        [5, "2025-06-12", 134.4, -2.14],
        [20, "2025-07-04", 121.5, -11.53],
        [undefined, "2025-10-30", 104.2, -24.13],
      ],
    });
    // The box names the bonus issue its changes span; Nvidia's, from 27 January 2025, spans none.
    expect(whatHappenedNext(bars, "2025-06-05", seriesEvents(byd))!.splits).toEqual([
      { date: "2025-06-10", ratio: { from: 1, to: 3 }, kind: "bonus-issue" },
    ]);
    expect(whatHappenedNext(untilJune("nvda"), "2025-01-27")!.splits).toEqual([]);
  });
});

describe("whatHappenedNext at the edges of the data", () => {
  const bar = (date: string, close: number): Bar => ({ date, open: close, high: close, low: close, close });
  const bars = [
    bar("2025-01-06", 100),
    bar("2025-01-07", 110),
    bar("2025-01-08", 99),
    bar("2025-01-09", 120),
    bar("2025-01-10", 80),
    bar("2025-01-13", 125),
  ];

  it("leaves out the rows the data cannot give yet", () => {
    // From 100 on the first day: 110 a day later (+10%), 125 five days later, the last bar (+25%).
    expect(rows(bars, "2025-01-06")).toEqual({
      from: { date: "2025-01-06", close: 100 },
      rows: [
        [1, "2025-01-07", 110, 10],
        [5, "2025-01-13", 125, 25],
        [undefined, "2025-01-13", 125, 25],
      ],
    });
    // From 110: 99 a day later (-10%); no fifth day yet; the latest, 125 (+13.64%).
    expect(rows(bars, "2025-01-07")).toEqual({
      from: { date: "2025-01-07", close: 110 },
      rows: [
        [1, "2025-01-08", 99, -10],
        [undefined, "2025-01-13", 125, 13.64],
      ],
    });
  });

  it("has nothing to show after the last close, or before the first", () => {
    expect(whatHappenedNext(bars, "2025-01-13")).toBeUndefined();
    expect(whatHappenedNext(bars, "2025-02-01")).toBeUndefined();
    expect(whatHappenedNext(bars, "2025-01-05")).toBeUndefined();
    expect(whatHappenedNext([], "2025-01-05")).toBeUndefined();
  });

  it("labels its rows", () => {
    expect([1, 5, 20, undefined].map(laterCloseLabel)).toEqual([
      "1 trading day later",
      "5 trading days later",
      "20 trading days later",
      "Latest close",
    ]);
  });
});
