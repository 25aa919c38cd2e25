/**
 * Full-content RSS feeds: the site feed, one per tag and one per ticker, all written by `buildFeed`.
 * Everything here is pure: the routes hand it published articles (from getSiteData) and each article's
 * body already rendered to HTML; `cleanFeedHtml` turns that HTML into something a feed reader shows
 * as the page does, with absolute URLs and nothing that needs scripts or the site's stylesheet.
 */
import { createHash } from "node:crypto";
import { getRssString, type RSSFeedItem } from "@astrojs/rss";
import render from "dom-serializer";
import { DomUtils, parseDocument } from "htmlparser2";
import { toUtcDate } from "./dates.ts";
import type { Tag, Ticker } from "./schema.ts";
import { absoluteUrl, authorName, site } from "./site.ts";
import { articlePath, feedPaths, tagPath, tickerPath } from "./paths.ts";

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

/** What `buildFeed` looks names up in: the site's tags, tickers and rendered article bodies. */
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

/** Escapes text for the hand-written XML fragments handed to @astrojs/rss as customData. */
function xmlText(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** One feed item: the article's permanent URL as link and guid, its date, dek, full body and labels. */
export function feedItem(article: FeedArticle, sources: FeedSources): RSSFeedItem {
  const { data } = article;
  return {
    title: data.title,
    link: absoluteUrl(articlePath(article.id)),
    pubDate: toUtcDate(data.date),
    description: data.description,
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
    description: channel.description,
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

// ---------------------------------------------------------------------------------------------------
// HTML clean-up

/** Elements a feed reader cannot use (they need scripts, the site's CSS, or are page plumbing). */
const DROPPED_ELEMENTS = new Set([
  "script",
  "style",
  "template",
  "noscript",
  "canvas",
  "link",
  "meta",
  "iframe",
  "object",
  "embed",
]);

/** Attributes whose value is one URL. */
const URL_ATTRIBUTES = new Set(["href", "src", "poster", "cite"]);

/** Attributes that only mean something with the site's CSS or scripts; readers strip or misread them. */
function isPageOnlyAttribute(name: string): boolean {
  return name === "style" || name === "class" || name.startsWith("on") || name.startsWith("data-");
}

function absolute(value: string, base: string): string | undefined {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return trimmed;
  }
  return url.protocol === "javascript:" ? undefined : url.href;
}

/** `a.png 1x, /b.png 2x` with each URL made absolute. */
function absoluteSrcset(value: string, base: string): string {
  return value
    .split(",")
    .map((candidate) => {
      const [url = "", ...descriptors] = candidate.trim().split(/\s+/);
      return [absolute(url, base) ?? "", ...descriptors].join(" ");
    })
    .filter((candidate) => candidate.trim() !== "")
    .join(", ");
}

/** The attributes worth keeping, with URLs made absolute; `javascript:` URLs are dropped. */
function cleanAttributes(attribs: Record<string, string>, base: string): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(attribs)) {
    if (isPageOnlyAttribute(name)) continue;
    const cleaned = URL_ATTRIBUTES.has(name)
      ? absolute(value, base)
      : name === "srcset"
        ? absoluteSrcset(value, base)
        : value;
    if (cleaned !== undefined) kept[name] = cleaned;
  }
  return kept;
}

type Node = ReturnType<typeof parseDocument>["children"][number];

function clean(nodes: readonly Node[], base: string): void {
  for (const node of [...nodes]) {
    if (DomUtils.isComment(node)) {
      DomUtils.removeElement(node);
      continue;
    }
    if (!DomUtils.isTag(node)) continue;
    if (DROPPED_ELEMENTS.has(node.name) || "hidden" in node.attribs) {
      DomUtils.removeElement(node);
      continue;
    }
    node.attribs = cleanAttributes(node.attribs, base);
    clean(node.children, base);
    // A custom element (a page enhancement such as <price-chart>) means nothing to a reader, nor does
    // a <span> left without attributes: keep the content, drop the wrapper.
    if (node.name.includes("-") || (node.name === "span" && Object.keys(node.attribs).length === 0)) {
      for (const child of [...node.children]) DomUtils.prepend(node, child);
      DomUtils.removeElement(node);
    }
  }
}

/**
 * Makes rendered article HTML safe to put in `content:encoded`: every link and image URL absolute
 * (relative ones resolved against `pageUrl`, the article's own URL), no scripts, styles, canvases,
 * comments or hidden elements, no `style`/`class`/`on*`/`data-*` attributes, custom elements and
 * bare spans unwrapped.
 */
export function cleanFeedHtml(html: string, pageUrl: string): string {
  const document = parseDocument(html);
  clean(document.children, pageUrl);
  return render(document.children, { encodeEntities: "utf8" }).trim();
}
