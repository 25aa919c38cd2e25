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

/** An article dated `date`, as of `asOf` (its latest update; default its date). */
const at = (date: string, asOf = date) => ({ date, asOf });
const nvda = tickerData("nvda");
const byd = tickerData("byd");
const ixic = tickerData("ixic");
const bidu = tickerData("bidu");

/** The message resolveChart throws for these props (fails the test if it does not throw). */
function errorOf(props: ChartProps, centre?: string, source = nvda): string {
  try {
    resolveChart(source, props, centre === undefined ? undefined : at(centre));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`no error for ${JSON.stringify(props)}`);
}

describe("the range", () => {
  it("ends on the article's date by default, 15 trading days after its start", () => {
    const spec = resolveChart(nvda, {}, at("2025-01-27"));
    // 15 sessions back skips the 9 January market closure.
    expect([spec.from, spec.to]).toEqual(["2025-01-02", "2025-01-27"]);
    expect(spec.bars).toHaveLength(16);
    expect(spec.afterPublication).toBeUndefined();
  });

  it("ends on the latest update's date when the article has one", () => {
    const spec = resolveChart(byd, {}, at("2025-02-11", "2025-02-12"));
    expect([spec.from, spec.to]).toEqual(["2025-01-15", "2025-02-12"]);
    expect(spec.markers).toEqual([{ date: "2025-02-11", label: "Published" }]);
    expect(spec.focus).toBe("2025-02-11");
  });

  it("ends a weekend story with no update on the last close before it, and marks that close", () => {
    const spec = resolveChart(bidu, {}, at("2025-03-16"));
    expect([spec.from, spec.to]).toEqual(["2025-02-21", "2025-03-14"]);
    expect(spec.bars).toHaveLength(16);
    expect(spec.markers).toEqual([{ date: "2025-03-14", label: "Last close before publication" }]);
    expect(spec.focus).toBe("2025-03-14");
  });

  it("marks the session after a weekend story once an update reaches it", () => {
    const spec = resolveChart(bidu, {}, at("2025-03-16", "2025-03-18"));
    expect([spec.from, spec.to]).toEqual(["2025-02-24", "2025-03-18"]);
    expect(spec.markers).toEqual([{ date: "2025-03-17", label: "Session after publication" }]);
    expect(spec.focus).toBe("2025-03-17");
  });

  it("marks the article's own date by default when it was a trading day", () => {
    expect(resolveChart(nvda, { from: "2025-01-13", to: "2025-01-27" }, at("2025-01-27")).markers).toEqual([
      { date: "2025-01-27", label: "Published" },
    ]);
  });

  it("shows later days only with afterPublication, shaded from the first of them", () => {
    const spec = resolveChart(
      nvda,
      { from: "2025-01-13", to: "2025-02-03", afterPublication: true },
      at("2025-01-27"),
    );
    expect(spec.to).toBe("2025-02-03");
    expect(spec.afterPublication).toBe("2025-01-28");
    expect(spec.caption).toMatch(/ Days after publication, from 28 Jan 2025, are shaded\.$/);
    expect(spec.description).toMatch(/; shaded after publication from 28 Jan 2025\.$/);
    const rows = chartRows(spec);
    expect(
      rows.filter((row) => "afterPublication" in row && row.afterPublication).map((row) => row.date),
    ).toEqual(["2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-03"]);
    expect(chartData(spec).afterPublication).toBe("2025-01-28");
    // Without `to`, afterPublication shows 15 sessions past the as-of date.
    expect(resolveChart(nvda, { afterPublication: true }, at("2025-01-27")).to).toBe("2025-02-18");
  });

  it("adds a volume pane when asked, and a volume column to the table", () => {
    const spec = resolveChart(nvda, { from: "2025-01-24", to: "2025-01-27", volume: true }, at("2025-01-27"));
    expect(spec.volume).toBe(true);
    expect(spec.description).toContain(", with daily volume below");
    expect(chartData(spec).volumes).toEqual([234657600, 818830900]);
    expect(chartRows(spec).map((row) => ("volume" in row ? row.volume : undefined))).toEqual([
      "234.66M",
      "818.83M",
    ]);
    expect(resolveChart(nvda, { from: "2025-01-24", to: "2025-01-27" }, at("2025-01-27")).volume).toBe(false);
  });

  it("keeps only the slice, both ends included, with the close before it", () => {
    const spec = resolveChart(nvda, { from: "2025-01-13", to: "2025-01-27" }, at("2025-01-27"));
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
    expect(chartRows(spec)[0]).not.toHaveProperty("change");
  });

  it("needs from and to outside an article", () => {
    expect(errorOf({})).toContain(
      'outside an article a chart has no date to centre on; give from="YYYY-MM-DD"',
    );
    const spec = resolveChart(nvda, { from: "2024-10-01", to: "2026-09-17" });
    expect(spec.bars).toHaveLength(snapshot("nvda").bars.length);
    expect(spec.markers).toEqual([]);
    expect(spec.focus).toBe("2026-09-17");
  });
});

