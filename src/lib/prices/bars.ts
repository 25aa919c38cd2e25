/**
 * Price maths over plain arrays of daily bars (oldest first, as the snapshot schema guarantees).
 * Every page, chart, caption and MDX number calls these; nothing else recomputes a move. Errors say
 * which date is wrong and which dates would work; callers add the article and the ticker.
 *
 * Bars are as traded. Whatever compares two days takes the series' events (./splits.ts): a move across
 * a split is measured on one basis, the earlier price divided by the split's factor; a day move after a
 * documented gap is refused, because its previous close is not the previous trading day's.
 */
import type { Bar } from "./snapshot.ts";
import { gapsBetween, NO_EVENTS, onBasisOf, splitsBetween, type SeriesEvents, type Split } from "./splits.ts";

/** Thrown for a date or range the data cannot answer. */
export class PriceDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PriceDataError";
  }
}

/** Which figure of a bar a move is measured to: the close, or the day's extreme (intraday swing). */
export type Basis = "close" | "high" | "low";

/** A change from one price to another, e.g. the previous close to today's close. */
export interface Move {
  /** Date of the starting price. */
  fromDate: string;
  /** Date of the ending price. */
  toDate: string;
  /** Starting price: the close of `fromDate`, on the basis of `toDate` when a split lies between. */
  start: number;
  /** Ending price: the close, high or low of `toDate` according to `basis`. */
  end: number;
  /** `end - start`, in the instrument's units. */
  change: number;
  /** Change in per cent, unrounded: round only when formatting. */
  percent: number;
  basis: Basis;
  /** The splits between the two days, whose factor `start` was divided by; absent when none. */
  splits?: Split[];
}

/** Change from `start` to `end` in per cent, unrounded. The one formula every move uses. */
export function percentChange(start: number, end: number): number {
  return ((end - start) / start) * 100;
}

function move(
  fromDate: string,
  close: number,
  toDate: string,
  end: number,
  basis: Basis,
  events: SeriesEvents,
): Move {
  const start = onBasisOf(close, fromDate, toDate, events.splits);
  const splits = splitsBetween(events.splits, fromDate, toDate);
  return {
    fromDate,
    toDate,
    start,
    end,
    change: end - start,
    percent: percentChange(start, end),
    basis,
    ...(splits.length > 0 ? { splits } : {}),
  };
}

