/**
 * Atom 1.0 (RFC 4287), from the entries of ./build.ts; fast-xml-builder writes the XML and
 * escapes every value. Titles and summaries are `type="html"` holding escaped plain text (./text.ts),
 * which every reader shows as the text written; the article is the `type="html"` content.
 */
import XMLBuilder from "fast-xml-builder";
import { absoluteUrl, site } from "../site/config.ts";
import { isoDate } from "../site/dates.ts";
import type { FeedChannel, FeedEntry } from "./build.ts";
import { newestModified } from "./build.ts";
import { plainTextAsHtml } from "./text.ts";

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  suppressEmptyNode: true,
});

const html = (text: string) => ({ "@_type": "html", "#text": text });
const link = (rel: string, type: string, href: string) => ({ "@_rel": rel, "@_type": type, "@_href": href });

/** `today` dates a feed with no entries (Atom requires `updated`); otherwise the newest entry's change does. */
export function atomFeed(channel: FeedChannel, entries: readonly FeedEntry[], today: string): string {
  const feed = {
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    feed: {
      "@_xmlns": "http://www.w3.org/2005/Atom",
      "@_xml:lang": site.lang,
      id: absoluteUrl(channel.files.atom),
      title: html(plainTextAsHtml(channel.title)),
      subtitle: html(plainTextAsHtml(channel.description)),
      link: [
        link("alternate", "text/html", absoluteUrl(channel.page)),
        link("self", "application/atom+xml", absoluteUrl(channel.files.atom)),
      ],
      updated: isoDate(newestModified(entries) ?? today),
      author: { name: site.name, uri: absoluteUrl("/") },
      entry: entries.map((entry) => ({
        id: entry.url,
        title: html(plainTextAsHtml(entry.title)),
        link: link("alternate", "text/html", entry.url),
        published: isoDate(entry.published),
        updated: isoDate(entry.modified),
        author: entry.authors.map((author) => ({ name: author.name, uri: author.url })),
        category: entry.categories.map((term) => ({ "@_term": term })),
        summary: html(plainTextAsHtml(entry.summary)),
        content: html(entry.contentHtml),
      })),
    },
  };
  return builder.build(feed) as string;
}
