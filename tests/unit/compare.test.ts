/**
 * <CompareChart>: rebasing, the caption's best and worst performer, how series on different
 * calendars align, the checks it shares with <PriceChart>, and what it embeds. Expected values were
 * worked out by hand from content/prices/*.json.
 */
import { describe, expect, it } from "vitest";
import {
  compareData,
  compareDataJson,
  compareRows,
  resolveCompare,
  tickersProp,
  type CompareProps,
} from "../../src/lib/chart/index.ts";
import { tickerData } from "../support/price-data";

const T = "\u2009–\u2009";
const chips = ["nvda", "avgo", "tsm", "ixic"].map(tickerData);
const at = (date: string, asOf = date) => ({ date, asOf });

/** BYD's data cut at 5 June 2025, so a range can run past them inside Nvidia's whatever the snapshots hold. */
const shortByd = {
  ...tickerData("byd"),
  bars: tickerData("byd").bars.filter((bar) => bar.date <= "2025-06-05"),
};
const dataOf = (id: string) => (id === "byd" ? shortByd : tickerData(id));

function errorOf(ids: string[], props: CompareProps, article?: { date: string; asOf: string }): string {
  try {
    resolveCompare(ids.map(dataOf), props, article);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`no error for ${JSON.stringify(props)}`);
}

describe("rebasing", () => {
  const spec = resolveCompare(chips, { from: "2025-01-24", to: "2025-01-31" });

  it("starts every series at 100 on `from` and follows its closes", () => {
    expect(spec.dates).toEqual([
      "2025-01-24",
      "2025-01-27",
      "2025-01-28",
      "2025-01-29",
      "2025-01-30",
      "2025-01-31",
    ]);
    for (const series of spec.series) expect(series.values[0]).toBe(100);
    // Nvidia: 142.62 on 24 January; 118.42 on the 27th; 120.07 on the 31st.
    expect(spec.series[0]!.values[1]).toBeCloseTo(83.031833, 5);
    expect(spec.series[0]!.values.at(-1)).toBeCloseTo(84.188753, 5);
    expect(spec.series.every((s) => s.traded.every(Boolean))).toBe(true);
  });

  it("writes the change from `from` in per cent with mode=percent", () => {
    const percent = resolveCompare(chips, { from: "2025-01-24", to: "2025-01-31", mode: "percent" });
    expect(percent.series[0]!.values[0]).toBe(0);
    expect(percent.series[0]!.values.at(-1)).toBeCloseTo(-15.811247, 5);
    expect(compareRows(percent)[5]!.cells.map((c) => c.text)).toEqual([
      "-15.81%",
      "-9.57%",
      "-5.66%",
      "-1.64%",
    ]);
    expect(compareRows(spec)[5]!.cells.map((c) => c.text)).toEqual(["84.19", "90.43", "94.34", "98.36"]);
  });

  it("captions the best and the worst performer, each with its move", () => {
    // Nvidia 142.62 to 120.07; Broadcom 244.70 to 221.27; TSMC 221.88 to 209.32; Nasdaq 19,954.30 to 19,627.44.
    expect(spec.caption).toBe(
      `Over 24${T}31 Jan 2025, Nasdaq Composite did best of the four: it fell 1.64%. Nvidia did worst: it fell 15.81%.`,
    );
    expect(spec.title).toBe(`Nvidia, Broadcom, TSMC and Nasdaq Composite, 24${T}31 Jan 2025`);
    expect(spec.description).toBe(
      `Line chart comparing Nvidia, Broadcom, TSMC and Nasdaq Composite, 24${T}31 Jan 2025, each rebased to 100 at its close on 24 Jan 2025.`,
    );
    // One line per series: each names its symbol, how it was retrieved and its basis.
    expect(spec.source.split(/(?<=\.) (?=Source)/)).toEqual(
      ["NVDA", "AVGO", "TSM", "^IXIC"].map(
        (symbol) =>
          `Source: heliar-k/market-base (IBKR daily bars) (${symbol} via a CSV file, retrieved 28 Nov 2026); prices as traded.`,
      ),
    );
  });

  it("names a riser as the best when there is one", () => {
    // Over 13 to 27 January the index rose 1.33% while Nvidia fell 11.12%.
    expect(resolveCompare(chips, { from: "2025-01-13", to: "2025-01-27" }).caption).toBe(
      `Over 13${T}27 Jan 2025, Nasdaq Composite did best of the four: it rose 1.33%. Nvidia did worst: it fell 11.12%.`,
    );
  });
});

