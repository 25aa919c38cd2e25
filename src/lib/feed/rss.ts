/**
 * RSS 2.0, written by @astrojs/rss from the entries of ./build.ts. Titles, descriptions, categories
 * and creators are plain text written as escaped HTML (./text.ts); the article is in content:encoded.
 */
import { getRssString } from "@astrojs/rss";
import { absoluteUrl, site } from "../site/config.ts";
import { toUtcDate } from "../site/dates.ts";
import type { FeedChannel, FeedEntry } from "./build.ts";
import { newestModified } from "./build.ts";
import { plainTextAsHtml } from "./text.ts";

/** Escapes text for the XML fragments handed to @astrojs/rss as customData (it parses them again). */
function xmlText(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** lastBuildDate is the newest entry's last change, so rebuilding unchanged content gives the same bytes. */
export function rssFeed(channel: FeedChannel, entries: readonly FeedEntry[]): Promise<string> {
  const newest = newestModified(entries);
  const channelData = [
    `<language>${xmlText(site.lang)}</language>`,
    newest ? `<lastBuildDate>${toUtcDate(newest).toUTCString()}</lastBuildDate>` : "",
    `<atom:link href="${xmlText(absoluteUrl(channel.files.rss))}" rel="self" type="application/rss+xml"/>`,
  ].join("");
  return getRssString({
    title: plainTextAsHtml(channel.title),
    description: plainTextAsHtml(channel.description),
    site: absoluteUrl(channel.page),
    xmlns: { atom: "http://www.w3.org/2005/Atom", dc: "http://purl.org/dc/elements/1.1/" },
    customData: channelData,
    items: entries.map((entry) => ({
      title: plainTextAsHtml(entry.title),
      link: entry.url,
      // RSS has no modified date: the item keeps its pubDate and guid when the article is corrected
      // or updated, and its content carries the notes.
      pubDate: toUtcDate(entry.published),
      description: plainTextAsHtml(entry.summary),
      content: entry.contentHtml,
      categories: entry.categories.map(plainTextAsHtml),
      // RSS's own <author> must be an e-mail address; Dublin Core's creator takes the byline name.
      customData: entry.authors
        .map((author) => `<dc:creator>${xmlText(plainTextAsHtml(author.name))}</dc:creator>`)
        .join(""),
    })),
  });
}
