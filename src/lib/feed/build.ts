/**
 * Full-content RSS feeds: the site feed, one per tag and one per ticker, all written by `buildFeed`.
 * Everything here is pure: the routes hand it published articles (from getSiteData) and each article's
 * body already rendered to HTML; `cleanFeedHtml` turns that HTML into something a feed reader shows
 * as the page does, with absolute URLs and nothing that needs scripts or the site's stylesheet.
 */
import { createHash } from "node:crypto";
import { getRssString, type RSSFeedItem } from "@astrojs/rss";
import { absoluteUrl, authorName, site } from "../site/config.ts";
import { toUtcDate } from "../site/dates.ts";
import { articlePath, feedPaths, tagPath, tickerPath } from "../site/paths.ts";
import type { Tag, Ticker } from "../content/schema.ts";

/** What a feed says about itself. Paths are site paths; they are made absolute here. */
export interface FeedChannel {
  title: string;
  description: string;
  /** The HTML page this feed follows (the channel's link). */
  page: string;
  /** Where the feed itself is published (its atom:link rel="self"). */
  self: string;
}

export function siteChannel(): FeedChannel {
  return { title: site.name, description: site.description, page: "/", self: feedPaths.site };
}

export function tagChannel(tag: Tag): FeedChannel {
  return {
    title: `${tag.label} | ${site.name}`,
    description: tag.description,
    page: tagPath(tag.id),
    self: feedPaths.tag(tag.id),
  };
}

export function tickerChannel(ticker: Ticker): FeedChannel {
  return {
    title: `${ticker.name} (${ticker.symbol}) | ${site.name}`,
    description:
      ticker.description ?? `${site.name} articles on ${ticker.name} (${ticker.symbol}, ${ticker.exchange}).`,
    page: tickerPath(ticker.id),
    self: feedPaths.ticker(ticker.id),
  };
}

/** The fields of an article a feed item needs; collection entries satisfy it. */
export interface FeedArticle {
  id: string;
  data: {
    title: string;
    description: string;
    date: string;
    author: string;
    tags: readonly string[];
    tickers: readonly string[];
  };
}

/** What `buildFeed` looks up by id: the site's tags and tickers, and each article's rendered body. */
export interface FeedSources {
  tagById: ReadonlyMap<string, Tag>;
  tickerById: ReadonlyMap<string, Ticker>;
  /** Each article's body as clean feed HTML (see cleanFeedHtml), by article id. */
  html: ReadonlyMap<string, string>;
}

function lookup<T>(map: ReadonlyMap<string, T>, id: string, what: string, article: string): T {
  const found = map.get(id);
  if (found === undefined) throw new Error(`feed: article "${article}" has no ${what} "${id}"`);
  return found;
}

/**
 * Escapes text for the hand-written XML fragments handed to @astrojs/rss as customData, and for text
 * that goes into an element holding HTML (see `htmlDescription`).
 */
function xmlText(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/**
 * A dek or channel description as RSS's <description> carries it: that element holds HTML (RSS 2.0,
 * and readers render it), so the text is escaped as HTML here and again as XML by @astrojs/rss. A dek
 * reading `<img onerror=...>` then reaches the reader as those characters, never as an element.
 */
function htmlDescription(text: string): string {
  return xmlText(text);
}

/** One feed item: the article's permanent URL as link and guid, its date, dek, full body and labels. */
export function feedItem(article: FeedArticle, sources: FeedSources): RSSFeedItem {
  const { data } = article;
  return {
    title: data.title,
    link: absoluteUrl(articlePath(article.id)),
    pubDate: toUtcDate(data.date),
    description: htmlDescription(data.description),
    content: lookup(sources.html, article.id, "rendered body", article.id),
    categories: [
      ...data.tags.map((id) => lookup(sources.tagById, id, "tag", article.id).label),
      ...data.tickers.map((id) => lookup(sources.tickerById, id, "ticker", article.id).symbol),
    ],
    // RSS's own <author> must be an e-mail address; Dublin Core's creator takes the byline name.
    customData: `<dc:creator>${xmlText(authorName(data.author))}</dc:creator>`,
  };
}

/**
 * The one feed builder. `articles` must be published articles, newest first (getSiteData's order);
 * lastBuildDate is the newest article's date, so rebuilding unchanged content gives the same bytes.
 */
export function buildFeed(
  channel: FeedChannel,
  articles: readonly FeedArticle[],
  sources: FeedSources,
): Promise<string> {
  const newest = articles.reduce<string | undefined>(
    (latest, a) => (latest === undefined || a.data.date > latest ? a.data.date : latest),
    undefined,
  );
  const channelData = [
    `<language>${xmlText(site.lang)}</language>`,
    newest ? `<lastBuildDate>${toUtcDate(newest).toUTCString()}</lastBuildDate>` : "",
    `<atom:link href="${xmlText(absoluteUrl(channel.self))}" rel="self" type="application/rss+xml"/>`,
  ].join("");
  return getRssString({
    title: channel.title,
    description: htmlDescription(channel.description),
    site: absoluteUrl(channel.page),
    xmlns: { atom: "http://www.w3.org/2005/Atom", dc: "http://purl.org/dc/elements/1.1/" },
    customData: channelData,
    items: articles.map((article) => feedItem(article, sources)),
  });
}

// ---------------------------------------------------------------------------------------------------
// Chart images

/** Site path of the static file a chart's SVG is published at: named by its content, so stable. */
export function chartImagePath(svg: string): string {
  return `/charts/${chartImageName(svg)}.svg`;
}

/** The content hash that names a chart image file. */
export function chartImageName(svg: string): string {
  return createHash("sha256").update(svg).digest("hex").slice(0, 16);
}

/** An article's lead image as the build publishes it. */
export interface LeadImage {
  /** Site path (or URL) of the built image file. */
  src: string;
  alt: string;
  width: number;
  height: number;
}

/** The lead image as HTML to put before the body, so the feed item carries the whole article. */
export function leadImageHtml(image: LeadImage): string {
  return `<figure><img src="${xmlText(image.src)}" alt="${xmlText(image.alt)}" width="${image.width}" height="${image.height}"></figure>`;
}