describe("series on different calendars", () => {
  // Hong Kong was shut from 28 to 31 January 2025 (Lunar New Year); New York traded every day.
  const spec = resolveCompare(["byd", "tsla"].map(tickerData), { from: "2025-01-24", to: "2025-02-03" });

  it("takes every date either traded, carrying BYD's close over the days Hong Kong was shut", () => {
    expect(spec.dates).toEqual([
      "2025-01-24",
      "2025-01-27",
      "2025-01-28",
      "2025-01-29",
      "2025-01-30",
      "2025-01-31",
      "2025-02-03",
    ]);
    const [byd, tsla] = spec.series;
    expect(byd!.traded).toEqual([true, true, false, false, false, false, true]);
    expect(tsla!.traded.every(Boolean)).toBe(true);
    // 274.40 on the 24th; 274.80 on the 27th, carried to the 31st.
    expect(new Set(byd!.values.slice(1, 6).map((v) => v.toFixed(4)))).toEqual(new Set(["100.1458"]));
    const rows = compareRows(spec);
    expect(rows[3]!.cells).toEqual([
      { text: "100.15", carried: true },
      { text: "95.70", carried: false },
    ]);
  });

  it("measures each move to its last close on or before the last date", () => {
    // BYD 274.40 to 274.60; Tesla 406.58 to 383.68.
    expect(spec.caption).toBe(
      `Over 24 Jan${T}3 Feb 2025, BYD did best of the two: it rose 0.07%. Tesla did worst: it fell 5.63%.`,
    );
  });

  it("says when a series' last close came before the last date", () => {
    const shut = resolveCompare(["byd", "tsla"].map(tickerData), { from: "2025-01-24", to: "2025-01-31" });
    expect(shut.to).toBe("2025-01-31");
    expect(shut.caption).toBe(
      `Over 24${T}31 Jan 2025, BYD did best of the two: it rose 0.15% to its last close, on 27 Jan 2025. Tesla did worst: it fell 0.49%.`,
    );
  });
});

