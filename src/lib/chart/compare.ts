/**
 * <CompareChart>: several instruments on one scale, each rebased to 100 at the close of `from` (or as
 * the percentage change from it), resolved into a CompareSpec that the static SVG (./svg.ts), the
 * feed image, the data table and the interactive chart are drawn from.
 *
 * How dates align when the series trade on different calendars (Hong Kong and New York holidays
 * differ): the chart's dates are every date on which at least one series traded, from `from` to `to`;
 * on each date a series stands at its last close on or before it (a series that did not trade that
 * day carries its previous close, and the table says so). `from` must be a trading day of every
 * series, so each starts from a close of its own on that very day; `to` must be a trading day of at
 * least one of them and inside every series' data. The move of each series is from its close on
 * `from` to its last close on or before the chart's last date.
 */
import { barOn, changeBetween, PriceDataError, type Move } from "../prices/bars.ts";
import { formatCompareValue, moveWords, type CompareMode } from "../prices/format.ts";
import type { Bar, TickerData } from "../prices/snapshot.ts";
import { gapsBetween, onBasisOf, splitsBetween } from "../prices/splits.ts";
import { site } from "../site/config.ts";
import { formatDate, formatDateRange } from "../site/dates.ts";
import { show } from "../content/errors.ts";
import { dateProp, flagProp, heightProp, titleProp } from "./props.ts";
import { articleRange, tradingDay, type ChartArticle } from "./resolve.ts";
import type { ChartTicker } from "./spec.ts";
import { afterPublicationNote, sourceLine } from "./wording.ts";

export const compareModes = ["rebased", "percent"] as const satisfies readonly CompareMode[];
export type { CompareMode };

/** How many series one comparison may hold: beyond six, lines and their colours blur together. */
export const COMPARE_LIMITS = { min: 2, max: 6 } as const;

/** One instrument of a comparison. */
export interface CompareSeries {
  ticker: ChartTicker;
  /** Its value on each of the chart's dates: rebased to 100, or the per cent change from `from`. */
  values: number[];
  /** Whether it traded on each date; false where its previous close is carried. */
  traded: boolean[];
  /** From its close on `from` to its last close on or before the chart's last date. */
  move: Move;
}

export interface CompareSpec {
  /** The first date (a trading day of every series) and the last (of at least one). */
  from: string;
  to: string;
  mode: CompareMode;
  height: number;
  dates: string[];
  series: CompareSeries[];
  title: string;
  /** What the picture shows, for text alternatives. */
  description: string;
  /** The best and the worst performer over the range, each with its move. */
  caption: string;
  /** Where the numbers come from: each distinct source line once. */
  source: string;
  /** The first date after the article's as-of date, when the editor asked for later days. */
  afterPublication?: string;
}

/** The props of <CompareChart> other than `tickers`, as written (unchecked). */
export interface CompareProps {
  from?: unknown;
  to?: unknown;
  mode?: unknown;
  title?: unknown;
  height?: unknown;
  afterPublication?: unknown;
}

/** "rebased" (default) or "percent". */
export function modeProp(value: unknown): CompareMode {
  if (value === undefined) return "rebased";
  if (compareModes.includes(value as CompareMode)) return value as CompareMode;
  throw new PriceDataError(
    `mode=${show(value)} is not accepted; use one of ${compareModes.join(", ")} (rebased: each series is 100 at from; percent: the change from from)`,
  );
}

const EXAMPLE = 'tickers={["nvda", "avgo", "tsm", "ixic"]}';

/**
 * The shape of `tickers`: a list of COMPARE_LIMITS ids, each once. Each id is then looked up (and
 * checked against the article's tickers) by the registry.
 */
