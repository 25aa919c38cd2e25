import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { DIST, distFiles, readDist, urlPathOf } from "../support/dist";
import { head, meta, tags, textOf } from "../support/html";
import { site } from "../../src/lib/site/index.ts";

const pages = distFiles(".html");
const html = new Map(pages.map((file) => [file, readDist(file)]));
const page = (file: string) => html.get(file)!;
/** Every page a reader or a crawler reaches by its URL: all but the 404 page. */
const reachable = pages.filter((file) => file !== "404.html");

/** The page types of the issue, with their files. */
const types = {
  home: pages.filter((f) => f === "index.html"),
  article: pages.filter((f) => /^articles\/[^/]+\/index\.html$/.test(f)),
  tagIndex: pages.filter((f) => f === "tags/index.html"),
  tag: pages.filter((f) => /^tags\/[^/]+\/(\d+\/)?index\.html$/.test(f)),
  tickerIndex: pages.filter((f) => f === "tickers/index.html"),
  ticker: pages.filter((f) => /^tickers\/[^/]+\/index\.html$/.test(f)),
  search: pages.filter((f) => f === "search/index.html"),
};

/** The dist/ file a site URL is served from: `/og/x.png` -> dist/og/x.png, `/tags/` -> its index.html. */
function distPathOf(url: string): string {
  const path = new URL(url, `${site.url}/`).pathname;
  return join(DIST, path.endsWith("/") ? `${path}index.html` : path);
}

/** The RSS feeds a page links for autodiscovery (each with its Atom and JSON Feed twins, checked below). */
function feedLinks(file: string): string[] {
  const alternates = tags(head(page(file)), "link").filter((l) => l.rel === "alternate");
  const of = (type: string) => alternates.filter((l) => l.type === type).map((l) => l.href!);
  const rss = of("application/rss+xml");
  expect(of("application/atom+xml"), file).toEqual(rss.map((href) => href.replace(/rss\.xml$/, "atom.xml")));
  expect(of("application/feed+json"), file).toEqual(
    rss.map((href) => href.replace(/rss\.xml$/, "feed.json")),
  );
  return rss;
}

/** Hrefs of links in the page's body (not its head). */
function bodyLinks(file: string): string[] {
  const body = page(file).slice(page(file).indexOf("<body"));
  return tags(body, "a").map((a) => a.href ?? "");
}

function jsonLd(file: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page(file));
  expect(match, `${file} has no JSON-LD`).not.toBeNull();
  return JSON.parse(match![1]!) as Record<string, unknown>;
}

describe("page types", () => {
  it("are all built: one page per article, tag pages and ticker pages", () => {
    for (const [type, files] of Object.entries(types)) expect(files.length, type).toBeGreaterThan(0);
    const sources = readdirSync("content/articles").filter((f) => f.endsWith(".mdx") && !f.startsWith("_"));
    expect(types.article.length).toBe(sources.length);
    expect(types.ticker.length).toBe(readdirSync("content/prices").filter((f) => f.endsWith(".json")).length);
  });
});

describe("metadata on every page", () => {
  it("gives every page its own title and its own description", () => {
    const titles = pages.map((f) => textOf(page(f), "<title>", "title"));
    const descriptions = pages.map((f) => meta(page(f), "description"));
    expect(new Set(titles).size).toBe(pages.length);
    expect(new Set(descriptions).size).toBe(pages.length);
  });

  it.each(reachable)("%s has its canonical URL, Open Graph and Twitter tags, and the site feed", (file) => {
    const doc = page(file);
    const canonical = tags(head(doc), "link").find((l) => l.rel === "canonical")?.href;
    expect(canonical).toBe(new URL(urlPathOf(file), `${site.url}/`).href);
    expect(meta(doc, "og:url")).toBe(canonical);
    expect(meta(doc, "og:title")).toBeTruthy();
    expect(meta(doc, "og:description")).toBe(meta(doc, "description"));
    expect(meta(doc, "og:site_name")).toBe(site.name);
    expect(meta(doc, "twitter:card")).toBe("summary_large_image");
    const image = meta(doc, "og:image")!;
    expect(image.startsWith(`${site.url}/`), image).toBe(true);
    expect(existsSync(distPathOf(image)), `${image} is not in dist/`).toBe(true);
    expect(meta(doc, "twitter:image")).toBe(image);
    expect(meta(doc, "og:image:alt")).toBeTruthy();
    expect(feedLinks(file)).toContain("/rss.xml");
    expect(bodyLinks(file)).toContain("/rss.xml");
  });

  it("keeps the 404 page out of search engines, with no canonical URL", () => {
    expect(meta(page("404.html"), "robots")).toBe("noindex");
    expect(tags(head(page("404.html")), "link").some((l) => l.rel === "canonical")).toBe(false);
  });

  it.each(types.tag)("%s links its tag's feed in the head and on the page", (file) => {
    const tag = file.split("/")[1]!;
    expect(feedLinks(file)).toEqual(["/rss.xml", `/tags/${tag}/rss.xml`]);
    expect(bodyLinks(file)).toContain(`/tags/${tag}/rss.xml`);
  });

  // Which tickers have a feed (those with articles) is checked against content/ in feeds.test.ts.
  it.each(types.ticker)(
    "%s links its ticker's feed, when it has one, in the head and on the page",
    (file) => {
      const id = file.split("/")[1]!;
      const feed = `/tickers/${id}/rss.xml`;
      const hasFeed = existsSync(distPathOf(feed));
      expect(feedLinks(file)).toEqual(hasFeed ? ["/rss.xml", feed] : ["/rss.xml"]);
      expect(bodyLinks(file).includes(feed)).toBe(hasFeed);
      expect(bodyLinks(file).some((href) => href.startsWith("/articles/"))).toBe(hasFeed);
    },
  );
});

