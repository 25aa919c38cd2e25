/**
 * Resolving a chart: `resolveChart` turns the props of <PriceChart> into a ChartSpec (./spec.ts),
 * checked against the instrument's bars: the range, the marked days, the day whose move the caption
 * states, and, in an article, the as-of rule: nothing after the article's as-of date (its date, or its
 * latest update's) unless the editor asks for the later days with `afterPublication`, which shades them.
 *
 * Bad props throw a PriceDataError naming the prop, the value and what would work; the component adds
 * the article file (or the page) and the tag as written.
 */
import {
  barOn,
  barsInRange,
  percentChange,
  PriceDataError,
  tradingDayOnOrAfter,
  tradingDayOnOrBefore,
} from "../prices/bars.ts";
import { afterAsOf, type AsOf } from "../content/errors.ts";
import { direction, type Direction } from "../prices/format.ts";
import type { Bar, TickerData } from "../prices/snapshot.ts";
import { plottedSeries, type SeriesEvents } from "../prices/splits.ts";
import { formatDateRange } from "../site/dates.ts";
import { dateProp, flagProp, heightProp, markersProp, titleProp, typeProp } from "./props.ts";
import { CHART, type ChartMarker, type ChartProps, type ChartSpec, type ChartTicker } from "./spec.ts";
import { afterPublicationNote, captionOf, describeChart, sourceLine } from "./wording.ts";

/** A date in a prop must be a trading day inside the data; the message says which days would work. */
export function tradingDay(bars: readonly Bar[], prop: string, date: string): void {
  try {
    barOn(bars, date);
  } catch (error) {
    if (error instanceof PriceDataError) throw new PriceDataError(`${prop}: ${error.message}`);
    throw error;
  }
}

/** The fix for a chart date after the as-of date. */
export const CHART_AFTER_AS_OF = (asOf: string) =>
  `an article's chart shows no prices from after it; end the chart on or before ${asOf}, or add afterPublication to show the later days, shaded and labelled "after publication"`;

/** What a chart knows of the article it sits in. */
export type ChartArticle = AsOf;

/**
 * Resolves <PriceChart> props against an instrument's data.
 *
 * In an article, without `from`/`to` the chart runs from CHART.sideDays trading days before the
 * article's day (its date, or the next session when the market was shut) to its as-of day (the last
 * session on or before its as-of date), and without `markers` it marks the article's day. Outside an
 * article `from` and `to` are required and nothing is marked by default.
 */
export function resolveChart(data: TickerData, props: ChartProps, article?: ChartArticle): ChartSpec {
  const spec = chartOf(data.ticker, data.bars, props, article, data.events);
  return { ...spec, source: sourceLine(data.snapshot, spec) };
}

/** Where an article's chart begins and ends by default, and the days that matter to it. */
interface ArticleDays {
  /** The article's trading day: its date, or the next session when the market was shut. */
  session: string;
  /** The last session on or before the as-of date. */
  asOfDay: string;
}

function articleDays(bars: readonly Bar[], article: ChartArticle): ArticleDays | undefined {
  const first = bars[0]!.date;
  const last = bars.at(-1)!.date;
  // A date outside the data has no session in it (the data could be missing that very day).
  if (article.date < first || article.date > last) return undefined;
  return {
    session: tradingDayOnOrAfter(bars, article.date),
    asOfDay: tradingDayOnOrBefore(bars, article.asOf < last ? article.asOf : last),
  };
}

/** The date `n` trading days from `date` (a trading day), cut at the ends of the data. */
function shifted(bars: readonly Bar[], date: string, n: number): string {
  const i = bars.findIndex((bar) => bar.date === date);
  return bars[Math.max(0, Math.min(bars.length - 1, i + n))]!.date;
}

/**
 * The range and the as-of checks every chart of an article shares (<PriceChart>, <CompareChart>):
 * the default range, then `from`, `to` and the marked dates against the as-of date.
 */