export function tickersProp(value: unknown): string[] {
  const { min, max } = COMPARE_LIMITS;
  if (!Array.isArray(value)) {
    throw new PriceDataError(`tickers must be a list of ${min} to ${max} ticker ids; write ${EXAMPLE}`);
  }
  if (value.length < min || value.length > max) {
    throw new PriceDataError(
      `tickers has ${value.length} ticker(s); a comparison needs ${min} to ${max}, e.g. ${EXAMPLE}`,
    );
  }
  value.forEach((id: unknown, i) => {
    if (typeof id !== "string")
      throw new PriceDataError(`tickers[${i}] is ${show(id)}, not a ticker id; write ${EXAMPLE}`);
    if (value.indexOf(id) !== i) {
      throw new PriceDataError(
        `tickers[${i}]: "${id}" is listed twice (first as tickers[${value.indexOf(id)}]); list each ticker once`,
      );
    }
  });
  return value as string[];
}

/** Index of the last bar on or before `date`, or -1. */
function lastOnOrBefore(bars: readonly Bar[], date: string): number {
  let lo = 0;
  let hi = bars.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bars[mid]!.date <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

const COUNT_WORDS = ["", "", "two", "three", "four", "five", "six"];

/**
 * "Over 24 – 31 Jan 2025, TSMC did best of the four: it fell 9.79%. Nvidia did worst: it fell
 * 15.81%." The best and worst by their move (the first listed wins a tie); a series whose last close
 * came before the chart's last date says so.
 */
export function compareCaption(series: readonly CompareSeries[], from: string, to: string): string {
  const best = series.reduce((top, s) => (s.move.percent > top.move.percent ? s : top));
  const worst = series.reduce((low, s) => (s.move.percent < low.move.percent ? s : low));
  const moved = (s: CompareSeries) =>
    `${moveWords(s.move)}${s.move.toDate === to ? "" : ` to its last close, on ${formatDate(s.move.toDate, "short")}`}`;
  const count = COUNT_WORDS[series.length] ?? String(series.length);
  const range = formatDateRange(from, to);
  if (best === worst) return `Over ${range}, the ${count} moved alike: each ${moved(best)}.`;
  return `Over ${range}, ${best.ticker.name} did best of the ${count}: it ${moved(best)}. ${worst.ticker.name} did worst: it ${moved(worst)}.`;
}

const list = new Intl.ListFormat(site.locale, { type: "conjunction" });

/** Resolves <CompareChart> props against the data of its tickers (already looked up, in the order given). */
export function resolveCompare(
  data: readonly TickerData[],
  props: CompareProps,
  article?: ChartArticle,
): CompareSpec {
  const mode = modeProp(props.mode);
  const height = heightProp(props.height);
  const title = titleProp(props.title);
  const after = flagProp("afterPublication", props.afterPublication);
  const given = { from: dateProp("from", props.from), to: dateProp("to", props.to) };
  if (given.from === undefined) {
    throw new PriceDataError(
      'needs from="YYYY-MM-DD": the day every series is measured from (a trading day of each of them)',
    );
  }
  // The default `to` is the article's as-of day on the first series' calendar; every series is checked below.
  const { from, to } = articleRange(data[0]!.bars, { ...given, after }, article);
  for (const { ticker, bars } of data) {
    try {
      tradingDay(bars, `from="${from}"`, from);
    } catch (error) {
      throw new PriceDataError(
        `${(error as Error).message.replace(/^from="[^"]+": /, `from="${from}" must be a trading day of every series, and for ${ticker.id}: `)}`,
      );
    }
    const last = bars.at(-1)!.date;
    if (to > last) {
      throw new PriceDataError(
        `to="${to}" is outside the data of ${ticker.id}: they run from ${bars[0]!.date} to ${last}; end the comparison on or before ${last}`,
      );
    }
  }
  const dates = [
    ...new Set(
      data.flatMap(({ bars }) => bars.filter((b) => b.date >= from && b.date <= to).map((b) => b.date)),
    ),
  ].sort();
  if (given.to !== undefined && dates.at(-1) !== to) {
    const nearest = data.map(({ ticker, bars }) => `${ticker.id} ${bars[lastOnOrBefore(bars, to)]!.date}`);
    throw new PriceDataError(
      `to="${to}" was not a trading day of any of the series; their last trading days before it: ${nearest.join(", ")}`,
    );
  }
  if (dates.length < 2) {
    throw new PriceDataError(
      `the range ${from} to ${to} holds 1 trading day; a comparison needs at least 2, so move from earlier or to later`,
    );
  }
  const end = dates.at(-1)!;

  const series = data.map(({ ticker, bars, events }): CompareSeries => {
    const base = barOn(bars, from).close;
    const traded: boolean[] = [];
    const values = dates.map((date) => {
      const bar = bars[lastOnOrBefore(bars, date)]!;
      traded.push(bar.date === date);
      // Across a split the base is put on the later day's basis, so the series has no cliff.
      const ratio = bar.close / onBasisOf(base, from, bar.date, events.splits);
      return mode === "rebased" ? ratio * 100 : (ratio - 1) * 100;
    });
    const lastDay = bars[lastOnOrBefore(bars, end)]!.date;
    const move: Move =
      lastDay > from
        ? changeBetween(bars, from, lastDay, events)
        : { fromDate: from, toDate: from, start: base, end: base, change: 0, percent: 0, basis: "close" };
    return { ticker: { ...pick(ticker) }, values, traded, move };
  });

  const later = after && article ? dates.find((date) => date > article.asOf) : undefined;
  const range = formatDateRange(from, end);
  const names = list.format(series.map((s) => s.ticker.name));
  const how =
    mode === "rebased"
      ? `each rebased to 100 at its close on ${formatDate(from, "short")}`
      : `each as the percentage change from its close on ${formatDate(from, "short")}`;
  const caption = compareCaption(series, from, end);
  return {
    from,
    to: end,
    mode,
    height,
    dates,
    series,
    title: title ?? `${names}, ${range}`,
    description: `Line chart comparing ${names}, ${range}, ${how}${later ? `; shaded after publication from ${formatDate(later, "short")}` : ""}.`,
    caption: later ? `${caption} ${afterPublicationNote(later)}` : caption,
    source: [
      ...new Set(
        data.map(({ snapshot, events }) =>
          sourceLine(snapshot, {
            from,
            to: end,
            splits: splitsBetween(events.splits, from, end),
            gaps: gapsBetween(events.gaps, from, end),
          }),
        ),
      ),
    ].join(" "),
    ...(later ? { afterPublication: later } : {}),
  };
}

function pick(ticker: ChartTicker): ChartTicker {
  const { id, symbol, name, currency, kind } = ticker;
  return { id, symbol, name, currency, kind };
}

/** One row of a comparison's data table. */
export interface CompareRow {
  date: string;
  day: string;
  /** Each series' value as written, and whether it is a carried close. */
  cells: { text: string; carried: boolean }[];
}

export function compareRows(spec: CompareSpec): CompareRow[] {
  return spec.dates.map((date, i) => ({
    date,
    day: formatDate(date, "short"),
    cells: spec.series.map((s) => ({
      text: formatCompareValue(s.values[i]!, spec.mode),
      carried: !s.traded[i],
    })),
  }));
}

/** What a comparison embeds for the interactive chart: the values rounded as displayed, nothing recomputed in the browser. */
export interface CompareData {
  kind: "compare";
  mode: CompareMode;
  dates: string[];
  series: { name: string; symbol: string; values: number[] }[];
  /** The first date after the article's as-of date, shaded. */
  afterPublication?: string;
}

export function compareData(spec: CompareSpec): CompareData {
  return {
    kind: "compare",
    mode: spec.mode,
    dates: spec.dates,
    series: spec.series.map((s) => ({
      name: s.ticker.name,
      symbol: s.ticker.symbol,
      values: s.values.map((v) => Math.round(v * 100) / 100),
    })),
    ...(spec.afterPublication ? { afterPublication: spec.afterPublication } : {}),
  };
}

export function compareDataJson(spec: CompareSpec): string {
  return JSON.stringify(compareData(spec)).replaceAll("<", "\\u003c");
}