/** Index of the first bar on or after `date` (bars.length when none). Binary search: bars are sorted. */
function lowerBound(bars: readonly Bar[], date: string): number {
  let lo = 0;
  let hi = bars.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bars[mid]!.date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function first(bars: readonly Bar[]): Bar {
  const bar = bars[0];
  if (!bar) throw new PriceDataError("the price data have no bars");
  return bar;
}

function last(bars: readonly Bar[]): Bar {
  const bar = bars.at(-1);
  if (!bar) throw new PriceDataError("the price data have no bars");
  return bar;
}

/** The trading days either side of a date with no bar (either may be missing at the ends of the data). */
export function nearestTradingDays(bars: readonly Bar[], date: string): { before?: string; after?: string } {
  const i = lowerBound(bars, date);
  return { before: bars[i - 1]?.date, after: bars[i]?.date === date ? bars[i + 1]?.date : bars[i]?.date };
}

function dataSpan(bars: readonly Bar[]): string {
  return `the data run from ${first(bars).date} to ${last(bars).date}`;
}

/** The bar of `date`; throws naming the nearest trading days when there was no trading that day. */
export function barOn(bars: readonly Bar[], date: string): Bar {
  const bar = bars[lowerBound(bars, date)];
  if (bar?.date === date) return bar;
  if (date < first(bars).date || date > last(bars).date) {
    throw new PriceDataError(`${date} is outside the data: ${dataSpan(bars)}`);
  }
  const { before, after } = nearestTradingDays(bars, date);
  throw new PriceDataError(
    `${date} was not a trading day in the data; the nearest trading days are ${before} and ${after}`,
  );
}

/** Close of `date`. */
export function closeOn(bars: readonly Bar[], date: string): number {
  return barOn(bars, date).close;
}

/** The bar before `date`'s bar, or undefined for the first bar of the data. */
export function previousBar(bars: readonly Bar[], date: string): Bar | undefined {
  barOn(bars, date);
  return bars[lowerBound(bars, date) - 1];
}

/**
 * The day's move: the previous close to this day's close (or to its high or low, for intraday swings).
 * Refused when the day before is a documented gap: the last close before it is days older.
 */
export function dayMove(
  bars: readonly Bar[],
  date: string,
  basis: Basis = "close",
  events: SeriesEvents = NO_EVENTS,
): Move {
  const bar = barOn(bars, date);
  const previous = previousBar(bars, date);
  if (!previous) {
    throw new PriceDataError(
      `${date} is the first bar of the data, so it has no previous close to measure a move from; ${dataSpan(bars)}`,
    );
  }
  const gaps = gapsBetween(events.gaps, previous.date, date);
  if (gaps.length > 0) {
    throw new PriceDataError(
      `the data have no bar for ${gaps.map((gap) => gap.date).join(" and ")}, the trading ${gaps.length > 1 ? "days" : "day"} before ${date} (${gaps[0]!.reason}), so ${date} has no day move; give from="${previous.date}" to="${date}" for the move since the last close`,
    );
  }
  return move(previous.date, previous.close, date, bar[basis], basis, events);
}

/** Change from the close of `from` to the close of `to`, on one basis across any split between. */
export function changeBetween(
  bars: readonly Bar[],
  from: string,
  to: string,
  events: SeriesEvents = NO_EVENTS,
): Move {
  if (from >= to) throw new PriceDataError(`from (${from}) must be before to (${to})`);
  return move(from, closeOn(bars, from), to, closeOn(bars, to), "close", events);
}

/** The bars from `from` to `to`, both included; the range must lie inside the data. */
export function barsInRange(bars: readonly Bar[], from: string, to: string): Bar[] {
  if (from > to) throw new PriceDataError(`from (${from}) is after to (${to})`);
  if (from < first(bars).date || to > last(bars).date) {
    throw new PriceDataError(`the range ${from} to ${to} is not inside the data: ${dataSpan(bars)}`);
  }
  return bars.filter((bar) => bar.date >= from && bar.date <= to);
}

/** The first trading day on or after `date` (the day a weekend's news reaches the market). */
export function tradingDayOnOrAfter(bars: readonly Bar[], date: string): string {
  const bar = bars[lowerBound(bars, date)];
  if (!bar) throw new PriceDataError(`no trading day on or after ${date}: ${dataSpan(bars)}`);
  return bar.date;
}

/** The last trading day on or before `date` (the latest close a reader could know on that day). */
export function tradingDayOnOrBefore(bars: readonly Bar[], date: string): string {
  const i = lowerBound(bars, date);
  const bar = bars[i]?.date === date ? bars[i] : bars[i - 1];
  if (!bar) throw new PriceDataError(`no trading day on or before ${date}: ${dataSpan(bars)}`);
  return bar.date;
}

/**
 * The highest earlier close (or high) than `date`'s, on `date`'s basis (earlier prices divided by the
 * splits since), or undefined when nothing earlier reaches it: then `date` is a record as far as the
 * data can tell. The first bar is never a record, having nothing to beat.
 */
export function recordBeaten(
  bars: readonly Bar[],
  date: string,
  basis: "close" | "high" = "close",
  events: SeriesEvents = NO_EVENTS,
): { bar: Bar; value: number } | "first" | undefined {
  const value = barOn(bars, date)[basis];
  const earlier = bars.slice(0, lowerBound(bars, date));
  if (earlier.length === 0) return "first";
  let best: { bar: Bar; value: number } | undefined;
  for (const bar of earlier) {
    const adjusted = onBasisOf(bar[basis], bar.date, date, events.splits);
    if (adjusted >= value && (!best || adjusted >= best.value)) best = { bar, value: adjusted };
  }
  return best;
}

/** Whether `date`'s close (or high) is above every earlier one in the data, on one basis. */
export function isRecord(
  bars: readonly Bar[],
  date: string,
  basis: "close" | "high" = "close",
  events: SeriesEvents = NO_EVENTS,
): boolean {
  return recordBeaten(bars, date, basis, events) === undefined;
}

/** Whether `date` has a day move: a bar before it, and no documented gap between them. */
export function hasDayMove(bars: readonly Bar[], date: string, events: SeriesEvents = NO_EVENTS): boolean {
  const previous = previousBar(bars, date);
  return previous !== undefined && gapsBetween(events.gaps, previous.date, date).length === 0;
}

/**
 * The last bar and its day move: what lists and chips show as "latest". No move for a first bar or a
 * bar after a documented gap: the page shows the close alone rather than a several-day move as one day's.
 */
export function latest(bars: readonly Bar[], events: SeriesEvents = NO_EVENTS): { bar: Bar; move?: Move } {
  const bar = last(bars);
  return hasDayMove(bars, bar.date, events)
    ? { bar, move: dayMove(bars, bar.date, "close", events) }
    : { bar };
}
