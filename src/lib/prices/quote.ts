/**
 * The quote a ticker page leads with, computed from the snapshot at build time: the last close and
 * its day move, the day's open, high and low, the 52-week range, volume against its three-month
 * average, and the change over 1 month, 3 months, the year to date and 1 year (./periods.ts says
 * where each starts). Also the figures of a ticker's news days: the moves on the days with our
 * articles against the moves on all days. Figures here are numbers; `quoteLines` words them with
 * ./format.ts, so a quote reads like the figures in articles.
 */
import { barOn, changeBetween, dayMove, hasDayMove, PriceDataError, type Move } from "./bars.ts";
import {
  direction,
  formatAmount,
  formatPercent,
  formatPrice,
  formatSignedPrice,
  formatVolume,
  type Direction,
} from "./format.ts";
import { daysBefore, monthsBefore, periodStart, PERIOD_NAMES, type Period } from "./periods.ts";
import type { Bar } from "./snapshot.ts";
import { adjustBars, NO_EVENTS, splitsBetween, type SeriesEvents } from "./splits.ts";
import type { Ticker } from "../content/schema.ts";
import { formatDate } from "../site/dates.ts";

/** The periods the quote states a change over, in order. */
export const QUOTE_PERIODS = ["1M", "3M", "YTD", "1Y"] as const satisfies readonly Period[];

/** An extreme of a span: its value and the day it was reached. */
export interface Extreme {
  value: number;
  date: string;
}

export interface Quote {
  /** The trading day quoted: the last bar on or before the day asked for. */
  date: string;
  close: number;
  open: number;
  high: number;
  low: number;
  /** The day's move from the previous close; absent on the first bar of the data. */
  move?: Move;
  /** Intraday low and high over the 52 weeks to `date`. */
  range52: {
    low: Extreme;
    high: Extreme;
    /** The first date of the data when they cover less than 52 weeks. */
    since?: string;
    /** Whether a split inside the 52 weeks put earlier prices on the basis of `date`. */
    splitAdjusted?: boolean;
  };
  /** Shares traded on `date`, when the data have it. */
  volume?: number;
  /** Mean daily volume over the three months to `date`, of the days with a volume. */
  averageVolume?: { value: number; days: number; since?: string };
  /** Close-to-close change over each of QUOTE_PERIODS. */
  changes: { period: (typeof QUOTE_PERIODS)[number]; move?: Move; since?: string }[];
}

/** The bars dated after `after` up to and including `end`, and whether the data reach back to `after`. */
function window(bars: readonly Bar[], after: string, end: string): { bars: Bar[]; since?: string } {
  const inside = bars.filter((bar) => bar.date > after && bar.date <= end);
  return bars[0]!.date > after ? { bars: inside, since: bars[0]!.date } : { bars: inside };
}

const lowest = (bars: readonly Bar[]): Extreme =>
  bars.reduce<Extreme>((low, bar) => (bar.low < low.value ? { value: bar.low, date: bar.date } : low), {
    value: Infinity,
    date: "",
  });
const highest = (bars: readonly Bar[]): Extreme =>
  bars.reduce<Extreme>((top, bar) => (bar.high > top.value ? { value: bar.high, date: bar.date } : top), {
    value: -Infinity,
    date: "",
  });

/**
 * The quote on `date` (a trading day in `bars`; default the last bar): what a reader could know at
 * that day's close, from no later bar. Across a split, the range, the volumes and the changes put
 * earlier days on the basis of `date`; no day move is given after a documented gap.
 */
export function quoteOf(
  bars: readonly Bar[],
  date: string = bars.at(-1)?.date ?? "",
  events: SeriesEvents = NO_EVENTS,
): Quote {
  if (bars.length === 0) throw new PriceDataError("the price data have no bars");
  const bar = barOn(bars, date);
  const known = bars.slice(0, bars.indexOf(bar) + 1);
  const onBasis = adjustBars(known, events.splits, date);
  const yearStart = daysBefore(date, 7 * 52);
  const year = window(onBasis, yearStart, date);
  const quarter = window(onBasis, monthsBefore(date, 3), date);
  const volumes = quarter.bars.flatMap((b) => (b.volume === undefined ? [] : [b.volume]));
  return {
    date,
    close: bar.close,
    open: bar.open,
    high: bar.high,
    low: bar.low,
    ...(hasDayMove(known, date, events) ? { move: dayMove(known, date, "close", events) } : {}),
    range52: {
      low: lowest(year.bars),
      high: highest(year.bars),
      ...(year.since ? { since: year.since } : {}),
      ...(splitsBetween(events.splits, yearStart, date).length > 0 ? { splitAdjusted: true } : {}),
    },
    ...(bar.volume === undefined ? {} : { volume: bar.volume }),
    ...(volumes.length === 0
      ? {}
      : {
          averageVolume: {
            value: volumes.reduce((sum, v) => sum + v, 0) / volumes.length,
            days: volumes.length,
            ...(quarter.since ? { since: quarter.since } : {}),
          },
        }),
    changes: QUOTE_PERIODS.map((period) => {
      const start = periodStart(known, period, date);
      const since = start.since ? { since: start.since } : {};
      return start.from < date
        ? { period, move: changeBetween(known, start.from, date, events), ...since }
        : { period, ...since };
    }),
  };
}

