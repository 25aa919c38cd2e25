/**
 * The one site configuration: name, URL, authors, repository. Pages, feeds and metadata read the
 * resolved object exported here; nothing else spells these values.
 */

export interface Author {
  /** Stable id used in article frontmatter (`author: newsdesk`). */
  id: string;
  /** Name shown in bylines, feeds and JSON-LD. */
  name: string;
}

export interface SiteConfig {
  /** Site name, used in titles, the header and feeds. */
  name: string;
  /** One-sentence description: the home page's meta description and the site feed's. */
  description: string;
  /** Canonical origin with no trailing slash; every absolute URL is built from it. */
  url: string;
  /** BCP 47 language tag of the content, for `<html lang>` and feeds. */
  lang: string;
  /** Locale used by `Intl` to format dates ("27 January 2025"). */
  locale: string;
  /** Locale for prices: en-US writes USD as "$118.42" and HKD as "HK$327.80" (en-GB would say "US$"). */
  numberLocale: string;
  /** Everyone who may sign an article; frontmatter `author` must be one of these ids. */
  authors: readonly Author[];
  /** Id of the author used when an editor does not name one. */
  defaultAuthor: string;
  /** Web URL of the repository's content folder for "Edit this article" links; empty hides them. */
  editBaseUrl: string;
}

/** Identity helper: gives the literal below its type with no runtime cost. */
function defineSite<const T extends SiteConfig>(config: T): T {
  return config;
}

export const site = defineSite({
  name: "Market Desk",
  description:
    "Market news on the companies at the centre of the 2025 DeepSeek shock: DeepSeek, Baidu, BYD, Nvidia and Tesla, with price charts built from the data.",
  url: "https://marketdesk.example",
  lang: "en",
  locale: "en-GB",
  numberLocale: "en-US",
  authors: [
    { id: "newsdesk", name: "Market Desk staff" },
    { id: "markets-team", name: "Market Desk markets team" },
  ],
  defaultAuthor: "newsdesk",
  editBaseUrl: "",
});

/** Ids of every author, for schema validation and error messages. */
export const authorIds = site.authors.map((a) => a.id);

/** Display name of the author with this id (bylines, feeds, JSON-LD); the article schema admits only these ids. */
export function authorName(id: string): string {
  const author = site.authors.find((a) => a.id === id);
  if (!author)
    throw new Error(`unknown author ${JSON.stringify(id)}; authors are defined in src/lib/site/config.ts`);
  return author.name;
}

/** Absolute URL for a site path such as `/articles/x/`. */
export function absoluteUrl(path: string): string {
  return new URL(path, site.url + "/").href;
}

/** Page title: the page's own name, then the site's; the home page is the site name alone. */
export function pageTitle(title?: string): string {
  return title ? `${title} | ${site.name}` : site.name;
}
