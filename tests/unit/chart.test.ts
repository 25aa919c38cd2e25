import { describe, expect, it } from "vitest";
import {
  chartData,
  chartDataJson,
  chartRows,
  resolveChart,
  sourceLine,
  type ChartProps,
} from "../../src/lib/chart/index.ts";
import { MDX_COMPONENTS } from "../../src/lib/mdx/index.ts";
import { tickerData, snapshot } from "../support/price-data";

const T = "\u2009–\u2009"; // Intl's range separator: thin space, en dash, thin space.
const nvda = tickerData("nvda");
const byd = tickerData("byd");
const ixic = tickerData("ixic");
const bidu = tickerData("bidu");

/** The message resolveChart throws for these props (fails the test if it does not throw). */
function errorOf(props: ChartProps, centre?: string, source = nvda): string {
  try {
    resolveChart(source, props, centre);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`no error for ${JSON.stringify(props)}`);
}

describe("the range", () => {
  it("defaults to 15 trading days either side of the article's date", () => {
    const spec = resolveChart(nvda, {}, "2025-01-27");
    // 15 sessions back skips the 9 Jan market closure; forward skips Presidents' Day, 17 Feb.
    expect([spec.from, spec.to]).toEqual(["2025-01-02", "2025-02-18"]);
    expect(spec.bars).toHaveLength(31);
    expect(spec.bars[15]!.date).toBe("2025-01-27");
  });

  it("centres on the next session when the article is dated on a weekend, and marks that session", () => {
    const spec = resolveChart(bidu, {}, "2025-03-16");
    expect(spec.bars[15]!.date).toBe("2025-03-17");
    expect(spec.markers).toEqual([{ date: "2025-03-17", label: "Session after publication" }]);
    expect(spec.focus).toBe("2025-03-17");
  });

  it("marks the article's own date by default when it was a trading day", () => {
    expect(resolveChart(nvda, { from: "2025-01-13", to: "2025-01-27" }, "2025-01-27").markers).toEqual([
      { date: "2025-01-27", label: "Published" },
    ]);
  });

  it("keeps only the slice, both ends included, with the close before it", () => {
    const spec = resolveChart(nvda, { from: "2025-01-13", to: "2025-01-27" }, "2025-01-27");
    expect(spec.bars.map((b) => b.date)).toEqual([
      "2025-01-13",
      "2025-01-14",
      "2025-01-15",
      "2025-01-16",
      "2025-01-17",
      "2025-01-21",
      "2025-01-22",
      "2025-01-23",
      "2025-01-24",
      "2025-01-27",
    ]);
    expect(spec.previousClose).toBe(135.91); // close of Friday 10 January
  });

  it("has no previous close when it starts at the first bar of the data", () => {
    const spec = resolveChart(nvda, { from: "2024-10-01", to: "2024-10-04" });
    expect(spec.previousClose).toBeUndefined();
    expect(chartRows(spec)[0]!.change).toBeUndefined();
  });

  it("needs from and to outside an article", () => {
    expect(errorOf({})).toContain(
      'outside an article a chart has no date to centre on; give from="YYYY-MM-DD"',
    );
    const spec = resolveChart(nvda, { from: "2024-10-01", to: "2025-06-30" });
    expect(spec.bars).toHaveLength(snapshot("nvda").bars.length);
    expect(spec.markers).toEqual([]);
    expect(spec.focus).toBe("2025-06-30");
  });
});

