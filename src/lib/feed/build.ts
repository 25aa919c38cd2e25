/**
 * Full-content feeds: the site's, one per tag, one per ticker and one per author, each in RSS 2.0,
 * Atom 1.0 and JSON Feed 1.1. One item builder (`feedEntry`) makes each article's entry once; the
 * writers (./rss.ts, ./atom.ts, ./json-feed.ts) only spell it in their format, so the three carry the
 * same items, ids, dates and content. Everything here is pure: the routes hand it published articles
 * (from getSiteData) and each article's body already rendered to clean feed HTML (./clean-html.ts).
 */
import { createHash } from "node:crypto";
import { escapeAttribute, escapeText } from "entities";
import { absoluteUrl, site } from "../site/config.ts";
import { formatDate } from "../site/dates.ts";
import {
  articlePath,
  authorPath,
  feedPaths,
  tagPath,
  tickerPath,
  type FeedFiles,
  type FeedFormat,
} from "../site/paths.ts";
import {
  lastModifiedDate,
  newestNotesFirst,
  type ArticleGroups,
  type ArticleLike,
} from "../content/articles.ts";
import { articleFormat, type ArticleFormatId } from "../content/formats.ts";
import type { ArticleNote, Author, Tag, Ticker } from "../content/schema.ts";
import { rssFeed } from "./rss.ts";
import { atomFeed } from "./atom.ts";
import { jsonFeed } from "./json-feed.ts";

/** How many items a feed holds: the newest. The sitemap and the paginated lists reach the rest. */
export const FEED_SIZE = 50;

/** The articles a feed over `articles` (published, newest first) carries: the newest FEED_SIZE. */
export function carriedArticles<T>(articles: readonly T[]): readonly T[] {
  return articles.slice(0, FEED_SIZE);
}

/**
 * The ids of the articles at least one feed carries: the newest FEED_SIZE of the site feed (all
 * published articles) and of each tag's, ticker's and author's. Only these bodies are rendered for
 * feeds, and a hybrid build prerenders their modules.
 */
export function carriedByFeeds(groups: ArticleGroups<ArticleLike>): Set<string> {
  const lists = [
    groups.articles,
    ...groups.byTag.values(),
    ...groups.byTicker.values(),
    ...groups.byAuthor.values(),
  ];
  return new Set(lists.flatMap((list) => carriedArticles(list).map((a) => a.id)));
}

/** What a feed says about itself. Paths are site paths; the writers make them absolute. */
export interface FeedChannel {
  /** Plain text. */
  title: string;
  /** Plain text. */
  description: string;
  /** The HTML page this feed follows. */
  page: string;
  /** Where the feed is published in each format (each names itself with rel="self" or feed_url). */
  files: FeedFiles;
}

export function siteChannel(): FeedChannel {
  return { title: site.name, description: site.description, page: "/", files: feedPaths.site() };
}

export function tagChannel(tag: Tag): FeedChannel {
  return {
    title: `${tag.label} | ${site.name}`,
    description: tag.description,
    page: tagPath(tag.id),
    files: feedPaths.tag(tag.id),
  };
}

export function tickerChannel(ticker: Ticker): FeedChannel {
  return {
    title: `${ticker.name} (${ticker.symbol}) | ${site.name}`,
    description:
      ticker.description ?? `${site.name} articles on ${ticker.name} (${ticker.symbol}, ${ticker.exchange}).`,
    page: tickerPath(ticker.id),
    files: feedPaths.ticker(ticker.id),
  };
}

export function authorChannel(author: Author): FeedChannel {
  return {
    title: `${author.name} | ${site.name}`,
    description: author.bio,
    page: authorPath(author.id),
    files: feedPaths.author(author.id),
  };
}

/** The fields of an article a feed item needs; collection entries satisfy it. */
export interface FeedArticle {
  id: string;
  data: {
    title: string;
    description: string;
    date: string;
    authors: readonly string[];
    format: ArticleFormatId;
    tags: readonly string[];
    tickers: readonly string[];
    updates: readonly ArticleNote[];
    corrections: readonly ArticleNote[];
  };
}

