/**
 * One line per tracked instrument, as the home page's market movers and the ticker index show it:
 * the last close, its day move (from src/lib/prices/bars.ts) and how many articles discuss it. Computed
 * from the site data in one pass; pages only lay it out.
 */
import { missingSnapshot } from "../content/errors.ts";
import type { Ticker } from "../content/schema.ts";
import { latest, type Move } from "./bars.ts";
import { roundPercent } from "./format.ts";
import type { Bar } from "./snapshot.ts";
import { NO_EVENTS, type SeriesEvents } from "./splits.ts";

export interface TickerSummary {
  ticker: Ticker;
  /** The last bar of the data: its date is the date the figures are "as of". */
  last: Bar;
  /** The last bar's day move (previous close to last close); absent after a documented gap. */
  move?: Move;
  /** Published articles that list this ticker. */
  articles: number;
}

/** A summary for every ticker, in the given order; a ticker without price data is an error. */
export function tickerSummaries(
  tickers: readonly Ticker[],
  bars: ReadonlyMap<string, readonly Bar[]>,
  articleCounts: ReadonlyMap<string, number>,
  events: ReadonlyMap<string, SeriesEvents> = new Map(),
): TickerSummary[] {
  return tickers.map((ticker) => {
    const series = bars.get(ticker.id);
    if (!series) throw new Error(missingSnapshot(ticker.id));
    const { bar, move } = latest(series, events.get(ticker.id) ?? NO_EVENTS);
    return { ticker, last: bar, ...(move ? { move } : {}), articles: articleCounts.get(ticker.id) ?? 0 };
  });
}

/**
 * Biggest movers first: by the size of the displayed (rounded) move, either way, those without a move
 * last; ties keep the registry's order, so the strip never reshuffles between builds of the same data.
 */
export function byMoveSize(summaries: readonly TickerSummary[]): TickerSummary[] {
  return summaries
    .map((summary, index) => ({
      summary,
      index,
      size: summary.move ? Math.abs(roundPercent(summary.move.percent)) : -1,
    }))
    .sort((a, b) => b.size - a.size || a.index - b.index)
    .map(({ summary }) => summary);
}