export function articleRange(
  bars: readonly Bar[],
  given: { from?: string | undefined; to?: string | undefined; after: boolean },
  article: ChartArticle | undefined,
): { from: string; to: string; days?: ArticleDays } {
  const first = bars[0]!.date;
  const last = bars.at(-1)!.date;
  if (given.after && !article) {
    throw new PriceDataError(
      "afterPublication only applies in an article, to the days after its as-of date; outside an article give from and to",
    );
  }
  const days = article && articleDays(bars, article);
  let { from, to } = given;
  if (from === undefined || to === undefined) {
    if (!article) {
      throw new PriceDataError(
        'outside an article a chart has no date to centre on; give from="YYYY-MM-DD" and to="YYYY-MM-DD"',
      );
    }
    if (!days) {
      throw new PriceDataError(
        `the article's date ${article.date} is outside the data (${first} to ${last}); give from and to inside it, or update the price snapshot`,
      );
    }
    // A Sunday story with no update has no session of its own before its as-of day: start from the last close before it.
    const anchor = days.session <= days.asOfDay ? days.session : days.asOfDay;
    from ??= shifted(bars, anchor, -CHART.sideDays);
    to ??= given.after ? shifted(bars, days.asOfDay, CHART.sideDays) : days.asOfDay;
  }
  if (from > to) {
    const defaulted = given.from === undefined ? "from" : given.to === undefined ? "to" : undefined;
    const note = defaulted
      ? ` (${defaulted} is the default: ${defaulted === "from" ? `${CHART.sideDays} trading days before the article's date` : "the article's as-of date"})`
      : "";
    throw new PriceDataError(`from (${from}) is after to (${to})${note}; from must be the earlier date`);
  }
  if (article) {
    if (!given.after) {
      if (from > article.asOf)
        throw new PriceDataError(afterAsOf(`from="${from}"`, article, CHART_AFTER_AS_OF));
      if (to > article.asOf) throw new PriceDataError(afterAsOf(`to="${to}"`, article, CHART_AFTER_AS_OF));
    } else if (to <= article.asOf) {
      throw new PriceDataError(
        `afterPublication shows days after the article's as-of date, ${article.asOf}, but the chart ends on ${to}; set to after ${article.asOf}, or remove afterPublication`,
      );
    }
  }
  return { from, to, ...(days ? { days } : {}) };
}

/** A marker's date checked against the as-of date: the same rule as `to`. */
export function markerAsOf(
  prop: string,
  date: string,
  article: ChartArticle | undefined,
  after: boolean,
): void {
  if (article && !after && date > article.asOf) {
    throw new PriceDataError(afterAsOf(`${prop} ${date}`, article, CHART_AFTER_AS_OF));
  }
}

function chartOf(
  ticker: ChartTicker,
  bars: readonly Bar[],
  props: ChartProps,
  article: ChartArticle | undefined,
  events: SeriesEvents,
): Omit<ChartSpec, "source"> {
  const type = typeProp(props.type);
  const height = heightProp(props.height);
  const title = titleProp(props.title);
  const given = markersProp(props.markers);
  const volume = flagProp("volume", props.volume);
  const after = flagProp("afterPublication", props.afterPublication);
  if (!bars[0]) throw new PriceDataError(`the price data of ${ticker.id} have no bars`);
  if (volume && !bars.some((bar) => bar.volume !== undefined)) {
    throw new PriceDataError(`volume: the price data of ${ticker.id} have no volume; leave volume out`);
  }

  const { from, to, days } = articleRange(
    bars,
    { from: dateProp("from", props.from), to: dateProp("to", props.to), after },
    article,
  );
  tradingDay(bars, `from="${from}"`, from);
  tradingDay(bars, `to="${to}"`, to);
  const slice = barsInRange(bars, from, to);
  if (slice.length < 2) {
    throw new PriceDataError(
      `the range ${from} to ${to} holds ${slice.length} trading day; a chart needs at least 2, so move from earlier or to later`,
    );
  }

  const inRange = (date: string | undefined): date is string =>
    date !== undefined && date >= from && date <= to;
  let markers: ChartMarker[];
  if (given) {
    given.forEach((marker, i) => {
      markerAsOf(`markers[${i}].date`, marker.date, article, after);
      tradingDay(bars, `markers[${i}].date`, marker.date);
      if (!inRange(marker.date)) {
        throw new PriceDataError(
          `markers[${i}].date ${marker.date} is outside the chart's range ${from} to ${to}; move the marker or widen from/to`,
        );
      }
    });
    markers = [...given].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  } else if (days && inRange(days.session) && (after || days.session <= days.asOfDay)) {
    markers = [
      {
        date: days.session,
        label: days.session === article!.date ? "Published" : "Session after publication",
      },
    ];
  } else if (days && inRange(days.asOfDay)) {
    markers = [{ date: days.asOfDay, label: "Last close before publication" }];
  } else {
    markers = [];
  }

  const focus =
    days && inRange(days.session) && days.session <= days.asOfDay
      ? days.session
      : days && inRange(days.asOfDay)
        ? days.asOfDay
        : to;
  const later = after && article ? slice.find((bar) => bar.date > article.asOf)?.date : undefined;
  const range = formatDateRange(from, to);
  // Split-adjusted to the basis of `to` when a split lies inside the range, so the chart has no cliff.
  const plotted = plottedSeries(bars, events, from, to);
  const caption = captionOf(bars, ticker, focus, from, to, events);

  return {
    ticker,
    from,
    to,
    type,
    height,
    ...plotted,
    markers,
    focus,
    title: title ?? `${ticker.name} (${ticker.symbol}), ${range}`,
    description: describeChart(ticker, type, range, markers, { volume, afterPublication: later }),
    caption: later ? `${caption} ${afterPublicationNote(later)}` : caption,
    volume,
    ...(later ? { afterPublication: later } : {}),
  };
}

/** Direction of the whole range, which colours the series. */
export function rangeDirection(spec: Pick<ChartSpec, "bars">): Direction {
  return direction({ percent: percentChange(spec.bars[0]!.close, spec.bars.at(-1)!.close) });
}
