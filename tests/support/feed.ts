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
  "dc:creator": string;
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
  isArray: (name) => name === "item" || name === "category",
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