describe("article pages", () => {
  it.each(types.article)("%s has NewsArticle JSON-LD that agrees with the page", (file) => {
    const doc = page(file);
    const ld = jsonLd(file);
    const url = new URL(urlPathOf(file), `${site.url}/`).href;
    expect(ld["@context"]).toBe("https://schema.org");
    // The type by the article's format: an analysis is an AnalysisNewsArticle, an explainer a
    // BackgroundNewsArticle; news, market wraps and data pieces are NewsArticles.
    const format = /data-format="([^"]+)"/.exec(doc)?.[1];
    const types: Record<string, string> = {
      news: "NewsArticle",
      analysis: "AnalysisNewsArticle",
      explainer: "BackgroundNewsArticle",
      "market-wrap": "NewsArticle",
      data: "NewsArticle",
    };
    expect(format && types[format], `data-format="${String(format)}"`).toBeDefined();
    expect(ld["@type"]).toBe(types[format!]);
    expect(ld.headline).toBe(textOf(doc, "<h1[^>]*>", "h1"));
    expect(ld.url).toBe(url);
    expect(ld.mainEntityOfPage).toBe(url);
    const published = tags(doc, "time")[0]?.datetime;
    expect(ld.datePublished).toBe(`${published}T00:00:00.000Z`);
    expect(Date.parse(ld.dateModified as string)).toBeGreaterThanOrEqual(
      Date.parse(ld.datePublished as string),
    );
    // Every author is on the page's byline, linked to their page.
    const authors = ld.author as { "@type": string; name: string; url: string }[];
    const byline = /<span data-byline[^>]*>([\s\S]*?)<\/span>/.exec(doc)![1]!;
    expect(tags(byline, "a").map((a) => `${site.url}${a.href}`)).toEqual(authors.map((a) => a.url));
    for (const author of authors) {
      expect(author["@type"]).toBe("Organization");
      expect(byline).toContain(author.name);
      expect(existsSync(distPathOf(author.url))).toBe(true);
    }
    expect((ld.publisher as { name: string }).name).toBe(site.name);
    const images = ld.image as string[];
    expect(existsSync(distPathOf(images[0]!))).toBe(true);
    expect(meta(doc, "og:image")).toBe(images[0]);
    expect(meta(doc, "og:type")).toBe("article");
    // `about` names the tickers linked from the article's header, in order.
    const header = /<article[^>]*>\s*<header[\s\S]*?<\/header>/.exec(doc)![0];
    const tickerLinks = tags(header, "a")
      .map((a) => a.href!)
      .filter((href) => href.startsWith("/tickers/"));
    expect((ld.about as { url: string }[]).map((a) => new URL(a.url).pathname)).toEqual(tickerLinks);
  });

  it("each carry one Open Graph image of their own", () => {
    const images = types.article.map((f) => meta(page(f), "og:image"));
    expect(new Set(images).size).toBe(types.article.length);
  });

  it("are the only pages indexed for search, with tags and tickers as filters", () => {
    for (const file of pages) {
      const bodies = page(file).match(/data-pagefind-body/g)?.length ?? 0;
      expect(bodies, file).toBe(types.article.includes(file) ? 1 : 0);
    }
    for (const file of types.article) {
      expect(page(file)).toMatch(/data-pagefind-filter="tag"/);
    }
    expect(
      existsSync(join(DIST, "pagefind", "0", "pagefind.js")),
      "run `npm run build`, which runs Pagefind",
    ).toBe(true);
  });

  it("are indexed in shards, each a bundle the search page can merge, together holding every article", () => {
    const bundles = JSON.parse(readFileSync(join(DIST, "pagefind", "shards.json"), "utf8")) as string[];
    expect(bundles[0]).toBe("/pagefind/0/");
    expect(readdirSync(join(DIST, "pagefind")).sort()).toEqual(
      [...bundles.map((path) => path.split("/")[2]!), "shards.json"].sort(),
    );
    let pages = 0;
    for (const path of bundles) {
      const entry = JSON.parse(readFileSync(join(DIST, path, "pagefind-entry.json"), "utf8")) as {
        languages: Record<string, { page_count: number }>;
      };
      pages += Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    }
    expect(pages).toBe(types.article.length);
  });
});

describe("sitemap and robots.txt", () => {
  const parser = new XMLParser({ isArray: (name) => name === "url" || name === "sitemap" });
  const locs = (file: string, list: "urlset" | "sitemapindex", item: "url" | "sitemap") =>
    (parser.parse(readDist(file))[list][item] as { loc: string }[]).map((entry) => entry.loc);

  it("lists every page but the 404 page, once", () => {
    const sitemaps = locs("sitemap-index.xml", "sitemapindex", "sitemap");
    const urls = sitemaps.flatMap((url) => locs(new URL(url).pathname.slice(1), "urlset", "url"));
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.sort()).toEqual(reachable.map((f) => new URL(urlPathOf(f), `${site.url}/`).href).sort());
  });

  it("robots.txt points crawlers at the sitemap", () => {
    const robots = readDist("robots.txt");
    expect(robots).toMatch(/^User-agent: \*$/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(sitemap).toBe(`${site.url}/sitemap-index.xml`);
    expect(existsSync(distPathOf(sitemap!))).toBe(true);
  });
});
