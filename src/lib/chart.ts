/**
 * Price charts as data: `resolveChart` turns the props an editor (or a page) gives <PriceChart> into a
 * ChartSpec, the one description that the static SVG (./chart-svg.ts), the feed image, the data table
 * and the browser's interactive chart are all drawn from. Moves and prices come from ./prices.ts and
 * ./format.ts, so the caption can never disagree with the figures in the text.
 *
 * Bad props throw a PriceDataError naming the prop, the value and what would work; the component adds
 * the article file (or the page) and the tag as written.
 */
import {
  barOn,
  barsInRange,
  changeBetween,
  dayMove,
  percentChange,
  PriceDataError,
  rangeAround,
  tradingDayOnOrAfter,
} from "./prices.ts";
import { direction, formatAmount, formatPercent, formatPrice, moveWords, type Direction } from "./format.ts";
import { formatDate, formatDateRange, isCalendarDate } from "./dates.ts";
import type { Bar, PriceSnapshot, Ticker } from "./schema.ts";

export const chartTypes = ["area", "line", "candles"] as const;
export type ChartType = (typeof chartTypes)[number];

/** Defaults and limits of <PriceChart>. */
export const CHART = {
  /** Trading days shown either side of the article's date when `from`/`to` are not given. */
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
  /** The bars from `from` to `to`: the only data a page embeds. */
  bars: Bar[];
  /** Close of the trading day before `from`, so the first bar has a day move too (absent at the start of the data). */
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
}

/** The props of <PriceChart> other than `ticker`, as written (unchecked). */
export interface ChartProps {
  from?: unknown;
  to?: unknown;
  type?: unknown;
  markers?: unknown;
  title?: unknown;
  height?: unknown;
}

/** The data a chart is drawn from: the instrument, its bars (oldest first) and its snapshot's provenance. */
export interface ChartSource {
  ticker: ChartTicker;
  bars: readonly Bar[];
  snapshot: Pick<PriceSnapshot, "source" | "adjusted">;
}

const show = (value: unknown): string => (typeof value === "string" ? `"${value}"` : JSON.stringify(value));

function dateProp(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && isCalendarDate(value)) return value;
  throw new PriceDataError(
    `${name}=${show(value)} is not a date; write ${name}="YYYY-MM-DD", e.g. "2025-01-27"`,
  );
}

function typeProp(value: unknown): ChartType {
  if (value === undefined) return "area";
  if (chartTypes.includes(value as ChartType)) return value as ChartType;
  throw new PriceDataError(`type=${show(value)} is not a chart type; use one of ${chartTypes.join(", ")}`);
}

function heightProp(value: unknown): number {
  if (value === undefined) return CHART.height;
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n === "number" && Number.isInteger(n) && n >= CHART.minHeight && n <= CHART.maxHeight) return n;
  throw new PriceDataError(
    `height=${show(value)} is not accepted; give a whole number of pixels from ${CHART.minHeight} to ${CHART.maxHeight}, e.g. height={${CHART.height}}`,
  );
}

function titleProp(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  throw new PriceDataError(`title=${show(value)} is not accepted; give a short heading, or leave title out`);
}

const SAFE_HREF = /^(\/(?!\/)|https?:\/\/)/;

/** Checks the shape of `markers`: a list of { date, label, href? }. Dates are checked against the data later. */
function markersProp(value: unknown): ChartMarker[] | undefined {
  if (value === undefined) return undefined;
  const example = 'markers={[{ date: "2025-01-27", label: "DeepSeek sell-off" }]}';
  if (!Array.isArray(value)) throw new PriceDataError(`markers must be a list; write ${example}`);
  return value.map((item: unknown, i): ChartMarker => {
    const where = `markers[${i}]`;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      throw new PriceDataError(`${where} is ${show(item)}, not { date, label }; write ${example}`);
    }
    const { date, label, href, ...rest } = item as Record<string, unknown>;
    const unknown = Object.keys(rest);
    if (unknown.length > 0) {
      throw new PriceDataError(
        `${where} has unknown field ${unknown.join(", ")}; a marker has date, label and href`,
      );
    }
    if (typeof date !== "string" || !isCalendarDate(date)) {
      throw new PriceDataError(`${where}.date ${show(date)} is not a date; write date: "YYYY-MM-DD"`);
    }
    if (typeof label !== "string" || label.trim() === "") {
      throw new PriceDataError(`${where}.label ${show(label)} is missing or empty; give a short label`);
    }
    if (href !== undefined && (typeof href !== "string" || !SAFE_HREF.test(href))) {
      throw new PriceDataError(
        `${where}.href ${show(href)} is not a link; give a site path ("/articles/x/") or an http(s) URL`,
      );
    }
    return href === undefined ? { date, label: label.trim() } : { date, label: label.trim(), href };
  });
}

/** A date in a prop must be a trading day inside the data; the message says which days would work. */
function tradingDay(bars: readonly Bar[], prop: string, date: string): void {
  try {
    barOn(bars, date);
  } catch (error) {
    if (error instanceof PriceDataError) throw new PriceDataError(`${prop}: ${error.message}`);
    throw error;
  }
}

