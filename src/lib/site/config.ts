/**
 * The one site configuration: name, URL, locale, repository. Pages, feeds and metadata read the
 * resolved object exported here; nothing else spells these values. Who signs articles is content:
 * content/authors.yaml.
 */

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
  /** Id (content/authors.yaml) of the author `npm run new` signs an article with when none is given. */
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
  defaultAuthor: "news-desk",
  editBaseUrl: "",
});

/** Absolute URL for a site path such as `/articles/x/`. */
export function absoluteUrl(path: string): string {
  return new URL(path, site.url + "/").href;
}

/** Page title: the page's own name, then the site's; the home page is the site name alone. */
export function pageTitle(title?: string): string {
  return title ? `${title} | ${site.name}` : site.name;
}
