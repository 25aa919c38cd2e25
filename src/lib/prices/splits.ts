/**
 * Splits and bonus issues, and the documented gaps of a series: what happened to an instrument besides
 * its daily bars. Snapshots store prices as traded; this module is the one place that puts prices of
 * different days on one basis:
 *
 * - a move from one day to another divides the earlier price by every split between them, so a
 *   3-for-1 bonus issue reads as the day's real change, not a 66% fall;
 * - a chart whose range spans a split plots every bar on the basis of its last day (the split-adjusted
 *   series), so it shows no cliff;
 * - a price stated for one day is that day's price as traded, whatever happened later.
 */
import type { Bar } from "./snapshot.ts";

/** A split or bonus issue: from its `date` (the ex-date) on, `ratio.from` old shares are `ratio.to` new ones. */
export interface Split {
  date: string;
  ratio: { from: number; to: number };
  /** What the company called it; a bonus issue is a split by another name. */
  kind?: "split" | "bonus-issue";
}

/** A trading day the data do not have, and why (never filled in). */
export interface Gap {
  date: string;
  reason: string;
}

/** What figures and charts must know of a series besides its bars: its splits and its gaps, oldest first. */
export interface SeriesEvents {
  splits: readonly Split[];
  gaps: readonly Gap[];
}

export const NO_EVENTS: SeriesEvents = { splits: [], gaps: [] };

/** How many shares one share became: 3 for a 3-for-1 bonus issue, 0.1 for a 1-for-10 consolidation. */
export function splitFactor(split: Split): number {
  return split.ratio.to / split.ratio.from;
}

/** The splits that took effect after `from` and on or before `to`: those between two days' prices. */
export function splitsBetween(splits: readonly Split[], from: string, to: string): Split[] {
  return splits.filter((split) => split.date > from && split.date <= to);
}

/** What a price of `from` is divided by to put it on the basis of `to` (1 when no split lies between). */
export function factorBetween(splits: readonly Split[], from: string, to: string): number {
  return splitsBetween(splits, from, to).reduce((product, split) => product * splitFactor(split), 1);
}

/** `value`, a price of `date`, on the basis of `basisDate`. */
export function onBasisOf(value: number, date: string, basisDate: string, splits: readonly Split[]): number {
  return value / factorBetween(splits, date, basisDate);
}

/** Adjusted prices keep 4 decimals, as the data do (412.4 / 3 is 137.4667). */
const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

/**
 * `bars` on the basis of `basisDate` (default: the last bar's): prices divided, volumes multiplied, by
 * the splits after each bar. The same array when no split applies, so nothing is copied in the usual case.
 */
export function adjustBars(
  bars: readonly Bar[],
  splits: readonly Split[],
  basisDate: string | undefined = bars.at(-1)?.date,
): readonly Bar[] {
  if (basisDate === undefined || splitsBetween(splits, bars[0]?.date ?? basisDate, basisDate).length === 0) {
    return bars;
  }
  return bars.map((bar) => {
    const factor = factorBetween(splits, bar.date, basisDate);
    if (factor === 1) return bar;
    return {
      date: bar.date,
      open: round4(bar.open / factor),
      high: round4(bar.high / factor),
      low: round4(bar.low / factor),
      close: round4(bar.close / factor),
      ...(bar.volume === undefined ? {} : { volume: Math.round(bar.volume * factor) }),
    };
  });
}

/** The documented gaps after `from` and before `to`: trading days missing between two bars. */
export function gapsBetween(gaps: readonly Gap[], from: string, to: string): Gap[] {
  return gaps.filter((gap) => gap.date > from && gap.date < to);
}

/** What a chart plots of a range: its bars on one basis, and what was done to them. */
export interface PlottedSeries {
  /** The bars from `from` to `to`, split-adjusted to the basis of `to` when a split lies inside. */
  bars: Bar[];
  /** The same bars as traded, when they differ from `bars` (a split inside the range). */
  asTraded?: Bar[];
  /** The splits inside the range (after `from`, on or before `to`). */
  splits: Split[];
  /** The documented gaps inside the range. */
  gaps: Gap[];
  /**
   * The close before `from`, on the same basis, so the first bar has a day move; absent at the start
   * of the data and when a documented gap lies between.
   */
  previousClose?: number;
}

/**
 * The range `from`..`to` of `bars` (both trading days in the data, checked by the caller) as a chart
 * plots it.
 */
export function plottedSeries(
  bars: readonly Bar[],
  events: SeriesEvents,
  from: string,
  to: string,
): PlottedSeries {
  const start = bars.findIndex((bar) => bar.date >= from);
  const slice = bars.filter((bar) => bar.date >= from && bar.date <= to);
  const previous = start > 0 ? bars[start - 1] : undefined;
  const splits = splitsBetween(events.splits, from, to);
  const adjusted = adjustBars(slice, splits, to) as Bar[];
  const previousClose =
    previous && gapsBetween(events.gaps, previous.date, from).length === 0
      ? onBasisOf(previous.close, previous.date, to, events.splits)
      : undefined;
  return {
    bars: adjusted,
    ...(adjusted === slice ? {} : { asTraded: slice }),
    splits,
    gaps: events.gaps.filter((gap) => gap.date > from && gap.date < to),
    ...(previousClose === undefined ? {} : { previousClose }),
  };
}

/** "3-for-1", "1-for-10". */
export function splitRatio(split: Split): string {
  return `${split.ratio.to}-for-${split.ratio.from}`;
}

/** "the 3-for-1 bonus issue", "the 4-for-1 split". */
export function splitName(split: Split): string {
  return `the ${splitRatio(split)} ${split.kind === "bonus-issue" ? "bonus issue" : "split"}`;
}
