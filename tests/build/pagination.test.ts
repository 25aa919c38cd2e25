/**
 * Tag pagination and the sitemap over a generated corpus: a copy of the site with 18 more articles
 * tagged `policy` (23 in all with the five real ones, so three pages of 10), plus a draft and a scheduled
 * article with the same tag that must appear nowhere, and a ticker no article is about.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCopy, makeSiteCopy, type Overrides } from "../support/site-copy";
import { tags, textOf } from "../support/html";
import { site } from "../../src/lib/site/index.ts";

const GENERATED = 18;
const BUILD_DATE = "2025-07-01";

function article(slug: string, date: string, extra = ""): [string, string] {
  return [
    `content/articles/${slug}.mdx`,
    `---
title: "Policy brief ${slug}"
description: "A generated article for the pagination test, dated ${date}, about AI policy and chips."
date: ${date}
authors: [news-desk]
tags: [policy]
${extra}---

A paragraph of generated text about export rules and the chips they cover, for ${slug}.
`,
  ];
}

/**
 * Generated articles, one a day from 6 June 2025 to 23 June, so their order is known: all newer than
 * the real policy articles (the latest, 5 June) and older than the build date.
 */
const generated = Array.from({ length: GENERATED }, (_, i) => {
  const day = new Date(Date.UTC(2025, 5, 6 + i)).toISOString().slice(0, 10);
  return { slug: `generated-policy-${String(i + 1).padStart(2, "0")}`, date: day };
});

/** A ticker with price data and no article: its page has no feed to link. */
const quiet = {
  tickers: `${readFileSync("content/tickers.yaml", "utf8")}
- id: quiet
  symbol: QUIET
  name: Quiet Corp
  exchange: NYSE
  currency: USD
  kind: stock
  timezone: America/New_York
`,
  snapshot: JSON.stringify({
    ticker: "quiet",
    currency: "USD",
    basis: "as-traded",
    volume: "not-reported",
    sources: [
      {
        from: "2025-06-26",
        to: "2025-06-30",
        provider: "file",
        symbol: "QUIET",
        name: "test fixture",
        reference: "tests/site/pagination.test.ts",
        retrieved: "2025-06-30",
        basis: "as-traded",
      },
    ],
    bars: ["2025-06-26", "2025-06-27", "2025-06-30"].map((date, i) => ({
      date,
      open: 10 + i,
      high: 11 + i,
      low: 9 + i,
      close: 10.5 + i,
    })),
  }),
};

const overrides: Overrides = Object.fromEntries([
  ...generated.map(({ slug, date }) => article(slug, date)),
  article("generated-policy-draft", "2025-05-01", "draft: true\n"),
  article("generated-policy-scheduled", "2025-08-01"),
  ["content/tickers.yaml", quiet.tickers],
  ["content/prices/quiet.json", quiet.snapshot],
]);

let dir = "";
let cleanup = () => {};
const read = (path: string) => readFileSync(join(dir, "dist", path), "utf8");

beforeAll(() => {
  ({ dir, cleanup } = makeSiteCopy(overrides));
  const result = buildCopy(dir, { BUILD_DATE });
  if (result.status !== 0) throw new Error(`fixture build failed:\n${result.output}`);
}, 300_000);
afterAll(() => cleanup());

/** The article links of a list page, in order. */
function listed(path: string): string[] {
  const main = /<main[\s\S]*<\/main>/.exec(read(path))![0];
  return tags(main, "a")
    .map((a) => a.href!)
    .filter((href) => href.startsWith("/articles/"));
}

/** The pagination links of a page by their text: { Next: "/tags/policy/2/", ... }. */
function pager(path: string): Record<string, string> {
  const nav = /<nav aria-label="Policy pages"[\s\S]*?<\/nav>/.exec(read(path))?.[0] ?? "";
  return Object.fromEntries(
    [...nav.matchAll(/<a href="([^"]+)"[^>]*>\s*(\w+)\s*<\/a>/g)].map((m) => [m[2], m[1]]),
  );
}

