/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1), from the entries of ./build.ts. JSON needs no
 * markup escaping: titles and summaries are plain text, as the format defines them, and the article
 * is `content_html`.
 */
import { absoluteUrl, site } from "../site/config.ts";
import { isoDate } from "../site/dates.ts";
import type { FeedChannel, FeedEntry } from "./build.ts";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

export function jsonFeed(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  return JSON.stringify({
    version: JSON_FEED_VERSION,
    title: channel.title,
    home_page_url: absoluteUrl(channel.page),
    feed_url: absoluteUrl(channel.files.json),
    description: channel.description,
    language: site.lang,
    authors: [{ name: site.name, url: absoluteUrl("/") }],
    items: entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.title,
      summary: entry.summary,
      content_html: entry.contentHtml,
      date_published: isoDate(entry.published),
      date_modified: isoDate(entry.modified),
      authors: entry.authors,
      tags: entry.categories,
    })),
  });
}
