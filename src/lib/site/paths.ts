/**
 * Site paths of the pages and feeds built from content: the one spelling of each URL, used by pages,
 * components, feeds, structured data and chart markers. Every page path ends in `/` (directory
 * format, astro.config.ts); absoluteUrl (./config.ts) turns a path into a full URL.
 */

/** The permanent path of an article page: its link everywhere, and its guid in every feed. */
export function articlePath(id: string): string {
  return `/articles/${id}/`;
}

/** Articles per page of a tag's or a ticker's list. */
export const LIST_PAGE_SIZE = 10;

/** The page (from 1) of a list, newest first, that shows its article at `index` (from 0). */
export function listPageOf(index: number): number {
  return Math.floor(index / LIST_PAGE_SIZE) + 1;
}

/** Page `page` (1 = the first) of a paginated list whose first page is at `first`. */
function listPage(first: string, page: number): string {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`page ${page} is not a whole number from 1`);
  return page === 1 ? first : `${first}${page}/`;
}

/** A tag's list of articles: `/tags/<id>/`, then `/tags/<id>/2/` and on. */
export function tagPath(id: string, page = 1): string {
  return listPage(`/tags/${id}/`, page);
}

/** A ticker's page (chart and summary on page 1) and its list of articles: `/tickers/<id>/`, `/tickers/<id>/2/`, … */
export function tickerPath(id: string, page = 1): string {
  return listPage(`/tickers/${id}/`, page);
}

/** An author's page and the list of the articles they sign: `/authors/<id>/`, `/authors/<id>/2/`, … */
export function authorPath(id: string, page = 1): string {
  return listPage(`/authors/${id}/`, page);
}

/** The search page. */
export const searchPath = "/search/";

/** The indexes of all tags, all tickers and all authors. */
export const indexPaths = { tags: "/tags/", tickers: "/tickers/", authors: "/authors/" } as const;

/** The site's standards: who publishes it and how, how figures are made, corrections, the disclaimer. */
export const standardsPaths = {
  about: "/about/",
  methodology: "/methodology/",
  correctionsPolicy: "/corrections-policy/",
  corrections: "/corrections/",
  disclaimer: "/disclaimer/",
} as const;

/** The Google News sitemap: the articles of the last two days. */
export const NEWS_SITEMAP_PATH = "/news-sitemap.xml";

/** The formats every feed is published in: the file name beside its page, and its media type. */
export const FEED_FORMATS = {
  rss: { file: "rss.xml", type: "application/rss+xml", name: "RSS" },
  atom: { file: "atom.xml", type: "application/atom+xml", name: "Atom" },
  json: { file: "feed.json", type: "application/feed+json", name: "JSON Feed" },
} as const;

export type FeedFormat = keyof typeof FEED_FORMATS;

export const FEED_FORMAT_IDS = Object.keys(FEED_FORMATS) as FeedFormat[];

/** A feed's three files, by format: each lives beside the page the feed follows (`/tags/x/atom.xml`). */
export type FeedFiles = Record<FeedFormat, string>;

function feedFiles(page: string): FeedFiles {
  return {
    rss: `${page}${FEED_FORMATS.rss.file}`,
    atom: `${page}${FEED_FORMATS.atom.file}`,
    json: `${page}${FEED_FORMATS.json.file}`,
  };
}

/** Where each feed lives, in each format; pages use these for their autodiscovery links. */
export const feedPaths = {
  site: (): FeedFiles => feedFiles("/"),
  tag: (id: string): FeedFiles => feedFiles(tagPath(id)),
  ticker: (id: string): FeedFiles => feedFiles(tickerPath(id)),
  author: (id: string): FeedFiles => feedFiles(authorPath(id)),
};