/** What `feedEntry` looks up by id: the site's tags, tickers and authors, and each article's rendered body. */
export interface FeedSources {
  tagById: ReadonlyMap<string, Tag>;
  tickerById: ReadonlyMap<string, Ticker>;
  authorById: ReadonlyMap<string, Author>;
  /** Each article's body as clean feed HTML (see cleanFeedHtml), by article id. */
  html: ReadonlyMap<string, string>;
}

/** One article as every feed format carries it. Text fields are plain text; the writers escape them. */
export interface FeedEntry {
  /** The article's permanent absolute URL: its link, and its id (guid) in every format. */
  url: string;
  title: string;
  /** The dek. */
  summary: string;
  /** The whole article as HTML: its corrections and updates, then its body. */
  contentHtml: string;
  /** Calendar dates: publication (never changes), and the latest correction or update. */
  published: string;
  modified: string;
  authors: { name: string; url: string }[];
  /** The format's label, then tag labels, then ticker symbols. */
  categories: string[];
}

function lookup<T>(map: ReadonlyMap<string, T>, id: string, what: string, article: string): T {
  const found = map.get(id);
  if (found === undefined) throw new Error(`feed: article "${article}" has no ${what} "${id}"`);
  return found;
}

/**
 * An article's corrections and updates as HTML paragraphs, newest first, corrections before updates,
 * as the top of its page shows them. The notes are plain text, escaped here.
 */
export function notesHtml(data: Pick<FeedArticle["data"], "updates" | "corrections">): string {
  const paragraph = (lead: string, note: ArticleNote) =>
    `<p><strong>${escapeText(lead)}:</strong> ${escapeText(note.text)}</p>`;
  return [
    ...newestNotesFirst(data.corrections).map((note) =>
      paragraph(`Correction, ${formatDate(note.date)}`, note),
    ),
    ...newestNotesFirst(data.updates).map((note) => paragraph(`Updated ${formatDate(note.date)}`, note)),
  ].join("");
}

/** The one item builder: an article's entry in every feed that carries it. */
export function feedEntry(article: FeedArticle, sources: FeedSources): FeedEntry {
  const { data } = article;
  return {
    url: absoluteUrl(articlePath(article.id)),
    title: data.title,
    summary: data.description,
    contentHtml: notesHtml(data) + lookup(sources.html, article.id, "rendered body", article.id),
    published: data.date,
    modified: lastModifiedDate(data),
    authors: data.authors.map((id) => ({
      name: lookup(sources.authorById, id, "author", article.id).name,
      url: absoluteUrl(authorPath(id)),
    })),
    categories: [
      articleFormat(data.format).label,
      ...data.tags.map((id) => lookup(sources.tagById, id, "tag", article.id).label),
      ...data.tickers.map((id) => lookup(sources.tickerById, id, "ticker", article.id).symbol),
    ],
  };
}

/** The newest calendar date among the entries' modifications, or undefined for an empty feed. */
export function newestModified(entries: readonly FeedEntry[]): string | undefined {
  return entries.reduce<string | undefined>(
    (latest, entry) => (latest === undefined || entry.modified > latest ? entry.modified : latest),
    undefined,
  );
}

/**
 * A feed of `channel` in `format`. `articles` must be published articles, newest first (getSiteData's
 * order); the newest FEED_SIZE of them are carried. Dates come from the articles, never the clock,
 * so rebuilding unchanged content gives the same bytes; `today` (the build date) dates only an Atom
 * feed with no entries, which the format requires a date for.
 */
export async function buildFeed(
  format: FeedFormat,
  channel: FeedChannel,
  articles: readonly FeedArticle[],
  sources: FeedSources,
  today: string,
): Promise<string> {
  const entries = carriedArticles(articles).map((article) => feedEntry(article, sources));
  if (format === "rss") return rssFeed(channel, entries);
  if (format === "atom") return atomFeed(channel, entries, today);
  return jsonFeed(channel, entries);
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
  return `<figure><img src="${escapeAttribute(image.src)}" alt="${escapeAttribute(image.alt)}" width="${image.width}" height="${image.height}"></figure>`;
}
