/**
 * The one place pages, components and feeds get content from. It reads the collections, applies the
 * one publication rule (src/lib/content/articles.ts) and computes the indexes every page needs, so no
 * page re-queries or re-filters on its own. A build computes it once; the dev server computes it again
 * only when the content changed.
 */
import { getCollection, type CollectionEntry } from "astro:content";
import {
  buildArticleIndex,
  correctionsLog,
  type ArticleIndex,
  type Author,
  type CorrectionEntry,
  type Tag,
  type Ticker,
} from "@/lib/content";
import {
  seriesEvents,
  tickerSummaries,
  type Bar,
  type PriceSnapshot,
  type SeriesEvents,
  type TickerSummary,
} from "@/lib/prices";
import { buildDate, contentKey, isArchived, timed, type ArchiveWindow } from "@/lib/site";

export type Article = CollectionEntry<"articles">;

export interface SiteData extends ArticleIndex<Article> {
  /** The build date (UTC calendar date): articles dated after it are scheduled. */
  today: string;
  /** Drafts and scheduled articles are shown too, with a banner: in the dev server only. */
  showUnpublished: boolean;
  /** Every ticker, in the order of content/tickers.yaml. */
  tickers: Ticker[];
  tickerById: Map<string, Ticker>;
  /** Every ticker's last close, day move and article count, in the order of `tickers`. */
  tickerSummaries: TickerSummary[];
  /**
   * The tickers with at least one visible article, in the order of `tickers`, with those articles:
   * the tickers that have a feed.
   */
  tickersWithArticles: { ticker: Ticker; articles: Article[] }[];
  /** Every tag of the vocabulary, in the order of content/tags.yaml. */
  tags: Tag[];
  tagById: Map<string, Tag>;
  /**
   * The tags with at least one visible article, in the order of `tags`, with those articles: the
   * tags that have a page and a feed, and the ones the topic lists show.
   */
  tagsWithArticles: { tag: Tag; articles: Article[] }[];
  /** Every author, in the order of content/authors.yaml. */
  authors: Author[];
  authorById: Map<string, Author>;
  /** The authors with at least one visible article, in the order of `authors`: those with a page and a feed. */
  authorsWithArticles: { author: Author; articles: Article[] }[];
  /** Every correction of a visible article, newest first: the corrections page. */
  corrections: CorrectionEntry<Article>[];
  /** Daily bars by ticker id, oldest first. */
  bars: Map<string, Bar[]>;
  /** The price snapshot (bars, sources, events, gaps) by ticker id. */
  snapshots: Map<string, PriceSnapshot>;
  /** Splits and documented gaps by ticker id: what every move across days must take into account. */
  events: Map<string, SeriesEvents>;
  /**
   * Incremental-build key of each article page: its own source and everything else it shows (related
   * and adjacent stories, ticker chips and figures from the price data, tag labels).
   */
  articlePageKey: Map<string, string>;
  /** What every page may show besides its own articles: the registries and the price data, hashed. */
  sharedKey: string;
  /**
   * Hybrid mode only (ARCHIVE_AFTER_DAYS, src/lib/site/archive.ts): the window of prerendered articles;
   * older ones are rendered on request. Undefined in a fully static build.
   */
  archive: ArchiveWindow | undefined;
}

/** The articles a build prerenders: all of them, or in hybrid mode the ones in the window. */
export function prerenderedArticles(data: Pick<SiteData, "articles" | "archive">): Article[] {
  return data.archive ? data.articles.filter((a) => !isArchived(a.data.date, data.archive)) : data.articles;
}

/**
 * The incremental-build key of a page that shows `values` (its articles, its page number) and may show
 * anything of the registries and the price data (ticker chips, tag labels, figures): a page whose key
 * and code are unchanged since the last build is copied from it.
 */
export function pageKey(data: Pick<SiteData, "sharedKey">, ...values: unknown[]): string {
  return contentKey(data.sharedKey, ...values);
}

/**
 * The key of one page of a tag's, ticker's or author's list: copied by an incremental build while
 * `subject` (the tag, ticker or author as the page shows it), the count, the page's place and the
 * articles it shows stay the same.
 */
export function listPageKey(
  data: Pick<SiteData, "sharedKey">,
  subject: unknown,
  page: { currentPage: number; lastPage: number; total: number; data: readonly Article[] },
): string {
  return pageKey(data, subject, page.currentPage, page.lastPage, page.total, page.data.map(shownInKey));
}

/** An article as a list or a card shows it, for a page key: its id and frontmatter. */
export function shownInKey(article: Article | undefined): unknown {
  return article && { id: article.id, ...article.data };
}

/**
 * Hybrid mode: the build date and the window, fixed by astro.config.ts when the site was built, so the
 * server renders archived articles as of that build and not of the day it runs.
 */
const archive = import.meta.env.MARKET_DESK_ARCHIVE as ArchiveWindow | undefined;

/**
 * The day the site is built as of: the build date (BUILD_DATE=YYYY-MM-DD, else today), or in hybrid
 * mode the day of the build that made the server, so archived articles render as of that build.
 */
function siteToday(): string {
  return archive?.today ?? buildDate();
}

/**
 * True in `astro dev` only. Not `import.meta.env.DEV`: Vite derives that from NODE_ENV, so a build run
 * with NODE_ENV=test or development (vitest, a CI shell) would count as dev and publish drafts. Astro
 * sets MODE to "production" for every `astro build` and to "development" for `astro dev`.
 */