describe("errors name the prop, the value and what would work", () => {
  const DATA = "the data run from 2024-10-01 to 2025-06-30";
  const range = { from: "2025-01-13", to: "2025-02-03" };
  const cases: [string, ChartProps, string | undefined, string][] = [
    [
      "from after to",
      { from: "2025-02-03", to: "2025-01-13" },
      undefined,
      "from (2025-02-03) is after to (2025-01-13); from must be the earlier date",
    ],
    [
      "a range with fewer than 2 bars",
      { from: "2025-01-27", to: "2025-01-27" },
      undefined,
      "the range 2025-01-27 to 2025-01-27 holds 1 trading day; a chart needs at least 2, so move from earlier or to later",
    ],
    [
      "a range starting before the data",
      { from: "2024-06-03", to: "2025-01-27" },
      undefined,
      `from="2024-06-03": 2024-06-03 is outside the data: ${DATA}`,
    ],
    [
      "a range ending after the data",
      { from: "2025-06-02", to: "2025-07-31" },
      undefined,
      `to="2025-07-31": 2025-07-31 is outside the data: ${DATA}`,
    ],
    [
      "a range end on a day without trading",
      { from: "2025-01-18", to: "2025-01-27" },
      undefined,
      'from="2025-01-18": 2025-01-18 was not a trading day in the data; the nearest trading days are 2025-01-17 and 2025-01-21',
    ],
    [
      "a marker outside the chart's range",
      { ...range, markers: [{ date: "2025-03-03", label: "Later" }] },
      undefined,
      "markers[0].date 2025-03-03 is outside the chart's range 2025-01-13 to 2025-02-03; move the marker or widen from/to",
    ],
    [
      "a marker outside the data",
      { ...range, markers: [{ date: "2026-01-05", label: "Future" }] },
      undefined,
      `markers[0].date: 2026-01-05 is outside the data: ${DATA}`,
    ],
    [
      "a marker on a day without trading",
      { ...range, markers: [{ date: "2025-01-25", label: "Saturday" }] },
      undefined,
      "markers[0].date: 2025-01-25 was not a trading day in the data; the nearest trading days are 2025-01-24 and 2025-01-27",
    ],
    [
      "an article date outside the data when the range is left to default",
      {},
      "2025-08-01",
      "the article's date 2025-08-01 is outside the data (2024-10-01 to 2025-06-30); give from and to inside it, or update the price snapshot",
    ],
    [
      "a date that is not YYYY-MM-DD",
      { from: "27/01/2025", to: "2025-02-03" },
      undefined,
      'from="27/01/2025" is not a date; write from="YYYY-MM-DD", e.g. "2025-01-27"',
    ],
    [
      "an unknown chart type",
      { type: "bars" },
      "2025-01-27",
      'type="bars" is not a chart type; use one of area, line, candles',
    ],
    [
      "a height out of bounds",
      { height: 90 },
      "2025-01-27",
      "height=90 is not accepted; give a whole number of pixels from 200 to 640, e.g. height={320}",
    ],
    [
      "an empty title",
      { title: "" },
      "2025-01-27",
      'title="" is not accepted; give a short heading, or leave title out',
    ],
    [
      "markers that are not a list",
      { markers: "2025-01-27" },
      "2025-01-27",
      'markers must be a list; write markers={[{ date: "2025-01-27", label: "DeepSeek sell-off" }]}',
    ],
    [
      "a marker without a label",
      { markers: [{ date: "2025-01-27" }] },
      "2025-01-27",
      "markers[0].label undefined is missing or empty; give a short label",
    ],
    [
      "a marker with an unknown field",
      { markers: [{ date: "2025-01-27", label: "x", colour: "red" }] },
      "2025-01-27",
      "markers[0] has unknown field colour; a marker has date, label and href",
    ],
    [
      "a marker link that is not a site path or http(s) URL",
      { markers: [{ date: "2025-01-27", label: "x", href: "javascript:alert(1)" }] },
      "2025-01-27",
      'markers[0].href "javascript:alert(1)" is not a link: the address uses the scheme "javascript:", which is not accepted; link with http:, https:, mailto: or to a site path such as /tags/nvidia/',
    ],
    [
      "a marker link that is not text",
      { markers: [{ date: "2025-01-27", label: "x", href: 42 }] },
      "2025-01-27",
      'markers[0].href 42 is not a link; give a site path ("/articles/x/") or an https:// address',
    ],
  ];

  it.each(cases)("%s", (_name, props, centre, message) => {
    expect(errorOf(props, centre)).toBe(message);
  });

  it("accepts a height written as a string of digits", () => {
    expect(resolveChart(nvda, { height: "400" }, "2025-01-27").height).toBe(400);
  });
});

describe("words", () => {
  it("caption a fall on the article's day and the change over the range (USD)", () => {
    const spec = resolveChart(nvda, { from: "2025-01-13", to: "2025-01-27" }, "2025-01-27");
    expect(spec.caption).toBe(
      `Nvidia fell 16.97% on 27 Jan 2025 to $118.42; over 13${T}27 Jan 2025 it fell 11.12%.`,
    );
  });

  it("caption a day's fall inside a range that rose (HKD)", () => {
    const spec = resolveChart(byd, { from: "2025-01-20", to: "2025-02-21" }, "2025-02-11");
    expect(spec.caption).toBe(
      `BYD fell 0.73% on 11 Feb 2025 to HK$327.80; over 20 Jan${T}21 Feb 2025 it rose 42.69%.`,
    );
  });

  it("caption an index in points", () => {
    const spec = resolveChart(ixic, { from: "2025-01-13", to: "2025-01-27" }, "2025-01-27");
    expect(spec.caption).toBe(
      `Nasdaq Composite fell 3.07% on 27 Jan 2025 to 19,341.83 points; over 13${T}27 Jan 2025 it rose 1.33%.`,
    );
  });

  it("caption the last day of the range outside an article, or a close when there is no previous one", () => {
    expect(resolveChart(nvda, { from: "2025-01-24", to: "2025-01-28" }).caption).toBe(
      `Nvidia rose 8.93% on 28 Jan 2025 to $128.99; over 24${T}28 Jan 2025 it fell 9.56%.`,
    );
    expect(resolveChart(nvda, { from: "2024-10-01", to: "2024-10-02" }, "2024-10-01").caption).toBe(
      `Nvidia closed at $117.00 on 1 Oct 2024; over 1${T}2 Oct 2024 it rose 1.58%.`,
    );
  });

  it("derive a title, and keep an editor's", () => {
    expect(resolveChart(nvda, { from: "2025-01-13", to: "2025-01-27" }).title).toBe(
      `Nvidia (NVDA), 13${T}27 Jan 2025`,
    );
    expect(resolveChart(nvda, { title: " The sell-off " }, "2025-01-27").title).toBe("The sell-off");
  });

  it("describe the picture for text alternatives", () => {
    const spec = resolveChart(byd, {
      from: "2025-01-20",
      to: "2025-02-21",
      type: "candles",
      markers: [{ date: "2025-02-11", label: "Record intraday high" }],
    });
    expect(spec.description).toBe(
      `Candlestick chart of the daily open, high, low and close of BYD (1211.HK), 20 Jan${T}21 Feb 2025; marked: 11 Feb 2025 (Record intraday high).`,
    );
  });

  it("name up to five marked days in the description, and count more than that", () => {
    const days = ["2025-02-03", "2025-02-04", "2025-02-05", "2025-02-06", "2025-02-07", "2025-02-10"];
    const markers = days.map((date, i) => ({ date, label: `Story ${i + 1}` }));
    const five = resolveChart(byd, { from: "2025-01-20", to: "2025-02-21", markers: markers.slice(0, 5) });
    expect(five.description).toMatch(/; marked: 3 Feb 2025 \(Story 1\), .*, 7 Feb 2025 \(Story 5\)\.$/);
    const six = resolveChart(byd, { from: "2025-01-20", to: "2025-02-21", markers });
    expect(six.description).toMatch(/; marked: 6 days between 3 Feb 2025 and 10 Feb 2025\.$/);
    expect(six.description).not.toContain("Story");
  });

  it("state the source and whether prices are adjusted", () => {
    expect(sourceLine(snapshot("nvda"))).toBe(
      "Source: heliar-k/market-base (IBKR daily bars), retrieved 28 Nov 2026; prices as traded.",
    );
    expect(sourceLine({ ...snapshot("nvda"), adjusted: "split-dividend" })).toMatch(
      /prices adjusted for splits and dividends\.$/,
    );
  });
});