describe("errors name the prop, the value and what would work", () => {
  const DATA = "the data run from 2024-10-01 to 2026-09-17";
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
      { from: "2026-09-01", to: "2026-10-30" },
      undefined,
      `to="2026-10-30": 2026-10-30 is outside the data: ${DATA}`,
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
      { ...range, markers: [{ date: "2026-10-05", label: "Future" }] },
      undefined,
      `markers[0].date: 2026-10-05 is outside the data: ${DATA}`,
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
      "2026-10-01",
      "the article's date 2026-10-01 is outside the data (2024-10-01 to 2026-09-17); give from and to inside it, or update the price snapshot",
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

  const AS_OF =
    "is after the article's as-of date, 2025-01-27 (its publication date): an article's chart shows no prices from after it; end the chart on or before 2025-01-27, or add afterPublication to show the later days, shaded and labelled \"after publication\"";
  cases.push(
    [
      "a to after the article's as-of date",
      { from: "2025-01-13", to: "2025-02-03" },
      "2025-01-27",
      `to="2025-02-03" ${AS_OF}`,
    ],
    [
      "a from after the article's as-of date",
      { from: "2025-01-28", to: "2025-02-03" },
      "2025-01-27",
      `from="2025-01-28" ${AS_OF}`,
    ],
    [
      "a marker after the article's as-of date",
      { markers: [{ date: "2025-01-28", label: "Rebound" }] },
      "2025-01-27",
      `markers[0].date 2025-01-28 ${AS_OF}`,
    ],
    [
      "afterPublication outside an article",
      { from: "2025-01-13", to: "2025-02-03", afterPublication: true },
      undefined,
      "afterPublication only applies in an article, to the days after its as-of date; outside an article give from and to",
    ],
    [
      "afterPublication on a chart that ends by the as-of date",
      { from: "2025-01-13", to: "2025-01-27", afterPublication: true },
      "2025-01-27",
      "afterPublication shows days after the article's as-of date, 2025-01-27, but the chart ends on 2025-01-27; set to after 2025-01-27, or remove afterPublication",
    ],
    [
      "a switch given a value",
      { volume: "yes" },
      "2025-01-27",
      'volume="yes" is not accepted; write volume on its own (or volume={true}) to turn it on, or leave it out',
    ],
  );

  it.each(cases)("%s", (_name, props, centre, message) => {
    expect(errorOf(props, centre)).toBe(message);
  });

  it("says which date an updated article is as of", () => {
    expect(() => resolveChart(byd, { to: "2025-02-13" }, at("2025-02-11", "2025-02-12"))).toThrow(
      "to=\"2025-02-13\" is after the article's as-of date, 2025-02-12 (the date of its latest update): an article's chart shows no prices from after it; end the chart on or before 2025-02-12",
    );
  });

  it("refuses volume for data without it", () => {
    const noVolume = { ...nvda, bars: nvda.bars.map((bar) => ({ ...bar, volume: undefined })) };
    expect(() => resolveChart(noVolume, { from: "2025-01-13", to: "2025-01-27", volume: true })).toThrow(
      "volume: the price data of nvda have no volume; leave volume out",
    );
  });

  it("accepts a height written as a string of digits", () => {
    expect(resolveChart(nvda, { height: "400" }, at("2025-01-27")).height).toBe(400);
  });
});

