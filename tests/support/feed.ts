import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseFeed as parseWithFeedParser } from "@rowanmanning/feed-parser";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { XMLParser } from "fast-xml-parser";
import { SaxesParser } from "saxes";

/** An RSS item as the tests read it (attributes as `@_name`, text next to them as `#text`). */
export interface ParsedItem {
  title: string;
  link: string;
  guid: { "#text": string; "@_isPermaLink"?: string };
  pubDate: string;
  description: string;
  "content:encoded": string;
  category: string[];
  /** One per author, in byline order. */
  "dc:creator": string[];
}

export interface ParsedFeed {
  "@_version": string;
  channel: {
    title: string;
    link: string;
    description: string;
    language: string;
    lastBuildDate?: string;
    "atom:link": { "@_href": string; "@_rel": string; "@_type": string };
    item: ParsedItem[];
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  // Keep every value as written (no "2.0" -> 2), and lists as lists even with one entry.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === "item" || name === "category" || name === "dc:creator",
});

/**
 * Why `xml` is not well-formed, namespace-correct XML, or undefined if it is (saxes follows the XML
 * 1.0 and Namespaces specifications: one root, matched tags, defined entities and prefixes).
 */
export function xmlError(xml: string): string | undefined {
  try {
    new SaxesParser({ xmlns: true }).write(xml).close();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Parses an RSS document; throws with the parser's message if it is not well-formed. */
export function parseFeed(xml: string, name = "feed"): ParsedFeed {
  const error = xmlError(xml);
  if (error !== undefined) throw new Error(`${name} is not well-formed XML: ${error}`);
  const rss = (parser.parse(xml) as { rss?: ParsedFeed }).rss;
  if (!rss) throw new Error(`${name} has no <rss> root element`);
  rss.channel.item ??= [];
  return rss;
}

// ---------------------------------------------------------------------------------------------------
// The three feed formats as feed readers see them: RSS and Atom through @rowanmanning/feed-parser (a
// real feed parser, which decodes text as readers do), JSON Feed checked against the JSON Feed 1.1
// schema (jsonfeed-schema, with Ajv) and read as JSON.

export type FeedFormatName = "rss" | "atom" | "json";

/** One item as a reader gets it: text fields as text, the article as HTML. */
export interface ReadEntry {
  id: string;
  url: string;
  title: string;
  summary: string;
  /** The item's HTML exactly as the feed holds it (decoded once from XML, or the JSON string). */
  contentHtml: string;
  /** ISO date-times. RSS has no modified date: its `modified` is its pubDate. */
  published: string;
  modified: string;
  authors: string[];
  categories: string[];
}

export interface ReadFeed {
  title: string;
  description: string;
  /** The page the feed follows. */
  home: string;
  /** Where the feed says it lives. */
  self: string;
  items: ReadEntry[];
}

const rawXml = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  processEntities: true,
  isArray: (name) => name === "item" || name === "entry",
});

/** Each item's HTML as the XML holds it, decoded once (the parser under test decodes it twice). */
function xmlContents(xml: string, format: "rss" | "atom"): string[] {
  const parsed = rawXml.parse(xml) as {
    rss?: { channel: { item?: { "content:encoded": string }[] } };
    feed?: { entry?: { content: { "#text": string } }[] };
  };
  return format === "rss"
    ? (parsed.rss?.channel.item ?? []).map((item) => item["content:encoded"])
    : (parsed.feed?.entry ?? []).map((entry) => entry.content["#text"]);
}

const iso = (date: Date | null, what: string): string => {
  if (!date) throw new Error(`feed item has no ${what}`);
  return date.toISOString();
};

const jsonFeedSchema = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("jsonfeed-schema/schema-v1.1.json"), "utf8"),
) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateJsonFeed = ajv.compile(jsonFeedSchema);

/** Why `text` is not a valid JSON Feed 1.1 document, or undefined if it is. */
export function jsonFeedError(text: string): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  if (validateJsonFeed(data)) return undefined;
  return ajv.errorsText(validateJsonFeed.errors);
}

interface JsonFeedDoc {
  version: string;
  title: string;
  description: string;
  home_page_url: string;
  feed_url: string;
  items: {
    id: string;
    url: string;
    title: string;
    summary: string;
    content_html: string;
    date_published: string;
    date_modified: string;
    authors: { name: string }[];
    tags: string[];
  }[];
}

/** A feed file read as a reader reads it; throws when it is not a valid feed of its format. */
export function readFeed(format: FeedFormatName, text: string): ReadFeed {
  if (format === "json") {
    const error = jsonFeedError(text);
    if (error) throw new Error(`not a valid JSON Feed 1.1: ${error}`);
    const feed = JSON.parse(text) as JsonFeedDoc;
    if (feed.version !== "https://jsonfeed.org/version/1.1") throw new Error(`version ${feed.version}`);
    return {
      title: feed.title,
      description: feed.description,
      home: feed.home_page_url,
      self: feed.feed_url,
      items: feed.items.map((item) => ({
        id: item.id,
        url: item.url,
        title: item.title,
        summary: item.summary,
        contentHtml: item.content_html,
        published: new Date(item.date_published).toISOString(),
        modified: new Date(item.date_modified).toISOString(),
        authors: item.authors.map((a) => a.name),
        categories: item.tags,
      })),
    };
  }
  const error = xmlError(text);
  if (error) throw new Error(`not well-formed XML: ${error}`);
  const feed = parseWithFeedParser(text);
  const contents = xmlContents(text, format);
  return {
    title: feed.title ?? "",
    description: feed.description ?? "",
    home: feed.url ?? "",
    self: feed.self ?? "",
    items: feed.items.map((item, i) => ({
      id: item.id ?? "",
      url: item.url ?? "",
      title: item.title ?? "",
      summary: item.description ?? "",
      contentHtml: contents[i] ?? "",
      published: iso(item.published, "publication date"),
      modified: iso(item.updated, "modified date"),
      authors: item.authors.map((a) => a.name ?? ""),
      categories: item.categories.map((c) => c.label ?? c.term ?? ""),
    })),
  };
}
