/**
 * What kind of article a story is (frontmatter `format`): its label on the page and in lists, what the
 * label tells a reader, and the schema.org type that describes it. One table, read by the schema, the
 * pages, the structured data and the feeds.
 */

export interface ArticleFormat {
  /** The label shown above the headline and in lists: "Analysis". */
  label: string;
  /** What a reader must know about the format, shown under the byline on the article page. */
  note?: string;
  /** The schema.org type of the article's structured data. */
  schemaType: "NewsArticle" | "AnalysisNewsArticle" | "BackgroundNewsArticle";
}

export const ARTICLE_FORMATS = {
  news: {
    label: "News",
    schemaType: "NewsArticle",
  },
  analysis: {
    label: "Analysis",
    note: "Analysis interprets the news. Where it goes beyond reported fact, the view is the desk's own: opinion, not investment advice.",
    schemaType: "AnalysisNewsArticle",
  },
  explainer: {
    label: "Explainer",
    schemaType: "BackgroundNewsArticle",
  },
  "market-wrap": {
    label: "Market wrap",
    schemaType: "NewsArticle",
  },
  data: {
    label: "Data",
    schemaType: "NewsArticle",
  },
} as const satisfies Record<string, ArticleFormat>;

export type ArticleFormatId = keyof typeof ARTICLE_FORMATS;

/** The format of an article whose frontmatter names none. */
export const DEFAULT_FORMAT: ArticleFormatId = "news";

export function articleFormat(id: ArticleFormatId): ArticleFormat {
  return ARTICLE_FORMATS[id];
}
