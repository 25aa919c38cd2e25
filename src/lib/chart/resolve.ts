/**
 * Resolving a chart: `resolveChart` turns the props of <PriceChart> into a ChartSpec (./spec.ts),
 * checked against the instrument's bars: the range, the marked days, the day whose move the caption
 * states.
 *
 * Bad props throw a PriceDataError naming the prop, the value and what would work; the component adds
 * the article file (or the page) and the tag as written.
 */
import {
  barOn,
  barsInRange,
  percentChange,
  PriceDataError,
  rangeAround,
  tradingDayOnOrAfter,
  tradingDayOnOrBefore,
} from "../prices/bars.ts";
import { afterAsOf } from "../prices/look-ahead.ts";
import { direction, type Direction } from "../prices/format.ts";
import type { Bar, TickerData } from "../prices/snapshot.ts";
import { formatDateRange } from "../site/dates.ts";
import { dateProp, heightProp, markersProp, titleProp, typeProp } from "./props.ts";
import { CHART, type ChartMarker, type ChartProps, type ChartSpec, type ChartTicker } from "./spec.ts";
import { captionOf, describeChart, sourceLine } from "./wording.ts";

/** A date in a prop must be a trading day inside the data; the message says which days would work. */
function tradingDay(bars: readonly Bar[], prop: string, date: string): void {
  try {
    barOn(bars, date);
  } catch (error) {
    if (error instanceof PriceDataError) throw new PriceDataError(`${prop}: ${error.message}`);
    throw error;
  }
}

/**
 * Resolves <PriceChart> props against an instrument's data.
 *
 * `centre` is the article's date and `asOf` the day its facts stand as of (its latest update's date,
 * else `centre`). An article's chart shows nothing after `asOf`: without `from` it starts
 * CHART.sideDays trading days before the article's day, without `to` it ends on the last trading day
 * on or before `asOf`, and a `to` after `asOf` is refused. Without `markers` it marks the article's
 * day (the first trading day on or after its date, for news that broke while the market was shut)
 * when that day is in range. Outside an article there is no centre, so `from` and `to` are required
 * and nothing is marked by default.
 */
export function resolveChart(data: TickerData, props: ChartProps, centre?: string, asOf = centre): ChartSpec {
  return { ...chartOf(data.ticker, data.bars, props, centre, asOf), source: sourceLine(data.snapshot) };
}

/**
 * Every check resolveChart makes of the props against the bars, throwing the same errors: what
 * `npm run check:content` runs for a <PriceChart> without building (src/lib/mdx/registry.ts).
 */
export function checkChart(
  ticker: ChartTicker,
  bars: readonly Bar[],
  props: ChartProps,
  centre?: string,
  asOf = centre,
): void {
  chartOf(ticker, bars, props, centre, asOf);
}

function chartOf(
  ticker: ChartTicker,
  bars: readonly Bar[],
  props: ChartProps,
  centre: string | undefined,
  asOf: string | undefined,
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
    from ??= rangeAround(bars, session, CHART.sideDays).from;
    to ??= tradingDayOnOrBefore(bars, asOf ?? centre);
  }
  if (asOf !== undefined && to > asOf) throw new PriceDataError(afterAsOf(`to="${to}"`, asOf));

  if (from > to) {
    const defaulted = props.from === undefined ? "from" : props.to === undefined ? "to" : undefined;
    const note = defaulted
      ? ` (${defaulted} is the default: ${defaulted === "from" ? `${CHART.sideDays} trading days before` : "the last trading day on or before"} the article's date)`
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

/** Direction of the whole range, which colours the series. */
export function rangeDirection(spec: Pick<ChartSpec, "bars">): Direction {
  return direction({ percent: percentChange(spec.bars[0]!.close, spec.bars.at(-1)!.close) });
}
