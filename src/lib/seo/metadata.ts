/**
 * What pages tell search engines and social sites about themselves: the JSON-LD `NewsArticle` of an
 * article, descriptions of list pages, and where each Open Graph image lives. Base.astro writes the
 * tags; the pages call these so every page words its metadata the same way.
 */
import { absoluteUrl, authorName, site } from "../site/config.ts";
import { formatDate, toUtcDate } from "../site/dates.ts";
import { articlePath, tickerPath } from "../site/paths.ts";
import { articleCount } from "../content/articles.ts";

/** Size of every Open Graph image, as social sites expect for a large card. */
export const OG_IMAGE = { width: 1200, height: 630 } as const;

/** Site path of an article's Open Graph image. */
export function articleImagePath(slug: string): string {
  return `/og/articles/${slug}.png`;
}

/** Site path of the card used by pages that are not articles. */
export const SITE_IMAGE_PATH = "/og/site.png";

export interface NewsArticleInput {
  slug: string;
  title: string;
  description: string;
  date: string;
  updated?: string;
  author: string;
  /** The tickers the article is about, resolved. */
  tickers: readonly { id: string; symbol: string; name: string; exchange: string }[];
  /** Tag labels, for `keywords`. */
  keywords: readonly string[];
}

/**
 * ISO 8601 date-time at midnight UTC of a calendar date, as schema.org and Open Graph (`article:*`)
 * dates are read.
 */
export function isoDate(date: string): string {
  return toUtcDate(date).toISOString();
}

/**
 * schema.org `NewsArticle` for an article page: headline, dates, author, publisher and `about` the
 * companies or indices of its tickers, each linked to its ticker page.
 */
export function newsArticleJsonLd(article: NewsArticleInput): Record<string, unknown> {
  const url = absoluteUrl(articlePath(article.slug));
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": url,
    url,
    mainEntityOfPage: url,
    headline: article.title,
    description: article.description,
    image: [absoluteUrl(articleImagePath(article.slug))],
    datePublished: isoDate(article.date),
    dateModified: isoDate(article.updated ?? article.date),
    inLanguage: site.lang,
    author: [{ "@type": "Organization", name: authorName(article.author), url: absoluteUrl("/") }],
    publisher: {
      "@type": "Organization",
      name: site.name,
      url: absoluteUrl("/"),
      logo: { "@type": "ImageObject", url: absoluteUrl("/favicon.svg") },
    },
    keywords: article.keywords.join(", "),
    about: article.tickers.map((t) => ({
      "@type": "Corporation",
      name: t.name,
      tickerSymbol: `${t.exchange}: ${t.symbol}`,
      url: absoluteUrl(tickerPath(t.id)),
    })),
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<` is escaped so no string in the data
 * (a headline quoting HTML, say) can close the element early.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

/** "page 2 of 3" suffix for titles and descriptions of a paginated list; empty on page 1. */
export function pageSuffix(page: number, lastPage: number): string {
  return page > 1 ? `, page ${page} of ${lastPage}` : "";
}

/** Meta description of a tag page (unique per page of the list). */
export function tagPageDescription(
  tag: { label: string; description: string },
  count: number,
  page: number,
  lastPage: number,
): string {
  const articles = articleCount(count);
  return `${tag.description} ${articles} tagged ${tag.label} on ${site.name}${pageSuffix(page, lastPage)}.`;
}

/** What a ticker page's description says of its chart: the data's range and the last close. */
export interface TickerChartSummary {
  /** First and last trading day of the data. */
  from: string;
  to: string;
  /** The last close, formatted in the ticker's currency. */
  lastClose: string;
}

/**
 * Meta description of a ticker page (unique per page of the list): the first page has the chart and
 * the last close, later pages only the list.
 */
export function tickerPageDescription(
  ticker: { name: string; symbol: string; exchange: string },
  chart: TickerChartSummary,
  count: number,
  page: number,
  lastPage: number,
): string {
  const who = `${ticker.name} (${ticker.exchange}: ${ticker.symbol})`;
  const articles = articleCount(count);
  if (page === 1) {
    return `${who}: price chart from ${formatDate(chart.from)} to ${formatDate(chart.to)}, last close ${chart.lastClose}, and ${articles} on ${ticker.name}.`;
  }
  return `${articles} on ${who} on ${site.name}, newest first${pageSuffix(page, lastPage)}.`;
}
