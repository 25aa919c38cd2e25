/**
 * What pages tell search engines and social sites about themselves: the JSON-LD of an article, of the
 * publisher and of an author's page, descriptions of list pages, and where each Open Graph image lives.
 * Base.astro writes the tags; the pages call these so every page words its metadata the same way.
 */
import { absoluteUrl, site } from "../site/config.ts";
import { formatDate, isoDate } from "../site/dates.ts";
import { articlePath, authorPath, standardsPaths, tickerPath } from "../site/paths.ts";
import { articleCount } from "../content/articles.ts";
import { articleFormat, type ArticleFormatId } from "../content/formats.ts";
import type { Author } from "../content/schema.ts";

/** Size of every Open Graph image, as social sites expect for a large card. */
export const OG_IMAGE = { width: 1200, height: 630 } as const;

/** Site path of an article's Open Graph image. */
export function articleImagePath(slug: string): string {
  return `/og/articles/${slug}.png`;
}

/** Site path of the card used by pages that are not articles. */
export const SITE_IMAGE_PATH = "/og/site.png";

/** The site's logo: the publisher's image in structured data. */
export const LOGO_PATH = "/favicon.svg";

/** The `@id` of the publisher, so every page's structured data names the same organisation. */
const PUBLISHER_ID = `${site.url}/#publisher`;

/**
 * schema.org `NewsMediaOrganization` for the site: its name, logo and the pages that state its
 * standards. The home page carries it in full; articles name it as their publisher.
 */
export function publisherJsonLd(): Record<string, unknown> {
  return {
    "@type": "NewsMediaOrganization",
    "@id": PUBLISHER_ID,
    name: site.name,
    url: absoluteUrl("/"),
    description: site.description,
    logo: { "@type": "ImageObject", url: absoluteUrl(LOGO_PATH) },
    publishingPrinciples: absoluteUrl(standardsPaths.about),
    verificationFactCheckingPolicy: absoluteUrl(standardsPaths.methodology),
    correctionsPolicy: absoluteUrl(standardsPaths.correctionsPolicy),
  };
}

/** The home page's JSON-LD: the publisher, with its context. */
export function homeJsonLd(): Record<string, unknown> {
  return { "@context": "https://schema.org", ...publisherJsonLd() };
}

/** An author as structured data: a desk is an `Organization` of the publisher, a person a `Person`. */
export function authorJsonLd(author: Author): Record<string, unknown> {
  const url = absoluteUrl(authorPath(author.id));
  return {
    "@type": author.kind === "person" ? "Person" : "Organization",
    "@id": `${url}#author`,
    name: author.name,
    url,
    ...(author.kind === "organization" ? { parentOrganization: { "@id": PUBLISHER_ID } } : {}),
    ...(author.links.length > 0 ? { sameAs: author.links.map((link) => link.url) } : {}),
  };
}

/** schema.org `ProfilePage` for an author's page, about the author. */
export function profilePageJsonLd(author: Author): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "ProfilePage",
    url: absoluteUrl(authorPath(author.id)),
    mainEntity: { ...authorJsonLd(author), description: author.bio },
  };
}

export interface NewsArticleInput {
  slug: string;
  title: string;
  description: string;
  date: string;
  /** The day of the latest correction or update; `date` when there is none. */
  modified: string;
  format: ArticleFormatId;
  /** The article's authors, resolved, in byline order. */
  authors: readonly Author[];
  /** The tickers the article is about, resolved. */
  tickers: readonly { id: string; symbol: string; name: string; exchange: string }[];
  /** Tag labels, for `keywords`. */
  keywords: readonly string[];
}

/**
 * schema.org JSON-LD for an article page: its type by format (`NewsArticle`, `AnalysisNewsArticle`,
 * `BackgroundNewsArticle`), headline, dates, authors, publisher and `about` the companies or indices of
 * its tickers, each linked to its ticker page.
 */
export function newsArticleJsonLd(article: NewsArticleInput): Record<string, unknown> {
  const url = absoluteUrl(articlePath(article.slug));
  const format = articleFormat(article.format);
  return {
    "@context": "https://schema.org",
    "@type": format.schemaType,
    "@id": url,
    url,
    mainEntityOfPage: url,
    headline: article.title,
    description: article.description,
    image: [absoluteUrl(articleImagePath(article.slug))],
    datePublished: isoDate(article.date),
    dateModified: isoDate(article.modified),
    inLanguage: site.lang,
    articleSection: format.label,
    author: article.authors.map(authorJsonLd),
    publisher: publisherJsonLd(),
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

/** Meta description of an author's page (unique per page of the list). */
export function authorPageDescription(
  author: Pick<Author, "name" | "role">,
  count: number,
  page: number,
  lastPage: number,
): string {
  return `${author.name}, ${site.name}: ${author.role}. ${articleCount(count)} signed by ${author.name}${pageSuffix(page, lastPage)}.`;
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
