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

/** The search page. */
export const searchPath = "/search/";

/** The indexes of all tags and all tickers. */
export const indexPaths = { tags: "/tags/", tickers: "/tickers/" } as const;

/** Where each feed lives; pages use these for their autodiscovery links. */
export const feedPaths = {
  site: "/rss.xml",
  tag: (id: string) => `${tagPath(id)}rss.xml`,
  ticker: (id: string) => `${tickerPath(id)}rss.xml`,
};
