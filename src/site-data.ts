/**
 * The one place pages, components and feeds get content from. It reads the collections once per
 * build, applies the one publication rule (src/lib/articles.ts) and computes the indexes every page
 * needs, so no page re-queries or re-filters on its own.
 */
import { getCollection, type CollectionEntry } from "astro:content";
import { buildArticleIndex, type ArticleIndex } from "./lib/articles.ts";
import { todayUtc } from "./lib/dates.ts";
import { contentKey } from "./lib/cache-key.ts";
import { tickerSummaries, type TickerSummary } from "./lib/ticker-summary.ts";
import type { Bar, Tag, Ticker } from "./lib/schema.ts";

export type Article = CollectionEntry<"articles">;

export interface SiteData extends ArticleIndex<Article> {
  /** The build date (UTC calendar date): articles dated after it are scheduled. */
  today: string;
  /** True in `astro dev`: drafts and scheduled articles are shown, with a banner. */
  preview: boolean;
  /** Every ticker, in the order of content/tickers.yaml. */
  tickers: Ticker[];
  tickerById: Map<string, Ticker>;
  /** Every ticker's last close, day move and article count, in the order of `tickers`. */
  tickerSummaries: TickerSummary[];
  /** Every tag of the vocabulary, in the order of content/tags.yaml. */
  tags: Tag[];
  tagById: Map<string, Tag>;
  /**
   * The tags with at least one visible article, in the order of `tags`, with those articles: the
   * tags that have a page and a feed, and the ones the topic lists show.
   */
  tagsWithArticles: { tag: Tag; articles: Article[] }[];
  /** Daily bars by ticker id, oldest first. */
  bars: Map<string, Bar[]>;
  /** The snapshot (source, adjustment) by ticker id. */
  prices: Map<string, CollectionEntry<"prices">["data"]>;
  /**
   * Incremental-build key of each article page: its own source and everything else it shows (related
   * and adjacent stories, ticker chips and figures from the price data, tag labels).
   */
  articlePageKey: Map<string, string>;
}

/**
 * The build date. BUILD_DATE=YYYY-MM-DD overrides it, so tests (and an editor checking what goes
 * live on a given day) can build "as of" another date.
 */
function buildDate(): string {
  return process.env.BUILD_DATE ?? todayUtc();
}

/**
 * True in `astro dev` only. Not `import.meta.env.DEV`: Vite derives that from NODE_ENV, so a build run
 * with NODE_ENV=test or development (vitest, a CI shell) would count as dev and publish drafts. Astro
 * sets MODE to "production" for every `astro build` and to "development" for `astro dev`.
 */
export const preview = import.meta.env.MODE === "development";

async function load(): Promise<SiteData> {
  const today = buildDate();
  const [articles, tickerEntries, tagEntries, priceEntries] = await Promise.all([
    getCollection("articles"),
    getCollection("tickers"),
    getCollection("tags"),
    getCollection("prices"),
  ]);
  const tickers = tickerEntries.map((e) => e.data);
  const tags = tagEntries.map((e) => e.data);
  const index = buildArticleIndex(articles, { today, preview });
  const bars = new Map(priceEntries.map((e) => [e.id, e.data.bars]));
  // Registries and prices change rarely; when they do, every article page is rendered again.
  const shared = contentKey(
    tickers,
    tags,
    priceEntries.map((e) => e.data),
  );
  const shown = (article: Article | undefined) => article && { id: article.id, ...article.data };
  const articlePageKey = new Map(
    index.articles.map((article) => {
      const { older, newer } = index.adjacent.get(article.id) ?? {};
      const related = (index.related.get(article.id) ?? []).map(shown);
      return [
        article.id,
        contentKey(shared, article.data, article.body, related, shown(older), shown(newer)),
      ];
    }),
  );
  return {
    ...index,
    articlePageKey,
    today,
    preview,
    tickers,
    tickerById: new Map(tickers.map((t) => [t.id, t])),
    tickerSummaries: tickerSummaries(
      tickers,
      bars,
      new Map([...index.byTicker].map(([id, list]) => [id, list.length])),
    ),
    tags,
    tagById: new Map(tags.map((t) => [t.id, t])),
    tagsWithArticles: tags.flatMap((tag) => {
      const list = index.byTag.get(tag.id);
      return list ? [{ tag, articles: list }] : [];
    }),
    bars,
    prices: new Map(priceEntries.map((e) => [e.id, e.data])),
  };
}

let cached: Promise<SiteData> | undefined;

/**
 * Site data, computed once per build. In dev, where content changes, it is recomputed on every call
 * (not once per request: each component that calls it pays for a full load).
 */
export function getSiteData(): Promise<SiteData> {
  if (preview) return load();
  return (cached ??= load());
}
