/**
 * What is published, in what order, and how articles relate: computed once per build by
 * `buildArticleIndex` and read by every page and feed, so no two pages can disagree.
 */

/** The fields of an article these rules need; collection entries satisfy it. */
export interface ArticleLike {
  id: string;
  data: {
    title: string;
    date: string;
    draft: boolean;
    tags: readonly string[];
    tickers: readonly string[];
  };
}

export type PublicationState = "published" | "draft" | "scheduled";

/** A draft is never published; an article dated after `today` is scheduled until that day. */
export function publicationState(
  article: { data: Pick<ArticleLike["data"], "draft" | "date"> },
  today: string,
): PublicationState {
  if (article.data.draft) return "draft";
  return article.data.date > today ? "scheduled" : "published";
}

/**
 * The one rule for what a build shows. Production builds show published articles only; the dev server
 * also shows drafts and scheduled articles (with a banner) so editors can preview them.
 */
export function isVisible(
  article: ArticleLike,
  options: { today: string; showUnpublished: boolean },
): boolean {
  return options.showUnpublished || publicationState(article, options.today) === "published";
}

/**
 * The day an article's figures and charts are as of: its date, or the date of its latest update when
 * it has one (`updated`, or the latest of `updates`). Nothing in the article may use a later price.
 */
export function asOfDate(data: {
  date: string;
  updated?: string | undefined;
  updates?: readonly { date: string }[] | undefined;
}): string {
  const dates = [data.date, data.updated ?? data.date, ...(data.updates ?? []).map((update) => update.date)];
  return dates.reduce((latest, date) => (date > latest ? date : latest));
}

/** Newest first; same-day articles by title, so the order never depends on file-system order. */
export function newestFirst(a: ArticleLike, b: ArticleLike): number {
  return (
    b.data.date.localeCompare(a.data.date) ||
    a.data.title.localeCompare(b.data.title) ||
    a.id.localeCompare(b.id)
  );
}

function groupBy<A extends ArticleLike>(
  articles: readonly A[],
  keys: (a: A) => readonly string[],
): Map<string, A[]> {
  const groups = new Map<string, A[]>();
  for (const article of articles) {
    for (const key of keys(article)) groups.set(key, [...(groups.get(key) ?? []), article]);
  }
  return groups;
}

/**
 * Up to `limit` other articles sharing tickers or tags, best first: a shared ticker counts more than a
 * shared tag (it is the same company or market), then the nearer date, then the newer.
 */
export function relatedArticles<A extends ArticleLike>(article: A, all: readonly A[], limit = 4): A[] {
  const days = (a: ArticleLike) => Date.parse(a.data.date) / 86_400_000;
  const scored = all
    .filter((other) => other.id !== article.id)
    .map((other) => ({
      other,
      score:
        2 * other.data.tickers.filter((t) => article.data.tickers.includes(t)).length +
        other.data.tags.filter((t) => article.data.tags.includes(t)).length,
      distance: Math.abs(days(other) - days(article)),
    }))
    .filter(({ score }) => score > 0);
  scored.sort((a, b) => b.score - a.score || a.distance - b.distance || newestFirst(a.other, b.other));
  return scored.slice(0, limit).map(({ other }) => other);
}

export interface ArticleIndex<A extends ArticleLike> {
  /** Visible articles, newest first. */
  articles: A[];
  byId: Map<string, A>;
  /** Tag id -> its articles, newest first. */
  byTag: Map<string, A[]>;
  /** Ticker id -> its articles, newest first. */
  byTicker: Map<string, A[]>;
  related: Map<string, A[]>;
  /** The article published just before (older) and just after (newer) each one. */
  adjacent: Map<string, { older?: A; newer?: A }>;
}

/** Everything the pages need about articles, computed once. */
export function buildArticleIndex<A extends ArticleLike>(
  all: readonly A[],
  options: { today: string; showUnpublished: boolean },
): ArticleIndex<A> {
  const articles = all.filter((a) => isVisible(a, options)).sort(newestFirst);
  return {
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    byTag: groupBy(articles, (a) => a.data.tags),
    byTicker: groupBy(articles, (a) => a.data.tickers),
    related: new Map(articles.map((a) => [a.id, relatedArticles(a, articles)])),
    adjacent: new Map(articles.map((a, i) => [a.id, { newer: articles[i - 1], older: articles[i + 1] }])),
  };
}

/** Words of prose in an MDX body: component tags, markup and link targets are not words. */
export function countWords(body: string): number {
  const text = body
    .replace(/^---[\s\S]*?---/, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\]\([^)]*\)/g, " ")
    .replace(/[#*_>`[\]]/g, " ");
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Minutes to read an MDX body at 230 words a minute, at least 1. */
export function readingMinutes(body: string): number {
  return Math.max(1, Math.round(countWords(body) / 230));
}

/** A number of articles in words, as lists and descriptions give it: "1 article", "23 articles". */
export function articleCount(count: number): string {
  return `${count} article${count === 1 ? "" : "s"}`;
}
