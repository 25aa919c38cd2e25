/**
 * A ticker page's chart: the ranges its buttons choose among (at the edges of the data too), the range
 * it opens on, what it embeds for the browser, and its benchmark aligned to its dates. Expected values
 * were worked out by hand from content/prices/*.json; the data are cut at a fixed day so the ranges
 * hold however far the snapshots run.
 */
import { describe, expect, it } from "vitest";
import { alignCloses, chartData, chartRanges, chartRows, tickerChart } from "../../src/lib/chart/index.ts";
import type { TickerData } from "../../src/lib/prices/index.ts";
import { tickerData } from "../support/price-data";

const T = "\u2009–\u2009";
/** A ticker's data as they stood at the close of `date`. */
function asAt(id: string, date: string): TickerData {
  const data = tickerData(id);
  return { ...data, bars: data.bars.filter((bar) => bar.date <= date) };
}
const nvda = asAt("nvda", "2025-06-30");
const ixic = asAt("ixic", "2025-06-30");

describe("chartRanges", () => {
  const ranges = chartRanges(nvda.ticker, nvda.bars);
  const range = (period: string) => ranges.find((r) => r.period === period)!;

  it("offers 1M, 3M, 6M, YTD, 1Y and All, each ending on the last bar", () => {
    expect(ranges.map((r) => [r.period, r.from, r.to])).toEqual([
      ["1M", "2025-05-30", "2025-06-30"],
      ["3M", "2025-03-28", "2025-06-30"],
      ["6M", "2024-12-30", "2025-06-30"],
      ["YTD", "2024-12-31", "2025-06-30"],
      ["1Y", "2024-10-01", "2025-06-30"],
      ["All", "2024-10-01", "2025-06-30"],
    ]);
  });

  it("shows all the data for a range longer than the data, and says so", () => {
    expect(range("1Y").name).toBe("1 year (the data begin 1 Oct 2024)");
    expect(range("All").name).toBe("All the data");
  });

  it("sums each range up in a sentence, from its first close to its last", () => {
    // 137.49 on 30 December 2024 to 157.99.
    expect(range("6M").summary).toBe(
      `6 months, 30 Dec 2024${T}30 Jun 2025: Nvidia rose 14.91%, from $137.49 to $157.99.`,
    );
    expect(range("6M").direction).toBe("up");
    expect(range("6M").compareSummary).toBeUndefined();
  });

  it("adds the benchmark's change to each summary when there is one", () => {
    const withIndex = chartRanges(nvda.ticker, nvda.bars, {
      ticker: ixic.ticker,
      closes: alignCloses(
        nvda.bars.map((b) => b.date),
        ixic.bars,
      ),
    });
    // Nasdaq Composite: 19,486.79 on 30 December 2024 to 20,369.73.
    expect(withIndex.find((r) => r.period === "6M")!.compareSummary).toBe(
      `6 months, 30 Dec 2024${T}30 Jun 2025: Nvidia rose 14.91%, from $137.49 to $157.99; Nasdaq Composite rose 4.53%.`,
    );
  });

  it("on the first trading day of a year, gives the year to date as the previous close and that day", () => {
    const january = asAt("nvda", "2025-01-02");
    const ytd = chartRanges(january.ticker, january.bars).find((r) => r.period === "YTD")!;
    expect([ytd.from, ytd.to]).toEqual(["2024-12-31", "2025-01-02"]);
    // 134.29 to 138.31.
    expect(ytd.summary).toBe(
      `Year to date, 31 Dec 2024${T}2 Jan 2025: Nvidia rose 2.99%, from $134.29 to $138.31.`,
    );
  });
});

describe("alignCloses", () => {
  it("gives each date the benchmark's last close on or before it, null before its data", () => {
    // Hong Kong was shut on 29 January 2025: the Tesla chart's BYD close carries from the 27th.
    const byd = tickerData("byd").bars;
    expect(alignCloses(["2024-10-01", "2025-01-27", "2025-01-29", "2025-02-03"], byd)).toEqual([
      null,
      274.8,
      274.8,
      274.6,
    ]);
  });
});

describe("tickerChart", () => {
  const markers = [
    { date: "2025-01-27", label: "Sell-off", href: "/articles/a/" },
    { date: "2024-11-20", label: "Earnings", href: "/articles/b/" },
  ];
  const spec = tickerChart(nvda, { markers, benchmark: ixic, height: 400 });

  it("opens on six months with volume, and its image and table show that range", () => {
    expect([spec.from, spec.to, spec.height, spec.volume]).toEqual(["2024-12-30", "2025-06-30", 400, true]);
    expect(spec.bars).toHaveLength(124);
    expect(chartRows(spec)).toHaveLength(124);
    // 167,734,700 shares on 30 December 2024.
    expect((chartRows(spec)[0] as { volume?: string }).volume).toBe("167.73M");
    // Only the markers inside the opening range are drawn on the image.
    expect(spec.markers).toEqual([markers[0]]);
    expect(spec.caption).toBe(
      `Nvidia rose 0.15% on 30 Jun 2025 to $157.99; over 30 Dec 2024${T}30 Jun 2025 it rose 14.91%.`,
    );
  });

  it("embeds every bar, every marker, the ranges and the benchmark for the buttons", () => {
    const data = chartData(spec);
    expect(data.bars).toHaveLength(nvda.bars.length);
    expect(data.bars[0]).toEqual(["2024-10-01", 117]);
    expect(data.volumes).toHaveLength(nvda.bars.length);
    expect(data.volumes![0]).toBe(302094500);
    expect(data.markers).toEqual(markers);
    expect(data.initial).toBe("6M");
    expect(data.ranges!.map((r) => r.period)).toEqual(["1M", "3M", "6M", "YTD", "1Y", "All"]);
    expect(data.benchmark!.name).toBe("Nasdaq Composite");
    expect(data.benchmark!.ticker).toEqual({ currency: "USD", kind: "index" });
    expect(data.benchmark!.closes[0]).toBe(17910.36);
    expect(data.benchmark!.closes).toHaveLength(nvda.bars.length);
    // The first bar of the data has no day move; every later one has.
    expect(data.dayChanges[0]).toBeNull();
    expect(data.dayChanges[1]).toBe(1.58);
  });

  it("has no benchmark when the ticker has none", () => {
    expect(chartData(tickerChart(nvda, { markers: [], height: 400 })).benchmark).toBeUndefined();
  });
});
