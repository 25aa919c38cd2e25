/**
 * The days a ticker page marks on its full-range chart: one per trading session on which articles
 * about the ticker first counted (the article's date, or the next trading day for a weekend story).
 * One marker per day, not per article, keeps the chart's embedded data and the page's list of marked
 * days bounded by the price data however many articles the ticker gathers.
 */
import { tradingDayOnOrAfter } from "../prices/bars.ts";
import type { Bar } from "../prices/snapshot.ts";
import { articlePath, listPageOf, tickerPath } from "../site/paths.ts";
import type { ChartMarker } from "./spec.ts";

/** How many article days a ticker page lists under its chart, the latest first. */
export const LISTED_DAYS = 10;

/** What these rules need of an article; collection entries satisfy it. */
export interface MarkedArticle {
  id: string;
  data: { title: string; date: string };
}

/** A trading day with articles about the ticker. */
export interface ArticleDay<A extends MarkedArticle = MarkedArticle> {
  /** The trading session, YYYY-MM-DD. */
  date: string;
  /** How many articles count on this day. */
  count: number;
  /** The first of them in the ticker's list (newest first): the one a marker names. */
  latest: A;
  /** Page of the ticker's article list (from 1) that shows `latest`. */
  page: number;
}

/**
 * The ticker's article days, oldest first. `articles` is the ticker's list as its pages show it,
 * newest first; articles dated after the last bar are left out (no session has reacted to them yet).
 */
export function articleDays<A extends MarkedArticle>(
  bars: readonly Bar[],
  articles: readonly A[],
): ArticleDay<A>[] {
  const last = bars.at(-1)?.date;
  const days = new Map<string, ArticleDay<A>>();
  articles.forEach((article, index) => {
    if (last === undefined || article.data.date > last) return;
    const date = tradingDayOnOrAfter(bars, article.data.date);
    const day = days.get(date);
    if (day) day.count++;
    else days.set(date, { date, count: 1, latest: article, page: listPageOf(index) });
  });
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Where a day's marker leads: the article when there is one, else the part of the ticker's list
 * (`#articles` on the page that shows the latest of them) where that day's articles are listed.
 */
export function articleDayHref(tickerId: string, day: ArticleDay): string {
  return day.count === 1 ? articlePath(day.latest.id) : `${tickerPath(tickerId, day.page)}#articles`;
}

/** "3 articles, latest: <headline>", or the headline alone for a day with one article. */
export function articleDayLabel(day: ArticleDay): string {
  return day.count === 1 ? day.latest.data.title : `${day.count} articles, latest: ${day.latest.data.title}`;
}

/** One chart marker per article day, labelled and linked as above, oldest first. */
export function articleDayMarkers(tickerId: string, days: readonly ArticleDay[]): ChartMarker[] {
  return days.map((day) => ({
    date: day.date,
    label: articleDayLabel(day),
    href: articleDayHref(tickerId, day),
  }));
}
