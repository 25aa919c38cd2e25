/**
 * The routes the build makes (src/lib/site/routes.ts) and the internal-link check built on them
 * (src/lib/content/links.ts).
 */
import { globSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROUTES, sitePaths } from "../../src/lib/site/index.ts";
import { checkLinks, type LinkingArticle } from "../../src/lib/content/index.ts";

describe("ROUTES", () => {
  it("has an entry for every route file in src/pages, and none for a file that is gone", () => {
    const files = globSync("**/*.{astro,ts}", { cwd: "src/pages" })
      .map((f) => f.replaceAll("\\", "/"))
      .filter((f) => !f.split("/").some((part) => part.startsWith("_")))
      .sort();
    expect(
      Object.keys(ROUTES)
        .filter((key) => key !== "(generated)")
        .sort(),
    ).toEqual(files);
  });

  it("lists every page of a small site, pagination included", () => {
    const articles = Array.from({ length: 11 }, (_, i) => ({
      id: `a${i}`,
      tags: i === 0 ? ["nvidia", "markets"] : ["nvidia"],
      tickers: i < 2 ? ["nvda"] : [],
      authors: ["news-desk"],
    }));
    const paths = sitePaths({ articles, tickers: ["nvda", "tsla"] });
    expect([...paths].filter((p) => !/^\/(articles|og\/articles)\//.test(p)).sort()).toEqual([
      "/",
      "/404.html",
      "/about/",
      "/atom.xml",
      "/authors/",
      "/authors/news-desk/",
      "/authors/news-desk/2/",
      "/authors/news-desk/atom.xml",
      "/authors/news-desk/feed.json",
      "/authors/news-desk/rss.xml",
      "/corrections-policy/",
      "/corrections/",
      "/disclaimer/",
      "/feed.json",
      "/methodology/",
      "/news-sitemap.xml",
      "/og/site.png",
      "/robots.txt",
      "/rss.xml",
      "/search/",
      "/sitemap-index.xml",
      "/tags/",
      "/tags/markets/",
      "/tags/markets/atom.xml",
      "/tags/markets/feed.json",
      "/tags/markets/rss.xml",
      "/tags/nvidia/",
      "/tags/nvidia/2/",
      "/tags/nvidia/atom.xml",
      "/tags/nvidia/feed.json",
      "/tags/nvidia/rss.xml",
      "/tickers/",
      "/tickers/nvda/",
      "/tickers/nvda/atom.xml",
      "/tickers/nvda/feed.json",
      "/tickers/nvda/rss.xml",
      // A ticker no article is about has its page (the chart), but no feed.
      "/tickers/tsla/",
    ]);
    expect(paths.has("/articles/a10/")).toBe(true);
    expect(paths.has("/og/articles/a10.png")).toBe(true);
  });
});

const article = (
  id: string,
  data: Partial<LinkingArticle["data"]>,
  links: [path: string, line?: number][] = [],
): LinkingArticle => ({
  file: `content/articles/${id}.mdx`,
  id,
  data: {
    date: "2025-01-27",
    draft: false,
    tags: ["nvidia"],
    tickers: ["nvda"],
    authors: ["news-desk"],
    ...data,
  },
  links: links.map(([path, line = 12]) => ({ path, line, what: `link "${path}"` })),
});

const TODAY = "2025-03-01";

describe("checkLinks", () => {
  it("accepts links to pages the build makes", () => {
    const articles = [
      article("a", {}, [
        ["/articles/b/"],
        ["/tags/nvidia/"],
        ["/tickers/tsla/"],
        ["/rss.xml"],
        ["/"],
        ["/search/"],
      ]),
      article("b", { date: "2025-02-01" }),
    ];
    expect(checkLinks(articles, ["nvda", "tsla"], TODAY)).toEqual([]);
  });

  it("names a missing page, with the nearest path when it looks like a typo", () => {
    const articles = [
      article("nvidia-record-loss", {}, [
        ["/articles/nvidia-recrod-loss/", 9],
        ["/tags/crypto/", 14],
        ["/tickers/nvda", 20],
      ]),
    ];
    expect(checkLinks(articles, ["nvda"], TODAY)).toEqual([
      'content/articles/nvidia-record-loss.mdx: line 9: link "/articles/nvidia-recrod-loss/": goes to no page of the site; did you mean /articles/nvidia-record-loss/?',
      'content/articles/nvidia-record-loss.mdx: line 14: link "/tags/crypto/": goes to no page of the site',
      'content/articles/nvidia-record-loss.mdx: line 20: link "/tickers/nvda": has no page; write /tickers/nvda/ (site paths end in /)',
    ]);
  });

  it("refuses a published article's link to a draft, or to one published later", () => {
    const articles = [
      article("a", {}, [["/articles/draft/"], ["/articles/later/"], ["/tags/ai-models/"]]),
      article("draft", { draft: true }),
      article("later", { date: "2025-04-01", tags: ["ai-models"] }),
    ];
    expect(checkLinks(articles, ["nvda"], TODAY)).toEqual([
      'content/articles/a.mdx: line 12: link "/articles/draft/": goes to content/articles/draft.mdx, a draft: it has no page until its draft: true is removed',
      'content/articles/a.mdx: line 12: link "/articles/later/": goes to content/articles/later.mdx, which is published on 2025-04-01, after this article',
      'content/articles/a.mdx: line 12: link "/tags/ai-models/": goes to a page the site does not have on the build date: no article published by then makes it',
    ]);
  });

  it("checks a scheduled article against the site on its own date", () => {
    const articles = [
      article("soon", { date: "2025-04-01" }, [
        ["/articles/sooner/"],
        ["/articles/later/"],
        ["/tags/ai-models/"],
      ]),
      article("sooner", { date: "2025-03-15" }),
      article("later", { date: "2025-05-01", tags: ["ai-models"] }),
    ];
    expect(checkLinks(articles, ["nvda"], TODAY)).toEqual([
      'content/articles/soon.mdx: line 12: link "/articles/later/": goes to content/articles/later.mdx, which is published on 2025-05-01, after this article',
      'content/articles/soon.mdx: line 12: link "/tags/ai-models/": goes to a page the site does not have on 2025-04-01, when this article is published: no article published by then makes it',
    ]);
  });

  it("lets a draft link to anything that exists, drafts included", () => {
    const articles = [
      article("d1", { draft: true }, [["/articles/d2/"], ["/articles/gone/"]]),
      article("d2", { draft: true }),
    ];
    expect(checkLinks(articles, ["nvda"], TODAY)).toEqual([
      'content/articles/d1.mdx: line 12: link "/articles/gone/": goes to no page of the site',
    ]);
  });

  it("does not blame a link for an article whose own file is broken", () => {
    const articles = [article("a", {}, [["/articles/broken/"], ["/og/articles/broken.png"]])];
    expect(checkLinks(articles, ["nvda"], TODAY, ["broken"])).toEqual([]);
  });
});