describe("what the page embeds", () => {
  const range = {
    from: "2025-01-13",
    to: "2025-01-27",
    markers: [{ date: "2025-01-27", label: "Sell-off", href: "/articles/x/" }],
  };

  it("is the slice as [date, close] pairs for line and area charts", () => {
    const data = chartData(resolveChart(nvda, range));
    expect(data.bars).toHaveLength(10);
    expect(data.bars[0]).toEqual(["2025-01-13", 133.23]);
    expect(data.bars.at(-1)).toEqual(["2025-01-27", 118.42]);
    expect(data).toMatchObject({ type: "area", direction: "down", markers: range.markers });
    // Rounded as displayed: 135.91 (10 January) to 133.23, and 142.62 (24 January) to 118.42.
    expect(data.dayChanges).toHaveLength(10);
    expect(data.dayChanges[0]).toBe(-1.97);
    expect(data.dayChanges.at(-1)).toBe(-16.97);
    expect(data.ticker).toEqual({ currency: "USD", kind: "stock" });
  });

  it("adds open, high and low for candles", () => {
    const data = chartData(resolveChart(nvda, { ...range, type: "candles" }));
    expect(data.bars.at(-1)).toEqual(["2025-01-27", 118.42, 124.8, 128.4, 116.7]);
  });

  it("cannot close its script element early", () => {
    const json = chartDataJson(
      resolveChart(nvda, { ...range, markers: [{ date: "2025-01-27", label: "</script><b>" }] }),
    );
    expect(json).not.toContain("<");
    expect(JSON.parse(json).markers[0].label).toBe("</script><b>");
  });

  it("has a table row per bar with the day's move and its markers", () => {
    const rows = chartRows(resolveChart(nvda, range));
    expect(rows).toHaveLength(10);
    expect(rows.at(-1)).toEqual({
      date: "2025-01-27",
      day: "27 Jan 2025",
      open: "124.80",
      high: "128.40",
      low: "116.70",
      close: "118.42",
      change: { text: "-16.97%", direction: "down" },
      markers: range.markers,
    });
    // 133.23 on the 13th against 135.91 on the 10th, the close before the slice.
    expect(rows[0]!.change).toEqual({ text: "-1.97%", direction: "down" });
  });
});

describe("npm run check:content", () => {
  const data = {
    tickerById: new Map([["nvda", nvda.ticker]]),
    snapshots: new Map([["nvda", snapshot("nvda")]]),
  };
  const checkChart = (props: Record<string, unknown>) =>
    MDX_COMPONENTS.PriceChart.compute(props, article, data);
  const article = { id: "x", file: "content/articles/x.mdx", date: "2025-01-27" };

  it("checks a chart's props as the build does, without building", () => {
    expect(() => checkChart({ ticker: "nvda" })).not.toThrow();
    expect(() => checkChart({ ticker: "nvda", from: "2025-02-03", to: "2025-01-13" })).toThrow(
      "from (2025-02-03) is after to (2025-01-13); from must be the earlier date",
    );
    expect(() => checkChart({ ticker: "nvda", markers: [{ date: "2025-01-25", label: "x" }] })).toThrow(
      "markers[0].date: 2025-01-25 was not a trading day",
    );
  });
});
