/**
 * What a chart is: the props an editor (or a page) gives <PriceChart>, the defaults and limits, and the
 * ChartSpec that resolving them produces: the one description that the static SVG (./svg.ts), the feed
 * image, the data table and the browser's interactive chart are all drawn from.
 */
import type { Ticker } from "../content/schema.ts";
import type { Direction } from "../prices/format.ts";
import type { Period } from "../prices/periods.ts";
import type { Bar } from "../prices/snapshot.ts";
import type { Gap, Split } from "../prices/splits.ts";

export const chartTypes = ["area", "line", "candles"] as const;
export type ChartType = (typeof chartTypes)[number];

/** Defaults and limits of <PriceChart>. */
export const CHART = {
  /**
   * Trading days a chart shows before the article's day when `from` is not given (it ends on the
   * article's as-of day); with afterPublication and no `to`, as many after the as-of day.
   */
  sideDays: 15,
  /** Height of the chart in CSS pixels. */
  height: 320,
  minHeight: 200,
  maxHeight: 640,
  /** Marker labels longer than this are shortened in the static chart (the table and tooltip keep them). */
  shortLabel: 28,
  /**
   * Marked days the text alternative names one by one; for a chart with more (a ticker page's) it
   * gives their number and span, and the labels are left to the data table and the tooltips.
   */
  describedDays: 5,
  /** Share of the chart's height the volume pane takes, under the price. */
  volumeShare: 0.22,
  /** The range a ticker page's chart opens on, and its static image shows. */
  tickerRange: "6M" as Period,
} as const;

/** A marked day: a short label, and optionally where to read about it (ticker pages link headlines). */
export interface ChartMarker {
  date: string;
  label: string;
  /** Site path ("/articles/x/") or http(s) URL. */
  href?: string;
}

/** What a chart needs to know of its instrument. */
export type ChartTicker = Pick<Ticker, "id" | "symbol" | "name" | "currency" | "kind">;

/** Everything a chart shows, resolved and checked against the data. */
export interface ChartSpec {
  ticker: ChartTicker;
  /** First and last trading day shown, both included. */
  from: string;
  to: string;
  type: ChartType;
  /** Height in CSS pixels. */
  height: number;
  /**
   * The bars from `from` to `to`: the only data a page embeds. Split-adjusted to the basis of `to` when
   * a split lies inside the range (src/lib/prices/splits.ts), so the series has no cliff.
   */
  bars: Bar[];
  /** The same bars as traded, when a split inside the range made `bars` differ (the data table shows both). */
  asTraded?: Bar[];
  /** The splits inside the range, which `bars` are adjusted for. */
  splits?: Split[];
  /** Documented trading days the data do not have, inside the range: shown as gaps, never filled in. */
  gaps?: Gap[];
  /**
   * Close of the trading day before `from`, on the basis of `bars`, so the first bar has a day move too
   * (absent at the start of the data, or after a documented gap).
   */
  previousClose?: number;
  /** Marked days inside the range, by date (a date may carry several markers). */
  markers: ChartMarker[];
  /** The day whose move the caption states: the article's (first) trading day, else the last bar. */
  focus: string;
  /** Heading shown above the chart. */
  title: string;
  /** What the picture shows, for text alternatives (`alt`, the SVG's label). */
  description: string;
  /** The move in words. */
  caption: string;
  /** Where the numbers come from. */
  source: string;
  /** Whether a volume pane sits under the price (the bars' `volume`; a day without one draws nothing). */
  volume: boolean;
  /**
   * The first day shown after the article's as-of date, when the editor asked for later days
   * (afterPublication): from it on, the chart is shaded and labelled "after publication".
   */
  afterPublication?: string;
  /** A ticker page's chart: every bar, the ranges its buttons choose among, and its benchmark. */
  explore?: ChartExplore;
}

/** One range a ticker page's chart can show (src/lib/prices/periods.ts says where each starts). */
export interface ChartRange {
  period: Period;
  from: string;
  to: string;
  /** What the button's range is called in full: "6 months", or "Since 1 Oct 2024" when the data are shorter. */
  name: string;
  /** The range in a sentence, which the chart's live summary reads out when it is chosen. */
  summary: string;
  /** The same with the benchmark's change beside the ticker's, for when the comparison is on. */
  compareSummary?: string;
  /** Direction of the range's move, which colours the series while it is shown. */
  direction: Direction;
}

/** What the interactive chart of a ticker page holds beyond the static range. */
export interface ChartExplore {
  /** Every bar, oldest first: the buttons choose which to show. */
  bars: Bar[];
  ranges: ChartRange[];
  /** The range it opens on, which the static image and the table show. */
  initial: Period;
  /** Every marked day, in and out of the opening range. */
  markers: ChartMarker[];
  /** The index the "compare with" control adds. */
  benchmark?: {
    ticker: ChartTicker;
    /** Its close on or before each date of `bars` (null before its data begin), so both share one time scale. */
    closes: (number | null)[];
  };
}

/** The props of <PriceChart> other than `ticker`, as written (unchecked). */
export interface ChartProps {
  from?: unknown;
  to?: unknown;
  type?: unknown;
  markers?: unknown;
  title?: unknown;
  height?: unknown;
  volume?: unknown;
  afterPublication?: unknown;
}