const ADJUSTED: Record<PriceSnapshot["adjusted"], string> = {
  none: "prices as traded",
  split: "prices adjusted for splits",
  "split-dividend": "prices adjusted for splits and dividends",
};

/** "Source: <who>, retrieved 28 Nov 2026; prices as traded." */
export function sourceLine(snapshot: Pick<PriceSnapshot, "source" | "adjusted">): string {
  return `Source: ${snapshot.source.name}, retrieved ${formatDate(snapshot.source.retrieved, "short")}; ${ADJUSTED[snapshot.adjusted]}.`;
}

/** A marker label as a chart draws it: at most CHART.shortLabel characters. */
function shortLabel(label: string): string {
  return label.length <= CHART.shortLabel ? label : `${label.slice(0, CHART.shortLabel - 1).trimEnd()}…`;
}

/** The markers by date, each date's in the order given. */
export function markersByDate(markers: readonly ChartMarker[]): Map<string, ChartMarker[]> {
  const byDate = new Map<string, ChartMarker[]>();
  for (const marker of markers) byDate.set(marker.date, [...(byDate.get(marker.date) ?? []), marker]);
  return byDate;
}

/**
 * What a chart writes at a marked date, the static SVG and the interactive chart alike: the first
 * marker's label, shortened, and "+N" for the others on that date (the table and tooltip list them all).
 */
export function markedDayLabel(markers: readonly ChartMarker[]): string {
  return shortLabel(markers[0]!.label) + (markers.length > 1 ? ` +${markers.length - 1}` : "");
}

/**
 * Resolves <PriceChart> props against an instrument's data.
 *
 * `centre` is the article's date: without `from`/`to` the chart shows CHART.sideDays trading days
 * either side of it, and without `markers` it marks the article's day (the first trading day on or
 * after it, for news that broke while the market was shut). Outside an article there is no centre, so
 * `from` and `to` are required and nothing is marked by default.
 */
export function resolveChart(data: ChartSource, props: ChartProps, centre?: string): ChartSpec {
  return { ...chartOf(data.ticker, data.bars, props, centre), source: sourceLine(data.snapshot) };
}

/**
 * Every check resolveChart makes of the props against the bars, throwing the same errors: what
 * `npm run check:content` runs for a <PriceChart> without building (src/lib/component-check.ts).
 */
export function checkChart(
  ticker: ChartTicker,
  bars: readonly Bar[],
  props: ChartProps,
  centre?: string,
): void {
  chartOf(ticker, bars, props, centre);
}

function chartOf(
  ticker: ChartTicker,
  bars: readonly Bar[],
  props: ChartProps,
  centre: string | undefined,
): Omit<ChartSpec, "source"> {
  const type = typeProp(props.type);
  const height = heightProp(props.height);
  const title = titleProp(props.title);
  const given = markersProp(props.markers);
  let from = dateProp("from", props.from);
  let to = dateProp("to", props.to);

  const first = bars[0]?.date;
  const last = bars.at(-1)?.date;
  if (!first || !last) throw new PriceDataError(`the price data of ${ticker.id} have no bars`);

  // The article's trading day: its date, or the next session when the market was shut that day.
  // A date outside the data has no session in it (the data could be missing that very day).
  const session =
    centre !== undefined && centre >= first && centre <= last ? tradingDayOnOrAfter(bars, centre) : undefined;
  if (from === undefined || to === undefined) {
    if (centre === undefined) {
      throw new PriceDataError(
        'outside an article a chart has no date to centre on; give from="YYYY-MM-DD" and to="YYYY-MM-DD"',
      );
    }
    if (session === undefined) {
      throw new PriceDataError(
        `the article's date ${centre} is outside the data (${first} to ${last}); give from and to inside it, or update the price snapshot`,
      );
    }
    const around = rangeAround(bars, session, CHART.sideDays);
    from ??= around.from;
    to ??= around.to;
  }

  if (from > to) {
    const defaulted = props.from === undefined ? "from" : props.to === undefined ? "to" : undefined;
    const note = defaulted
      ? ` (${defaulted} is the default, ${CHART.sideDays} trading days from the article's date)`
      : "";
    throw new PriceDataError(`from (${from}) is after to (${to})${note}; from must be the earlier date`);
  }
  tradingDay(bars, `from="${from}"`, from);
  tradingDay(bars, `to="${to}"`, to);
  const slice = barsInRange(bars, from, to);
  if (slice.length < 2) {
    throw new PriceDataError(
      `the range ${from} to ${to} holds ${slice.length} trading day; a chart needs at least 2, so move from earlier or to later`,
    );
  }

  let markers: ChartMarker[];
  if (given) {
    given.forEach((marker, i) => {
      tradingDay(bars, `markers[${i}].date`, marker.date);
      if (marker.date < from || marker.date > to) {
        throw new PriceDataError(
          `markers[${i}].date ${marker.date} is outside the chart's range ${from} to ${to}; move the marker or widen from/to`,
        );
      }
    });
    markers = [...given].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  } else if (session !== undefined && session >= from && session <= to) {
    markers = [{ date: session, label: session === centre ? "Published" : "Session after publication" }];
  } else {
    markers = [];
  }

  const focus = session !== undefined && session >= from && session <= to ? session : to;
  const range = formatDateRange(from, to);
  const previous = bars[bars.indexOf(slice[0]!) - 1];

  return {
    ticker,
    from,
    to,
    type,
    height,
    bars: slice,
    ...(previous ? { previousClose: previous.close } : {}),
    markers,
    focus,
    title: title ?? `${ticker.name} (${ticker.symbol}), ${range}`,
    description: describeChart(ticker, type, range, markers),
    caption: captionOf(bars, ticker, focus, from, to),
  };
}