describe("a tag with 23 articles", () => {
  it("has three pages of 10, 10 and 3, and no fourth", () => {
    expect(listed("tags/policy/index.html")).toHaveLength(10);
    expect(listed("tags/policy/2/index.html")).toHaveLength(10);
    expect(listed("tags/policy/3/index.html")).toHaveLength(3);
    expect(existsSync(join(dir, "dist/tags/policy/4/index.html"))).toBe(false);
  });

  it("lists every article once, newest first across the pages", () => {
    const all = ["", "2/", "3/"].flatMap((p) => listed(`tags/policy/${p}index.html`));
    expect(new Set(all).size).toBe(23);
    const newestGenerated = generated.map((g) => `/articles/${g.slug}/`).reverse();
    expect(all.slice(0, GENERATED)).toEqual(newestGenerated);
    // The five real policy articles are older than the generated ones, so they come last, newest first.
    expect(all.slice(GENERATED)).toEqual([
      "/articles/tesla-falls-as-musk-and-trump-fall-out/", // 5 June 2025
      "/articles/nvidia-falls-on-h20-export-charge/", // 16 April
      "/articles/nasdaq-soars-after-90-day-tariff-pause/", // 9 April
      "/articles/nasdaq-tumbles-after-sweeping-us-tariffs/", // 3 April
      "/articles/us-china-ai-race-good-for-business/", // 18 February
    ]);
  });

  it("links first, previous, next and last correctly on each page", () => {
    expect(pager("tags/policy/index.html")).toEqual({ Next: "/tags/policy/2/", Last: "/tags/policy/3/" });
    expect(pager("tags/policy/2/index.html")).toEqual({
      First: "/tags/policy/",
      Previous: "/tags/policy/",
      Next: "/tags/policy/3/",
      Last: "/tags/policy/3/",
    });
    expect(pager("tags/policy/3/index.html")).toEqual({
      First: "/tags/policy/",
      Previous: "/tags/policy/2/",
    });
  });

  it("gives each page its own title and canonical URL", () => {
    expect(textOf(read("tags/policy/2/index.html"), "<title>", "title")).toBe(
      `Policy, page 2 of 3 | ${site.name}`,
    );
    const canonical = tags(read("tags/policy/3/index.html"), "link").find((l) => l.rel === "canonical")?.href;
    expect(canonical).toBe(`${site.url}/tags/policy/3/`);
  });

  it("is counted as 23 on the topic index, drafts and scheduled articles left out", () => {
    expect(read("tags/index.html")).toMatch(
      /href="\/tags\/policy\/"[^>]*>Policy<\/a>\s*<span[^>]*>23 articles<\/span>/,
    );
  });
});

describe("drafts and scheduled articles", () => {
  const hidden = ["generated-policy-draft", "generated-policy-scheduled"];

  it("get no page and no Open Graph image", () => {
    for (const slug of hidden) {
      expect(existsSync(join(dir, `dist/articles/${slug}/index.html`))).toBe(false);
      expect(existsSync(join(dir, `dist/og/articles/${slug}.png`))).toBe(false);
    }
  });

  it("are absent from the sitemap, which lists the tag's pages and the generated articles", () => {
    const sitemap = read("sitemap-0.xml");
    for (const slug of hidden) expect(sitemap).not.toContain(slug);
    for (const path of [
      "tags/policy/",
      "tags/policy/2/",
      "tags/policy/3/",
      `articles/${generated[0]!.slug}/`,
    ]) {
      expect(sitemap).toContain(`<loc>${site.url}/${path}</loc>`);
    }
  });
});

describe("a ticker without articles", () => {
  it("has its page, saying so, and links no feed of its own", () => {
    const page = read("tickers/quiet/index.html");
    expect(page).toContain("We have not written about Quiet Corp yet.");
    expect(page).not.toContain("/tickers/quiet/rss.xml");
    expect(page).toContain('href="/rss.xml"');
  });
});
