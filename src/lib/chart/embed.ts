/**
 * What a chart figure carries for the browser and the reader: the JSON slice the interactive chart is
 * drawn from (never the whole file), and the rows of its data table.
 */
import { percentChange } from "../prices/bars.ts";
import {
  direction,
  formatAmount,
  formatPercent,
  formatVolume,
  roundPercent,
  type Direction,
} from "../prices/format.ts";
import { formatDate } from "../site/dates.ts";
import type { Period } from "../prices/periods.ts";
import type { ChartMarker, ChartRange, ChartSpec, ChartTicker, ChartType } from "./spec.ts";
import { rangeDirection } from "./resolve.ts";
import { markersByDate } from "./wording.ts";

/**
 * Each bar's move from the previous close, in per cent, unrounded; undefined for a first bar with no
 * close before it, and for a bar after a documented gap (its previous close is not the day before's).
 * The data table and the interactive chart's read-out both show these.
 */
function dayChanges(spec: Pick<ChartSpec, "bars" | "previousClose" | "gaps">): (number | undefined)[] {
  return spec.bars.map((bar, i) => {
    const before = spec.bars[i - 1]?.date ?? "";
    if (i > 0 && spec.gaps?.some((gap) => gap.date > before && gap.date < bar.date)) return undefined;
    const previous = i === 0 ? spec.previousClose : spec.bars[i - 1]!.close;
    return previous === undefined ? undefined : percentChange(previous, bar.close);
  });
}

/** A bar as embedded: [date, close], or [date, close, open, high, low] for candles. */
export type BarTuple =
  [date: string, close: number] | [date: string, close: number, open: number, high: number, low: number];

/**
 * The JSON a chart figure carries for the interactive chart: the slice only, never the whole file, and
 * the moves computed here, so the browser formats them but never works one out again.
 */
export interface ChartData {
  kind: "price";
  type: ChartType;
  /** What the read-out needs to write prices with their unit. */
  ticker: Pick<ChartTicker, "currency" | "kind">;
  /** Direction of the whole range, which colours the series. */
  direction: Direction;
  bars: BarTuple[];
  /** Each bar's move from the previous close in per cent, rounded as displayed; null when unknown. */
  dayChanges: (number | null)[];
  markers: ChartMarker[];
  /** Each bar's volume (null for a day without one), when the chart has a volume pane. */
  volumes?: (number | null)[];
  /** The first day after the article's as-of date, from which the chart is shaded. */
  afterPublication?: string;
  /** A ticker page's ranges (the bars are then every bar) and the one it opens on. */
  ranges?: Pick<ChartRange, "period" | "from" | "to" | "name" | "summary" | "compareSummary" | "direction">[];
  initial?: Period;
  /** The benchmark the "compare with" control adds, its closes aligned to `bars`. */
  benchmark?: {
    name: string;
    symbol: string;
    ticker: Pick<ChartTicker, "currency" | "kind">;
    closes: (number | null)[];
  };
}

export function chartData(spec: ChartSpec): ChartData {
  const { currency, kind } = spec.ticker;
  const explore = spec.explore;
  // A ticker page's chart holds every bar, so the buttons can show any range without a request.
  const shown = explore ? { bars: explore.bars, markers: explore.markers } : spec;
  const series = explore ? { bars: explore.bars } : spec;
  return {
    kind: "price",
    type: spec.type,
    ticker: { currency, kind },
    direction: rangeDirection(spec),
    bars: shown.bars.map((b): BarTuple =>
      spec.type === "candles" ? [b.date, b.close, b.open, b.high, b.low] : [b.date, b.close],
    ),
    dayChanges: dayChanges(series).map((percent) => (percent === undefined ? null : roundPercent(percent))),
    markers: shown.markers,
    ...(spec.volume ? { volumes: shown.bars.map((b) => b.volume ?? null) } : {}),
    ...(spec.afterPublication ? { afterPublication: spec.afterPublication } : {}),
    ...(explore
      ? {
          ranges: explore.ranges.map(
            ({ period, from, to, name, summary, compareSummary, direction: dir }) => ({
              period,
              from,
              to,
              name,
              summary,
              ...(compareSummary ? { compareSummary } : {}),
              direction: dir,
            }),
          ),
          initial: explore.initial,
          ...(explore.benchmark
            ? {
                benchmark: {
                  name: explore.benchmark.ticker.name,
                  symbol: explore.benchmark.ticker.symbol,
                  ticker: {
                    currency: explore.benchmark.ticker.currency,
                    kind: explore.benchmark.ticker.kind,
                  },
                  closes: explore.benchmark.closes,
                },
              }
            : {}),
        }
      : {}),
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
  /** The date as the row header writes it: "27 Jan 2025". */
  day: string;
  open: string;
  high: string;
  low: string;
  close: string;
  /** The day's move from the previous close ("-16.97%"), when the data have a previous close. */
  change?: { text: string; direction: Direction };
  /** Shares traded ("818.83M"), when the chart shows volume; "–" for a day without it. */
  volume?: string;
  /** Whether the day comes after the article's as-of date (shaded on the chart). */
  afterPublication: boolean;
  markers: ChartMarker[];
  /** The close as traded, when the chart is split-adjusted and it differs ("396.60" beside "132.20"). */
  asTradedClose?: string;
}

/** A documented trading day without data, as the table lists it between the bars. */
export interface ChartGapRow {
  date: string;
  day: string;
  /** Why the day is missing. */
  gap: string;
}

/**
 * The bars as table rows, with amounts formatted (the table heading names the unit), and the
 * documented gaps in date order among them. A split-adjusted chart's rows give the close as traded too.
 */
export function chartRows(spec: ChartSpec): (ChartRow | ChartGapRow)[] {
  const marked = markersByDate(spec.markers);
  const changes = dayChanges(spec);
  const gaps = spec.gaps ?? [];
  const rows: (ChartRow | ChartGapRow)[] = spec.bars.map((bar, i) => {
    const percent = changes[i];
    const asTraded = spec.asTraded?.[i]?.close;
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
      ...(spec.volume ? { volume: bar.volume === undefined ? "–" : formatVolume(bar.volume) } : {}),
      afterPublication: spec.afterPublication !== undefined && bar.date >= spec.afterPublication,
      markers: marked.get(bar.date) ?? [],
      ...(spec.asTraded && asTraded !== undefined ? { asTradedClose: formatAmount(asTraded) } : {}),
    };
  });
  for (const gap of gaps) {
    rows.push({ date: gap.date, day: formatDate(gap.date, "short"), gap: gap.reason });
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : 1));
}