function describeChart(ticker: ChartTicker, type: ChartType, range: string, markers: ChartMarker[]): string {
  const kind = { area: "Area chart", line: "Line chart", candles: "Candlestick chart" }[type];
  const what = type === "candles" ? "daily open, high, low and close" : "daily close";
  const days = [...new Set(markers.map((m) => m.date))];
  const marked =
    days.length <= CHART.describedDays
      ? markers.map((m) => `${formatDate(m.date, "short")} (${m.label})`).join(", ")
      : `${days.length} days between ${formatDate(days[0]!, "short")} and ${formatDate(days.at(-1)!, "short")}`;
  return `${kind} of the ${what} of ${ticker.name} (${ticker.symbol}), ${range}${marked ? `; marked: ${marked}` : ""}.`;
}

/** "Nvidia fell 16.97% on 27 Jan 2025 to $118.42; over 13 – 27 Jan 2025 it fell 13.65%." */
function captionOf(
  bars: readonly Bar[],
  ticker: ChartTicker,
  focus: string,
  from: string,
  to: string,
): string {
  const close = formatPrice(barOn(bars, focus).close, ticker);
  const day = formatDate(focus, "short");
  const overRange = `over ${formatDateRange(from, to)} it ${moveWords(changeBetween(bars, from, to))}`;
  if (focus === bars[0]!.date) return `${ticker.name} closed at ${close} on ${day}; ${overRange}.`;
  return `${ticker.name} ${moveWords(dayMove(bars, focus))} on ${day} to ${close}; ${overRange}.`;
}

/** Direction of the whole range, which colours the series. */
export function rangeDirection(spec: Pick<ChartSpec, "bars">): Direction {
  return direction({ percent: percentChange(spec.bars[0]!.close, spec.bars.at(-1)!.close) });
}

// ---------------------------------------------------------------------------------------------------
// What the page embeds for the browser, and the data table.

/** A bar as embedded: [date, close], or [date, close, open, high, low] for candles. */
export type BarTuple =
  [date: string, close: number] | [date: string, close: number, open: number, high: number, low: number];

/** The JSON a chart figure carries for the interactive chart: the slice only, never the whole file. */
export interface ChartData {
  type: ChartType;
  /** What the read-out needs to write prices with their unit. */
  ticker: Pick<ChartTicker, "currency" | "kind">;
  /** Close before the first bar, so the first bar's day move can be shown. */
  previousClose?: number;
  bars: BarTuple[];
  markers: ChartMarker[];
}

export function chartData(spec: ChartSpec): ChartData {
  const { currency, kind } = spec.ticker;
  return {
    type: spec.type,
    ticker: { currency, kind },
    ...(spec.previousClose !== undefined ? { previousClose: spec.previousClose } : {}),
    bars: spec.bars.map((b): BarTuple =>
      spec.type === "candles" ? [b.date, b.close, b.open, b.high, b.low] : [b.date, b.close],
    ),
    markers: spec.markers,
  };
}

/**
 * chartData as text safe inside `<script type="application/json">`: `<` is escaped, so a label
 * containing "</script>" cannot end the element early.
 */
export function chartDataJson(spec: ChartSpec): string {
  return JSON.stringify(chartData(spec)).replaceAll("<", "\\u003c");
}

/** One row of the chart's data table. */
export interface ChartRow {
  date: string;
  /** "Mon 27 Jan 2025" style date for the row header. */
  day: string;
  open: string;
  high: string;
  low: string;
  close: string;
  /** The day's move from the previous close ("-16.97%"), when the data have a previous close. */
  change?: { text: string; direction: Direction };
  markers: ChartMarker[];
}

/** The bars as table rows, with amounts formatted (the table heading names the unit). */
export function chartRows(spec: ChartSpec): ChartRow[] {
  const marked = markersByDate(spec.markers);
  return spec.bars.map((bar, i) => {
    const previous = i === 0 ? spec.previousClose : spec.bars[i - 1]!.close;
    const percent = previous === undefined ? undefined : percentChange(previous, bar.close);
    const change =
      percent === undefined
        ? undefined
        : { text: formatPercent(percent, true), direction: direction({ percent }) };
    return {
      date: bar.date,
      day: formatDate(bar.date, "short"),
      open: formatAmount(bar.open),
      high: formatAmount(bar.high),
      low: formatAmount(bar.low),
      close: formatAmount(bar.close),
      ...(change ? { change } : {}),
      markers: marked.get(bar.date) ?? [],
    };
  });
}
