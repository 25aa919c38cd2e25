/**
 * Editorial rules over the real articles: figures come from the data (no typed percentages), each
 * article is a real news piece in length, lists the tickers it discusses, is signed by authors from
 * content/authors.yaml, and links only to pages that exist.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { countWords, parseFrontmatter } from "../../src/lib/content/index.ts";
import { readAuthors, readTags, readTickers } from "../../src/lib/content/read.ts";

const DIR = "content/articles";
const articles = readdirSync(DIR)
  .filter((name) => name.endsWith(".mdx") && !name.startsWith("_"))
  .map((name) => {
    const source = readFileSync(`${DIR}/${name}`, "utf8");
    const { data, body } = parseFrontmatter(source, name);
    return {
      name,
      slug: name.replace(/\.mdx$/, ""),
      body,
      data: data as { tickers?: string[]; authors?: unknown; draft?: boolean },
    };
  });
const slugs = new Set(articles.map((a) => a.slug));
const tickerIds = new Set(readTickers("content/tickers.yaml").map((t) => t.id));
const tagIds = new Set(readTags("content/tags.yaml").map((t) => t.id));
const authorIds = new Set(readAuthors("content/authors.yaml").map((a) => a.id));

/** The body with component tags removed: what a reader reads as typed prose. */
const prose = (body: string) => body.replace(/<[A-Z][A-Za-z]*\b[^>]*\/>/g, "");
/** Percentages typed in the prose (a figure a <Move> should compute), or null when there are none. */
const typedPercentages = (body: string) => prose(body).match(/\d[\d.,]*\s*(?:%|per\s*cent\b|percent\b)/gi);
/** Ticker ids the body's price components use: `ticker="x"`, and each id of a `tickers={[...]}` list. */
const componentTickers = (body: string) => [
  ...[...body.matchAll(/<[A-Z][A-Za-z]*\b[^>]*?\bticker="([^"]+)"/g)].map((m) => m[1]!),
  ...[...body.matchAll(/\btickers=\{\[([^\]]*)\]\}/g)].flatMap((m) =>
    [...m[1]!.matchAll(/"([^"]+)"/g)].map((id) => id[1]!),
  ),
];

describe.each(articles)("$name", ({ body, data }) => {
  it("types no percentage: moves come from <Move>, so text and data cannot disagree", () => {
    expect(typedPercentages(body), "write the move with <Move ticker=... date=... /> instead").toBeNull();
  });

  it("is 400 to 900 words long", () => {
    const words = countWords(body);
    expect(words).toBeGreaterThanOrEqual(400);
    expect(words).toBeLessThanOrEqual(900);
  });

  it("lists in its frontmatter every ticker its figures and charts use", () => {
    for (const ticker of componentTickers(body)) expect(data.tickers ?? []).toContain(ticker);
  });

  it("is signed by one or more authors, each an id in content/authors.yaml", () => {
    expect(Array.isArray(data.authors), "authors: [markets-desk]").toBe(true);
    const authors = data.authors as unknown[];
    expect(authors.length).toBeGreaterThanOrEqual(1);
    for (const author of authors) expect(authorIds.has(author as string), String(author)).toBe(true);
  });

  it("carries a price chart when it reports price moves", () => {
    if (/<Move\b/.test(body)) expect(body).toMatch(/<(PriceChart|CompareChart)\b/);
  });

  it("links only to articles, tickers and tags that exist", () => {
    for (const [, kind, id] of body.matchAll(/\]\(\/(articles|tickers|tags)\/([^/)]+)\/\)/g)) {
      const known = kind === "articles" ? slugs : kind === "tickers" ? tickerIds : tagIds;
      expect(known.has(id!), `/${kind}/${id}/`).toBe(true);
    }
  });
});

describe("the launch coverage", () => {
  it("has at least ten published articles that link to one another", () => {
    const published = articles.filter((a) => !a.data.draft);
    expect(published.length).toBeGreaterThanOrEqual(10);
    for (const article of published)
      expect(article.body, article.name).toMatch(/\]\(\/articles\/[a-z0-9-]+\/\)/);
  });
});

describe("the percentage rule itself", () => {
  it("catches typed percentages in prose and ignores component tags", () => {
    expect(typedPercentages("Shares fell 16.97% on Monday.")).not.toBeNull();
    expect(typedPercentages("Shares fell 17 per cent.")).not.toBeNull();
    expect(typedPercentages('Shares <Move ticker="nvda" date="2025-01-27" /> on Monday.')).toBeNull();
    expect(typedPercentages("under $6 million")).toBeNull();
  });
});