describe("words", () => {
  it("caption a fall on the article's day and the change over the range (USD)", () => {
    const spec = resolveChart(nvda, { from: "2025-01-13", to: "2025-01-27" }, at("2025-01-27"));
    expect(spec.caption).toBe(
      `Nvidia fell 16.97% on 27 Jan 2025 to $118.42; over 13${T}27 Jan 2025 it fell 11.12%.`,
    );
  });

  it("caption a day's fall inside a range that rose (HKD), and the shading of later days", () => {
    expect(resolveChart(byd, { from: "2025-01-20", to: "2025-02-11" }, at("2025-02-11")).caption).toBe(
      `BYD fell 0.73% on 11 Feb 2025 to HK$327.80; over 20 Jan${T}11 Feb 2025 it rose 19.20%.`,
    );
    const later = resolveChart(
      byd,
      { from: "2025-01-20", to: "2025-02-21", afterPublication: true },
      at("2025-02-11"),
    );
    expect(later.caption).toBe(
      `BYD fell 0.73% on 11 Feb 2025 to HK$327.80; over 20 Jan${T}21 Feb 2025 it rose 42.69%. Days after publication, from 12 Feb 2025, are shaded.`,
    );
  });

  it("caption an index in points", () => {
    const spec = resolveChart(ixic, { from: "2025-01-13", to: "2025-01-27" }, at("2025-01-27"));
    expect(spec.caption).toBe(
      `Nasdaq Composite fell 3.07% on 27 Jan 2025 to 19,341.83 points; over 13${T}27 Jan 2025 it rose 1.33%.`,
    );
  });

  it("caption the last day of the range outside an article, or a close when there is no previous one", () => {
    expect(resolveChart(nvda, { from: "2025-01-24", to: "2025-01-28" }).caption).toBe(
      `Nvidia rose 8.93% on 28 Jan 2025 to $128.99; over 24${T}28 Jan 2025 it fell 9.56%.`,
    );
    expect(
      resolveChart(nvda, { from: "2024-10-01", to: "2024-10-02" }, at("2024-10-01", "2024-10-02")).caption,
    ).toBe(`Nvidia closed at $117.00 on 1 Oct 2024; over 1${T}2 Oct 2024 it rose 1.58%.`);
  });

  it("derive a title, and keep an editor's", () => {
    expect(resolveChart(nvda, { from: "2025-01-13", to: "2025-01-27" }).title).toBe(
      `Nvidia (NVDA), 13${T}27 Jan 2025`,
    );
    expect(resolveChart(nvda, { title: " The sell-off " }, at("2025-01-27")).title).toBe("The sell-off");
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

  it("state the source of the range: provider, symbol, time of retrieval and basis", () => {
    expect(sourceLine(snapshot("nvda"), { from: "2025-01-13", to: "2025-01-27" })).toBe(
      "Source: heliar-k/market-base (IBKR daily bars) (NVDA via a CSV file, retrieved 28 Nov 2026); prices as traded.",
    );
    expect(sourceLine(snapshot("nvda"), { from: "2025-06-23", to: "2025-07-03" })).toBe(
      `Sources: heliar-k/market-base (IBKR daily bars) (NVDA via a CSV file, retrieved 28 Nov 2026) for 23${T}30 Jun 2025; heliar-k/market-base (Yahoo daily bars via yfinance) (NVDA via a CSV file, retrieved 1 Dec 2026) for 1${T}3 Jul 2025; prices as traded.`,
    );
    const fetched = {
      ...snapshot("nvda").sources[0]!,
      provider: "yahoo",
      name: "Yahoo Finance",
      retrieved: "2026-12-01T21:35:00.000Z",
      basis: "split-adjusted" as const,
    };
    expect(sourceLine({ sources: [fetched] }, { from: "2025-01-13", to: "2025-01-27" })).toBe(
      "Source: Yahoo Finance (NVDA via yahoo, retrieved 1 Dec 2026, 21:35 UTC, delivered split-adjusted and stored as traded); prices as traded.",
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
      afterPublication: false,
      markers: range.markers,
    });
    // 133.23 on the 13th against 135.91 on the 10th, the close before the slice.
    expect(rows[0]).toHaveProperty("change", { text: "-1.97%", direction: "down" });
  });
});

describe("npm run check:content", () => {
  const data = {
    tickerById: new Map([["nvda", nvda.ticker]]),
    snapshots: new Map([["nvda", snapshot("nvda")]]),
  };
  const checkChart = (props: Record<string, unknown>) =>
    MDX_COMPONENTS.PriceChart.compute(props, article, data);
  const article = {
    id: "x",
    file: "content/articles/x.mdx",
    date: "2025-01-27",
    asOf: "2025-01-27",
    tickers: ["nvda"],
  };

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