describe("checks", () => {
  it.each<[string, string[], CompareProps, { date: string; asOf: string } | undefined, string]>([
    [
      "no from",
      ["nvda", "ixic"],
      { to: "2025-01-31" },
      undefined,
      'needs from="YYYY-MM-DD": the day every series is measured from (a trading day of each of them)',
    ],
    [
      "a from on which one series did not trade",
      ["tsla", "byd"],
      { from: "2025-01-29", to: "2025-02-03" },
      undefined,
      'from="2025-01-29" must be a trading day of every series, and for byd: 2025-01-29 was not a trading day in the data; the nearest trading days are 2025-01-27 and 2025-02-03',
    ],
    [
      "a to on which none traded",
      ["nvda", "byd"],
      { from: "2025-01-24", to: "2025-02-01" },
      undefined,
      'to="2025-02-01" was not a trading day of any of the series; their last trading days before it: nvda 2025-01-31, byd 2025-01-27',
    ],
    [
      "a to past one series' data",
      ["nvda", "byd"],
      { from: "2025-06-02", to: "2025-06-30" },
      undefined,
      'to="2025-06-30" is outside the data of byd: they run from 2024-10-02 to 2025-06-05; end the comparison on or before 2025-06-05',
    ],
    [
      "a to after the as-of date",
      ["nvda", "ixic"],
      { from: "2025-01-24", to: "2025-01-31" },
      at("2025-01-27"),
      'to="2025-01-31" is after the article\'s as-of date, 2025-01-27 (its publication date): an article\'s chart shows no prices from after it; end the chart on or before 2025-01-27, or add afterPublication to show the later days, shaded and labelled "after publication"',
    ],
    [
      "an unknown mode",
      ["nvda", "ixic"],
      { from: "2025-01-24", to: "2025-01-31", mode: "log" },
      undefined,
      'mode="log" is not accepted; use one of rebased, percent (rebased: each series is 100 at from; percent: the change from from)',
    ],
    [
      "a range of one day",
      ["nvda", "ixic"],
      { from: "2025-01-24", to: "2025-01-24" },
      undefined,
      "the range 2025-01-24 to 2025-01-24 holds 1 trading day; a comparison needs at least 2, so move from earlier or to later",
    ],
  ])("%s", (_name, ids, props, article, message) => {
    expect(errorOf(ids, props, article)).toBe(message);
  });

  it.each<[unknown, string]>([
    ["nvda", 'tickers must be a list of 2 to 6 ticker ids; write tickers={["nvda", "avgo", "tsm", "ixic"]}'],
    [
      ["nvda"],
      'tickers has 1 ticker(s); a comparison needs 2 to 6, e.g. tickers={["nvda", "avgo", "tsm", "ixic"]}',
    ],
    [
      ["a", "b", "c", "d", "e", "f", "g"],
      'tickers has 7 ticker(s); a comparison needs 2 to 6, e.g. tickers={["nvda", "avgo", "tsm", "ixic"]}',
    ],
    [["nvda", 3], 'tickers[1] is 3, not a ticker id; write tickers={["nvda", "avgo", "tsm", "ixic"]}'],
    [
      ["nvda", "ixic", "nvda"],
      'tickers[2]: "nvda" is listed twice (first as tickers[0]); list each ticker once',
    ],
  ])("tickers=%o is refused", (value, message) => {
    expect(() => tickersProp(value)).toThrow(message);
  });
});

describe("in an article", () => {
  it("ends on the as-of date by default", () => {
    const spec = resolveCompare(chips, { from: "2025-01-13" }, at("2025-01-27"));
    expect(spec.to).toBe("2025-01-27");
    expect(spec.afterPublication).toBeUndefined();
  });

  it("shows later days with afterPublication, shaded, and says so", () => {
    const spec = resolveCompare(
      chips,
      { from: "2025-01-24", to: "2025-01-31", afterPublication: true },
      at("2025-01-27"),
    );
    expect(spec.afterPublication).toBe("2025-01-28");
    expect(spec.caption).toMatch(/ Days after publication, from 28 Jan 2025, are shaded\.$/);
    expect(spec.description).toMatch(/; shaded after publication from 28 Jan 2025\.$/);
    expect(compareData(spec).afterPublication).toBe("2025-01-28");
  });
});

describe("what the page embeds", () => {
  it("is the values rounded as displayed, with each series' name and symbol", () => {
    const data = compareData(resolveCompare(chips, { from: "2025-01-24", to: "2025-01-27" }));
    expect(data).toEqual({
      kind: "compare",
      mode: "rebased",
      dates: ["2025-01-24", "2025-01-27"],
      series: [
        { name: "Nvidia", symbol: "NVDA", values: [100, 83.03] },
        { name: "Broadcom", symbol: "AVGO", values: [100, 82.6] },
        { name: "TSMC", symbol: "TSM", values: [100, 86.67] },
        { name: "Nasdaq Composite", symbol: "^IXIC", values: [100, 96.93] },
      ],
    });
    expect(compareDataJson(resolveCompare(chips, { from: "2025-01-24", to: "2025-01-27" }))).not.toContain(
      "<",
    );
  });
});