/** One line of the quote as a page shows it: a label, a value, and the direction of a move. */
export interface QuoteLine {
  label: string;
  value: string;
  direction?: Direction;
}

/** "Since 1 Oct 2024" for a span the data cover only in part. */
const sinceLabel = (since: string): string => `Since ${formatDate(since, "short")}`;

/** A move as "+$3.21 (+2.50%)", or in points for an index. */
function signedMove(move: Move, ticker: Pick<Ticker, "currency" | "kind">): string {
  return `${formatSignedPrice(move.change, ticker)} (${formatPercent(move.percent, true)})`;
}

/**
 * The quote in words, every figure through ./format.ts: prices with their currency (points for an
 * index), moves signed, the 52-week range and the average volume labelled by the span they cover.
 */
export function quoteLines(
  quote: Quote,
  ticker: Pick<Ticker, "currency" | "kind">,
): {
  close: string;
  move?: QuoteLine;
  day: QuoteLine[];
  changes: QuoteLine[];
} {
  const price = (value: number) => formatPrice(value, ticker);
  const { range52, averageVolume } = quote;
  const day: QuoteLine[] = [
    { label: "Open", value: price(quote.open) },
    { label: "Day's high", value: price(quote.high) },
    { label: "Day's low", value: price(quote.low) },
    {
      label:
        (range52.since ? `Range since ${formatDate(range52.since, "short")}` : "52-week range") +
        (range52.splitAdjusted ? ", split-adjusted" : ""),
      value: `${price(range52.low.value)} to ${price(range52.high.value)}`,
    },
  ];
  if (quote.volume !== undefined) day.push({ label: "Volume", value: formatVolume(quote.volume) });
  if (averageVolume) {
    day.push({
      label: averageVolume.since
        ? `Average volume since ${formatDate(averageVolume.since, "short")}`
        : "Average volume, 3 months",
      value: formatVolume(averageVolume.value),
    });
  }
  return {
    close: price(quote.close),
    ...(quote.move
      ? {
          move: {
            label: "Day's change",
            value: signedMove(quote.move, ticker),
            direction: direction(quote.move),
          },
        }
      : {}),
    day,
    changes: quote.changes.map(({ period, move, since }) => ({
      label: since ? sinceLabel(since) : PERIOD_NAMES[period],
      value: move ? signedMove(move, ticker) : "–",
      ...(move ? { direction: direction(move) } : {}),
    })),
  };
}

/** A news day: a trading day with our articles, and that day's move. */
export interface NewsDayMove {
  date: string;
  /** Absent for the first bar of the data, which has no previous close, and after a documented gap. */
  move?: Move;
}

/**
 * The moves on `dates` (trading days in `bars`), and the average size of the moves on them and on every
 * day that has one (a split counts as no move; a day after a documented gap has none).
 */
export function newsDayStats(
  bars: readonly Bar[],
  dates: readonly string[],
  events: SeriesEvents = NO_EVENTS,
): { days: NewsDayMove[]; newsAverage?: number; allAverage?: number; allDays: number; newsDays: number } {
  const size = (move: Move) => Math.abs(move.percent);
  const moveOn = (date: string) =>
    hasDayMove(bars, date, events) ? dayMove(bars, date, "close", events) : undefined;
  const days = dates.map((date) => {
    const move = moveOn(date);
    return move ? { date, move } : { date };
  });
  const news = days.flatMap((day) => (day.move ? [size(day.move)] : []));
  const all = bars.flatMap((bar) => {
    const move = moveOn(bar.date);
    return move ? [size(move)] : [];
  });
  const mean = (values: number[]) =>
    values.length === 0 ? undefined : values.reduce((sum, v) => sum + v, 0) / values.length;
  const newsAverage = mean(news);
  const allAverage = mean(all);
  return {
    days,
    ...(newsAverage === undefined ? {} : { newsAverage }),
    ...(allAverage === undefined ? {} : { allAverage }),
    newsDays: news.length,
    allDays: all.length,
  };
}

/**
 * The news-day comparison in a sentence: "On the 7 trading days with our articles, Nvidia moved
 * 5.12% on average, up or down: 1.80 times its average of 2.85% over all 185 trading days from
 * 2 Oct 2024 to 30 Jun 2025." Absent when no news day has a move.
 */
export function newsDaySentence(
  bars: readonly Bar[],
  ticker: Pick<Ticker, "name">,
  stats: ReturnType<typeof newsDayStats>,
): string | undefined {
  const { newsAverage, allAverage } = stats;
  if (newsAverage === undefined || allAverage === undefined || allAverage === 0) return undefined;
  const onNewsDays = stats.newsDays === 1 ? "the one trading day" : `the ${stats.newsDays} trading days`;
  const span = `${formatDate(bars[1]!.date, "short")} to ${formatDate(bars.at(-1)!.date, "short")}`;
  return (
    `On ${onNewsDays} with our articles, ${ticker.name} moved ${formatPercent(newsAverage)} on average, up or down: ` +
    `${formatAmount(newsAverage / allAverage)} times its average of ${formatPercent(allAverage)} over all ` +
    `${stats.allDays} trading days from ${span}.`
  );
}
