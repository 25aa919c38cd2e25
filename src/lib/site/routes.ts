/**
 * Every path a build makes, from the content it publishes: one entry per route file of src/pages, so
 * the internal links of articles can be checked against the pages that will exist (src/lib/content/
 * links.ts) before anything is built. A new page type adds its route file here with the paths it
 * makes (a unit test fails while a file in src/pages has no entry); if its paths depend on content
 * the list does not carry yet, add that to `RouteContent`.
 */
import { articleImagePath, SITE_IMAGE_PATH } from "../seo/metadata.ts";
import {
  articlePath,
  authorPath,
  feedPaths,
  indexPaths,
  LIST_PAGE_SIZE,
  NEWS_SITEMAP_PATH,
  searchPath,
  standardsPaths,
  tagPath,
  tickerPath,
  type FeedFiles,
} from "./paths.ts";

/** What the routes are made from: the articles a build publishes, and every ticker. */
export interface RouteContent {
  articles: readonly {
    id: string;
    tags: readonly string[];
    tickers: readonly string[];
    authors: readonly string[];
  }[];
  /** Every ticker id: each has a page, with or without articles. */
  tickers: readonly string[];
}

/** How many articles each tag or ticker has in `content`. */
function counts(content: RouteContent, key: "tags" | "tickers" | "authors"): Map<string, number> {
  const count = new Map<string, number>();
  for (const article of content.articles) {
    for (const id of article[key]) count.set(id, (count.get(id) ?? 0) + 1);
  }
  return count;
}

/** The pages of a paginated list of `total` articles (the first page exists even when it is empty). */
function listPages(path: (page: number) => string, total: number): string[] {
  const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  return Array.from({ length: pages }, (_, i) => path(i + 1));
}

/** A feed route's paths: one format's file of each feed it serves. */
const feedFiles = (feeds: readonly FeedFiles[], ...formats: (keyof FeedFiles)[]): string[] =>
  feeds.flatMap((files) => formats.map((format) => files[format]));

/**
 * The paths each route file of src/pages makes, by file. Not here: /charts/<hash>.svg (chart images
 * for feeds, named by their content; no article links to one) and what the sitemap integration and
 * Pagefind add, listed under "(generated)".
 */
export const ROUTES: Record<string, (content: RouteContent) => string[]> = {
  "index.astro": () => ["/"],
  "404.astro": () => ["/404.html"],
  "search.astro": () => [searchPath],
  "about.astro": () => [standardsPaths.about],
  "methodology.astro": () => [standardsPaths.methodology],
  "corrections-policy.astro": () => [standardsPaths.correctionsPolicy],
  "corrections.astro": () => [standardsPaths.corrections],
  "disclaimer.astro": () => [standardsPaths.disclaimer],
  "[format].xml.ts": () => feedFiles([feedPaths.site()], "rss", "atom"),
  "feed.json.ts": () => feedFiles([feedPaths.site()], "json"),
  "news-sitemap.xml.ts": () => [NEWS_SITEMAP_PATH],
  "robots.txt.ts": () => ["/robots.txt"],
  "articles/[slug].astro": (content) => content.articles.map((a) => articlePath(a.id)),
  "og/site.png.ts": () => [SITE_IMAGE_PATH],
  "og/articles/[slug].png.ts": (content) => content.articles.map((a) => articleImagePath(a.id)),
  "tags/index.astro": () => [indexPaths.tags],
  // A tag has pages and feeds once an article carries it.
  "tags/[tag]/[...page].astro": (content) =>
    [...counts(content, "tags")].flatMap(([id, n]) => listPages((page) => tagPath(id, page), n)),
  "tags/[tag]/[format].xml.ts": (content) =>
    feedFiles([...counts(content, "tags").keys()].map(feedPaths.tag), "rss", "atom"),
  "tags/[tag]/feed.json.ts": (content) =>
    feedFiles([...counts(content, "tags").keys()].map(feedPaths.tag), "json"),
  "tickers/index.astro": () => [indexPaths.tickers],
  // Every ticker has a page (its chart); feeds once an article is about it.
  "tickers/[id]/[...page].astro": (content) => {
    const count = counts(content, "tickers");
    return content.tickers.flatMap((id) => listPages((page) => tickerPath(id, page), count.get(id) ?? 0));
  },
  "tickers/[id]/[format].xml.ts": (content) =>
    feedFiles([...counts(content, "tickers").keys()].map(feedPaths.ticker), "rss", "atom"),
  "tickers/[id]/feed.json.ts": (content) =>
    feedFiles([...counts(content, "tickers").keys()].map(feedPaths.ticker), "json"),
  "authors/index.astro": () => [indexPaths.authors],
  // An author has a page and feeds once an article is signed by them.
  "authors/[author]/[...page].astro": (content) =>
    [...counts(content, "authors")].flatMap(([id, n]) => listPages((page) => authorPath(id, page), n)),
  "authors/[author]/[format].xml.ts": (content) =>
    feedFiles([...counts(content, "authors").keys()].map(feedPaths.author), "rss", "atom"),
  "authors/[author]/feed.json.ts": (content) =>
    feedFiles([...counts(content, "authors").keys()].map(feedPaths.author), "json"),
  "charts/[chart].svg.ts": () => [],
  "(generated)": () => ["/sitemap-index.xml"],
};

/** Every site path the build makes from `content`. */
export function sitePaths(content: RouteContent): Set<string> {
  return new Set(Object.values(ROUTES).flatMap((paths) => paths(content)));
}