export const isDevServer = import.meta.env.MODE === "development";

interface Collections {
  articles: Article[];
  tickers: CollectionEntry<"tickers">[];
  tags: CollectionEntry<"tags">[];
  authors: CollectionEntry<"authors">[];
  prices: CollectionEntry<"prices">[];
}

async function readCollections(): Promise<Collections> {
  const [articles, tickers, tags, authors, prices] = await Promise.all([
    getCollection("articles"),
    getCollection("tickers"),
    getCollection("tags"),
    getCollection("authors"),
    getCollection("prices"),
  ]);
  return { articles, tickers, tags, authors, prices };
}

function compute(collections: Collections, today: string): SiteData {
  const tickers = collections.tickers.map((e) => e.data);
  const tags = collections.tags.map((e) => e.data);
  const authors = collections.authors.map((e) => e.data);
  const index = buildArticleIndex(collections.articles, { today, showUnpublished: isDevServer });
  const bars = new Map(collections.prices.map((e) => [e.id, e.data.bars]));
  const events = new Map(collections.prices.map((e) => [e.id, seriesEvents(e.data)]));
  // Registries and prices change rarely; when they do, every article page is rendered again.
  const shared = contentKey(
    tickers,
    tags,
    authors,
    collections.prices.map((e) => e.data),
  );
  // Only incremental builds read these keys: the dev server would compute them on each edit for nothing.
  const articlePageKey = new Map(
    (isDevServer ? [] : index.articles).map((article) => {
      const { older, newer } = index.adjacent.get(article.id) ?? {};
      const related = (index.related.get(article.id) ?? []).map(shownInKey);
      return [
        article.id,
        contentKey(shared, article.data, article.digest, related, shownInKey(older), shownInKey(newer)),
      ];
    }),
  );
  const withArticles = <T extends { id: string }>(items: readonly T[], groups: Map<string, Article[]>) =>
    items.flatMap((item) => {
      const list = groups.get(item.id);
      return list ? [{ item, articles: list }] : [];
    });
  return {
    ...index,
    articlePageKey,
    sharedKey: shared,
    archive,
    today,
    showUnpublished: isDevServer,
    tickers,
    tickerById: new Map(tickers.map((t) => [t.id, t])),
    tickerSummaries: tickerSummaries(
      tickers,
      bars,
      new Map([...index.byTicker].map(([id, list]) => [id, list.length])),
      events,
    ),
    tickersWithArticles: withArticles(tickers, index.byTicker).map(({ item, articles }) => ({
      ticker: item,
      articles,
    })),
    tags,
    tagById: new Map(tags.map((t) => [t.id, t])),
    tagsWithArticles: withArticles(tags, index.byTag).map(({ item, articles }) => ({ tag: item, articles })),
    authors,
    authorById: new Map(authors.map((a) => [a.id, a])),
    authorsWithArticles: withArticles(authors, index.byAuthor).map(({ item, articles }) => ({
      author: item,
      articles,
    })),
    corrections: correctionsLog(index.articles),
    bars,
    snapshots: new Map(collections.prices.map((e) => [e.id, e.data])),
    events,
  };
}

/**
 * What identifies a state of the content: every entry's id and digest (Astro's hash of its source; the
 * YAML registries have none, so their few entries are keyed by their data), and the build date. Kept
 * as one plain string, compared as it is: a string join, not a hash of the whole archive.
 */
function stateKey(collections: Collections, today: string): string {
  const lines = [today];
  for (const list of [
    collections.articles,
    collections.tickers,
    collections.tags,
    collections.authors,
    collections.prices,
  ]) {
    for (const entry of list) lines.push(`${entry.id}\0${entry.digest ?? JSON.stringify(entry.data)}`);
  }
  return lines.join("\n");
}

let built: Promise<SiteData> | undefined;
let devCache: { key: string; data: SiteData } | undefined;

/**
 * How long the dev server reuses its last read of the collections. A page makes 30 to 60
 * getSiteData() calls within a few tens of milliseconds, and reading the collections is O(articles)
 * a call (0.3-0.5 s a page at 4000 articles when every call read them); an edit is still seen by the
 * next reload. (Astro's `astro:content-changed` event was tried instead: under load it can come
 * before the store shows the change, and a read made then was kept as current.)
 */
const DEV_READ_REUSE_MS = 250;
let devRead: { startedAt: number; data: Promise<SiteData> } | undefined;

/**
 * The site data. A build computes it once. The dev server, where content changes while it runs,
 * reads the collections again at most every DEV_READ_REUSE_MS and computes the data again only when
 * their state changed, so a page with many components pays for one read and at most one computation,
 * and an edit shows on the next request.
 */
export function getSiteData(): Promise<SiteData> {
  if (!isDevServer)
    return (built ??= readCollections().then((c) =>
      timed("site data: compute", () => compute(c, siteToday())),
    ));
  const now = performance.now();
  if (devRead && now - devRead.startedAt < DEV_READ_REUSE_MS) return devRead.data;
  const data = readCollections().then((collections) => {
    const today = siteToday();
    const key = stateKey(collections, today);
    if (devCache?.key !== key)
      devCache = { key, data: timed("site data: compute", () => compute(collections, today)) };
    return devCache.data;
  });
  devRead = { startedAt: now, data };
  return data;
}
