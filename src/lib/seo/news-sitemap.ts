/**
 * The Google News sitemap (namespace sitemap-news/0.9): the articles published in the last two days,
 * newest first, at most 1,000, each with the publication's name and language, its publication date and
 * its headline. Older articles are in the ordinary sitemap. With none that recent, the sitemap is an
 * empty `urlset`, which is valid.
 */
import XMLBuilder from "fast-xml-builder";
import { absoluteUrl, site } from "../site/config.ts";
import { addDays } from "../site/dates.ts";
import { articlePath } from "../site/paths.ts";

/** How many days of articles the news sitemap lists: the build date and the day before. */
export const NEWS_SITEMAP_DAYS = 2;

/** The most URLs one news sitemap may hold. */
export const NEWS_SITEMAP_LIMIT = 1000;

export interface NewsSitemapArticle {
  id: string;
  data: { title: string; date: string };
}

/**
 * The articles a news sitemap built on `today` lists: those dated in the NEWS_SITEMAP_DAYS days ending
 * on `today` (an article is dated at midnight UTC, so one dated two days before the build is past
 * 48 hours old), newest first as given, at most NEWS_SITEMAP_LIMIT.
 */
export function newsSitemapArticles<A extends NewsSitemapArticle>(
  articles: readonly A[],
  today: string,
): A[] {
  const after = addDays(today, -NEWS_SITEMAP_DAYS);
  return articles.filter((a) => a.data.date > after && a.data.date <= today).slice(0, NEWS_SITEMAP_LIMIT);
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_" });

/**
 * The sitemap's XML. The publication date is the article's calendar date (W3C "complete date"):
 * articles carry no time of day, and the date alone claims none.
 */
export function newsSitemap(articles: readonly NewsSitemapArticle[], today: string): string {
  return builder.build({
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    urlset: {
      "@_xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9",
      "@_xmlns:news": "http://www.google.com/schemas/sitemap-news/0.9",
      url: newsSitemapArticles(articles, today).map((article) => ({
        loc: absoluteUrl(articlePath(article.id)),
        "news:news": {
          "news:publication": { "news:name": site.name, "news:language": site.lang },
          "news:publication_date": article.data.date,
          "news:title": article.data.title,
        },
      })),
    },
  }) as string;
}
