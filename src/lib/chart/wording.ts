/**
 * How a chart reads in words: its source line, its text alternative, its caption (the move it shows,
 * from ../prices, so the caption can never disagree with the figures in the text) and the labels of
 * its marked days.
 */
import { changeBetween, barOn, dayMove } from "../prices/bars.ts";
import { formatPrice, moveWords } from "../prices/format.ts";
import type { PriceSnapshot, Bar, Source } from "../prices/snapshot.ts";
import {
  NO_EVENTS,
  splitFactor,
  splitName,
  type Gap,
  type SeriesEvents,
  type Split,
} from "../prices/splits.ts";
import { formatDate, formatDateRange, formatRetrieved } from "../site/dates.ts";
import { CHART, type ChartMarker, type ChartTicker, type ChartType } from "./spec.ts";

/** How a source's prices reached the snapshot, in words. */
function providerWords(source: Source): string {
  const how = source.provider === "file" ? "a CSV file" : source.provider;
  const basis = source.basis === "split-adjusted" ? ", delivered split-adjusted and stored as traded" : "";
  return `${source.symbol} via ${how}, retrieved ${formatRetrieved(source.retrieved)}${basis}`;
}

/**
 * Where a chart's numbers come from and on what basis: the sources of the bars in its range (provider,
 * symbol, time of retrieval, basis) and, when a split lies inside, how the earlier prices were adjusted.
 * "Source: <who> (NVDA via a CSV file, retrieved 28 Nov 2026); prices as traded."
 */
export function sourceLine(
  snapshot: Pick<PriceSnapshot, "sources">,
  range: { from: string; to: string; splits?: readonly Split[]; gaps?: readonly Gap[] },
): string {
  const used = snapshot.sources.filter((source) => source.from <= range.to && source.to >= range.from);
  const sources =
    used.length === 1
      ? `Source: ${used[0]!.name} (${providerWords(used[0]!)})`
      : `Sources: ${used
          .map(
            (source) =>
              `${source.name} (${providerWords(source)}) for ${formatDateRange(
                source.from < range.from ? range.from : source.from,
                source.to > range.to ? range.to : source.to,
              )}`,
          )
          .join("; ")}`;
  const splits = range.splits ?? [];
  const basis =
    splits.length === 0
      ? "prices as traded"
      : `split-adjusted: ${splits
          .map(
            (split) =>
              `prices before ${formatDate(split.date, "short")} are divided by ${splitFactor(split)} for ${splitName(split)}`,
          )
          .join(", and ")}, so the chart has no cliff; the data table gives the prices as traded too`;
  const gaps = range.gaps ?? [];
  const missing =
    gaps.length === 0
      ? ""
      : `; no data for ${gaps.map((gap) => formatDate(gap.date, "short")).join(", ")}, shown as ${gaps.length === 1 ? "a gap" : "gaps"} in the data table with the reason, never filled in`;
  return `${sources}; ${basis}${missing}.`;
}

/** A marker label as a chart draws it: at most CHART.shortLabel characters. */
export function shortLabel(label: string): string {
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

/** The words the shading of later days carries, on the chart and in the caption. */
export const AFTER_PUBLICATION = "After publication";

/** "Days after publication, from 12 Feb 2025, are shaded." */
export function afterPublicationNote(from: string): string {
  return `Days after publication, from ${formatDate(from, "short")}, are shaded.`;
}

export function describeChart(
  ticker: ChartTicker,
  type: ChartType,
  range: string,
  markers: ChartMarker[],
  extras: { volume?: boolean; afterPublication?: string | undefined } = {},
): string {
  const kind = { area: "Area chart", line: "Line chart", candles: "Candlestick chart" }[type];
  const what = type === "candles" ? "daily open, high, low and close" : "daily close";
  const days = [...new Set(markers.map((m) => m.date))];
  const marked =
    days.length <= CHART.describedDays
      ? markers.map((m) => `${formatDate(m.date, "short")} (${m.label})`).join(", ")
      : `${days.length} days between ${formatDate(days[0]!, "short")} and ${formatDate(days.at(-1)!, "short")}`;
  const volume = extras.volume ? ", with daily volume below" : "";
  const shaded = extras.afterPublication
    ? `; shaded after publication from ${formatDate(extras.afterPublication, "short")}`
    : "";
  return `${kind} of the ${what} of ${ticker.name} (${ticker.symbol}), ${range}${volume}${marked ? `; marked: ${marked}` : ""}${shaded}.`;
}

/** "Nvidia fell 16.97% on 27 Jan 2025 to $118.42; over 13 – 27 Jan 2025 it fell 13.65%." */
export function captionOf(
  bars: readonly Bar[],
  ticker: ChartTicker,
  focus: string,
  from: string,
  to: string,
  events: SeriesEvents = NO_EVENTS,
): string {
  // The day's close as traded; the moves on one basis across any split (src/lib/prices/splits.ts).
  const close = formatPrice(barOn(bars, focus).close, ticker);
  const day = formatDate(focus, "short");
  const overRange = `over ${formatDateRange(from, to)} it ${moveWords(changeBetween(bars, from, to, events))}`;
  const previous = bars[bars.findIndex((bar) => bar.date === focus) - 1];
  const afterGap = previous && events.gaps.some((gap) => gap.date > previous.date && gap.date < focus);
  if (focus === bars[0]!.date || afterGap)
    return `${ticker.name} closed at ${close} on ${day}; ${overRange}.`;
  return `${ticker.name} ${moveWords(dayMove(bars, focus, "close", events))} on ${day} to ${close}; ${overRange}.`;
}
