/**
 * The figures editors put in prose (<Move>, <Close>, <Price>, <Record>): props in, text out, computed
 * from the bars so prose can never disagree with the data. Bad props or dates throw a PriceDataError
 * saying what would work; the components add the article file and the tag.
 */
import {
  barOn,
  changeBetween,
  dayMove,
  hasDayMove,
  recordBeaten,
  PriceDataError,
  tradingDayOnOrBefore,
  type Basis,
  type Move,
} from "./bars.ts";
import {
  direction,
  directionArrow,
  formatPercent,
  formatPrice,
  moveWords,
  type Direction,
} from "./format.ts";
import { formatDate } from "../site/dates.ts";
import type { Bar } from "./snapshot.ts";
import { NO_EVENTS, splitName, type SeriesEvents } from "./splits.ts";
import type { Ticker } from "../content/schema.ts";

export interface MoveProps {
  /** The day whose move is shown (previous close to this day's close, high or low)... */
  date?: string;
  /** ...or a range: close of `from` to close of `to`. */
  from?: string;
  to?: string;
  /** Measure the day's move to the close (default), or to the intraday high or low. */
  basis?: string;
  /** "words" (default): "fell 16.97%"; "signed": "-16.97%". */
  format?: string;
}

const BASES = ["close", "high", "low"] as const;
const FORMATS = ["words", "signed"] as const;

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  prop: string,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new PriceDataError(`${prop}="${value}" is not accepted; use one of ${allowed.join(", ")}`);
}

/** A move in words; across a split it is measured on one basis (see ./splits.ts). */
export function moveFigure(
  bars: readonly Bar[],
  props: MoveProps,
  events: SeriesEvents = NO_EVENTS,
): { text: string; direction: Direction; move: Move } {
  const basis: Basis = oneOf(props.basis, BASES, "basis", "close");
  const format = oneOf(props.format, FORMATS, "format", "words");
  let move: Move;
  if (props.date !== undefined) {
    if (props.from !== undefined || props.to !== undefined) {
      throw new PriceDataError("give either date, or from and to, not both");
    }
    move = dayMove(bars, props.date, basis, events);
  } else if (props.from !== undefined && props.to !== undefined) {
    if (basis !== "close") throw new PriceDataError(`basis="${basis}" only applies to a single date`);
    move = changeBetween(bars, props.from, props.to, events);
  } else {
    throw new PriceDataError('needs date="YYYY-MM-DD", or from="YYYY-MM-DD" and to="YYYY-MM-DD"');
  }
  const text = format === "signed" ? formatPercent(move.percent, true) : moveWords(move);
  return { text, direction: direction(move), move };
}

const FIELDS = ["close", "open", "high", "low"] as const;

/**
 * A day's open, high, low or close with its unit: "$128.99", "HK$345.00", "19,341.83 points". Always
 * the price as traded that day, so a figure an article states never changes after a later split.
 */
export function priceFigure(
  bars: readonly Bar[],
  ticker: Pick<Ticker, "currency" | "kind">,
  props: { date: string; basis?: string },
): string {
  const field = oneOf(props.basis, FIELDS, "basis", "close");
  return formatPrice(barOn(bars, props.date)[field], ticker);
}

/**
 * "the highest close since 2 October 2024" / "the highest intraday price since 2 October 2024",
 * only when the data show it: the day's close (or high) is above every earlier one in the snapshot.
 * The data start on a known day, so the claim names it rather than saying "record", which would
 * claim the whole of the share's history. `since` is the first day the data cover (a snapshot that
 * declares a longer history may pass its start). Otherwise the build stops, so no article claims a
 * high the data do not support.
 */
export function recordFigure(
  bars: readonly Bar[],
  ticker: Pick<Ticker, "currency" | "kind">,
  props: { date: string; basis?: string },
  events: SeriesEvents = NO_EVENTS,
  since: string | undefined = bars[0]?.date,
): string {
  const basis = oneOf(props.basis, ["close", "high"] as const, "basis", "close");
  const what = basis === "close" ? "close" : "intraday price";
  const from = formatDate(since ?? props.date);
  const beaten = recordBeaten(bars, props.date, basis, events);
  if (beaten === undefined) return `the highest ${what} since ${from}`;
  if (beaten === "first") {
    throw new PriceDataError(
      `${props.date} is the first bar of the data, so there is no earlier ${basis} for it to be the highest since`,
    );
  }
  const value = formatPrice(barOn(bars, props.date)[basis], ticker);
  const asTraded = beaten.bar[basis];
  const adjusted =
    beaten.value === asTraded
      ? ""
      : ` (${formatPrice(beaten.value, ticker)} adjusted for ${events.splits
          .filter((split) => split.date > beaten.bar.date && split.date <= props.date)
          .map(splitName)
          .join(" and ")} since)`;
  throw new PriceDataError(
    `the ${basis} on ${props.date} (${value}) is not the highest ${what} since ${from}: the ${basis} on ${beaten.bar.date} was ${formatPrice(asTraded, ticker)}${adjusted}`,
  );
}

/** What a ticker chip shows: the close of a day and that day's move. */
export interface ChipFigure {
  /** The trading day shown. */
  date: string;
  /** "$118.42" */
  close: string;
  /** The day's move, unless the day is the first of the data. */
  move?: {
    direction: Direction;
    /** "▼ -16.97%": arrow and sign, so the direction never rests on colour. */
    short: string;
    /** "fell 16.97%" */
    words: string;
  };
  /** The whole figure in a sentence, for screen readers: "Nvidia fell 16.97% on 27 Jan 2025 to $118.42". */
  sentence: string;
}

/**
 * The chip's figure on `date` (an article's date): the last trading day on or before it, so a story
 * published on a weekend shows the close its readers knew. Without a date, the latest close.
 */
export function chipFigure(
  bars: readonly Bar[],
  ticker: Pick<Ticker, "name" | "currency" | "kind">,
  date?: string,
  events: SeriesEvents = NO_EVENTS,
): ChipFigure {
  const day = date === undefined ? bars.at(-1)?.date : tradingDayOnOrBefore(bars, date);
  if (day === undefined) throw new PriceDataError("the price data have no bars");
  const bar = barOn(bars, day);
  const close = formatPrice(bar.close, ticker);
  const when = formatDate(day, "short");
  // The first bar, or the day after a documented gap: the close alone, no day move.
  if (!hasDayMove(bars, day, events)) {
    return { date: day, close, sentence: `${ticker.name} closed at ${close} on ${when}` };
  }
  const move = dayMove(bars, day, "close", events);
  const dir = direction(move);
  const words = moveWords(move);
  return {
    date: day,
    close,
    move: { direction: dir, short: `${directionArrow(dir)} ${formatPercent(move.percent, true)}`, words },
    sentence: `${ticker.name} ${words} on ${when} to ${close}`,
  };
}
