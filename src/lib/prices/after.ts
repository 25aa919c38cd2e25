/**
 * "What happened next": how a ticker traded after an article, for the box below it. Measured from
 * the close on the article's as-of date (the last trading day on or before it, for an article dated
 * on a day without trading) to the close 1, 5 and 20 trading days later and to the latest close in
 * the data. A pure function of the bars, computed at build time: nothing in the article itself may
 * use these later days, so they are shown only in this separate box.
 */
import { changeBetween, type Move } from "./bars.ts";
import type { Bar } from "./snapshot.ts";
import { NO_EVENTS, splitsBetween, type SeriesEvents, type Split } from "./splits.ts";

/** The trading days after the as-of close the box measures to, besides the latest close. */
export const LATER_TRADING_DAYS = [1, 5, 20] as const;

export interface LaterClose {
  /** Trading days after the as-of close; undefined for the latest close in the data. */
  days?: number;
  /** The day of the later close. */
  date: string;
  /** The later close, as traded. */
  close: number;
  /** From the as-of close to this one, on one basis across any split between them. */
  move: Move;
}

export interface WhatHappenedNext {
  /** The close it is measured from: the last trading day on or before the as-of date. */
  from: { date: string; close: number };
  /** The closes 1, 5 and 20 trading days later that the data have, in that order. */
  later: LaterClose[];
  /** The latest close in the data (it may be one of `later`). */
  latest: LaterClose;
  /** The splits any of the changes spans, oldest first: the reader is told the earlier close was divided. */
  splits: Split[];
}

/**
 * What happened after `asOf` in `bars` (oldest first), or undefined when the data have no close on or
 * before `asOf` or none after it.
 */
export function whatHappenedNext(
  bars: readonly Bar[],
  asOf: string,
  events: SeriesEvents = NO_EVENTS,
): WhatHappenedNext | undefined {
  let index = -1;
  for (let i = 0; i < bars.length && bars[i]!.date <= asOf; i++) index = i;
  const from = bars[index];
  const last = bars.at(-1);
  if (!from || !last || index === bars.length - 1) return undefined;
  const closeAfter = (bar: Bar, days?: number): LaterClose => ({
    days,
    date: bar.date,
    close: bar.close,
    move: changeBetween(bars, from.date, bar.date, events),
  });
  return {
    from: { date: from.date, close: from.close },
    later: LATER_TRADING_DAYS.flatMap((days) => {
      const bar = bars[index + days];
      return bar ? [closeAfter(bar, days)] : [];
    }),
    latest: closeAfter(last),
    splits: splitsBetween(events.splits, from.date, last.date),
  };
}
