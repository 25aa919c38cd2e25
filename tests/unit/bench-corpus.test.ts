/** The benchmark's synthetic corpus is deterministic and is content the site accepts. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "astro/zod";
import { generateCorpus, readCorpusInput, TARGET_WORDS } from "../../scripts/lib/bench-corpus.ts";
import {
  countWords,
  checkReferences,
  parseFrontmatter,
  articleSchema,
  type ArticleData,
} from "../../src/lib/content/index.ts";
import { readSnapshotFiles } from "../../src/lib/prices/read.ts";
import { readAuthors } from "../../src/lib/content/read.ts";
import { moveFigure, priceFigure } from "../../src/lib/prices/index.ts";

const input = readCorpusInput(".", 40);
const corpus = generateCorpus(input);
const schema = articleSchema(() => z.string());

const parsed = corpus.map((article) => {
  const { data, body } = parseFrontmatter(article.text, article.file);
  return { article, data: schema.parse(data) as ArticleData, body };
});

describe("bench corpus", () => {
  it("is the same for the same seed and different for another", () => {
    expect(generateCorpus(input)).toEqual(corpus);
    expect(generateCorpus({ ...input, seed: 7 })[0]!.text).not.toBe(corpus[0]!.text);
  });

  it("has unique slugs matching the file names", () => {
    expect(new Set(corpus.map((a) => a.slug)).size).toBe(corpus.length);
    for (const a of corpus) expect(a.file).toBe(`content/articles/${a.slug}.mdx`);
  });

  it("has valid frontmatter whose tickers, tags and authors exist", () => {
    const problems = checkReferences({
      articles: parsed.map(({ article, data }) => ({
        file: article.file,
        id: article.slug,
        tickers: data.tickers,
        tags: data.tags,
        authors: data.authors,
      })),
      tickers: input.tickers,
      tags: input.tags,
      authors: readAuthors("content/authors.yaml"),
      snapshots: readSnapshotFiles("content/prices").snapshots,
    });
    expect(problems).toEqual([]);
    for (const { data } of parsed) {
      expect(data.tags.length).toBeGreaterThanOrEqual(2);
      expect(data.tickers.length).toBeGreaterThanOrEqual(1);
    }
  });

  it("has about 800 words of prose per article", () => {
    for (const { body } of parsed) {
      expect(countWords(body)).toBeGreaterThanOrEqual(TARGET_WORDS);
      expect(countWords(body)).toBeLessThan(TARGET_WORDS * 1.4);
    }
  });

  it("puts one PriceChart in every fifth article, whose default range fits the data", () => {
    parsed.forEach(({ article, data, body }, index) => {
      const charts = [...body.matchAll(/<PriceChart ticker="([^"]+)" \/>/g)];
      expect(charts.length, article.slug).toBe(index % 5 === 0 ? 1 : 0);
      expect(article.chart).toBe(index % 5 === 0);
      for (const [, ticker] of charts) {
        const bars = input.bars.get(ticker!)!;
        // 15 trading days before the date (the default range), and 15 after it (with afterPublication),
        // not cut short by the ends of the data.
        const day = bars.findIndex((bar) => bar.date >= data.date);
        expect(day).toBeGreaterThanOrEqual(15);
        expect(bars.length - 1 - day).toBeGreaterThanOrEqual(15);
      }
    });
  });

  it("quotes figures on trading days of each ticker, so every figure renders", () => {
    for (const { body } of parsed) {
      const figures = [...body.matchAll(/<(Move|Close) ticker="([^"]+)" date="([^"]+)" \/>/g)];
      expect(figures.length).toBeGreaterThanOrEqual(2);
      for (const [, tag, ticker, date] of figures) {
        const bars = input.bars.get(ticker!)!;
        const found = input.tickers.find((t) => t.id === ticker)!;
        expect(() =>
          tag === "Move"
            ? moveFigure(bars, { date }, input.events.get(ticker!))
            : priceFigure(bars, found, { date: date! }),
        ).not.toThrow();
      }
    }
  });

  it("never dates a Move on the first trading day after a documented gap, at the bench's size", () => {
    // The days a gap leaves without a day move, read from the snapshot files: the first bar after each gap.
    const refused = new Map<string, Set<string>>();
    for (const name of readdirSync("content/prices").filter((f) => f.endsWith(".json"))) {
      const snapshot = JSON.parse(readFileSync(`content/prices/${name}`, "utf8")) as {
        bars: { date: string }[];
        gaps: { date: string }[];
      };
      const days = new Set(
        snapshot.gaps.flatMap(({ date }) => snapshot.bars.find((bar) => bar.date > date)?.date ?? []),
      );
      refused.set(name.replace(/\.json$/, ""), days);
    }
    expect(refused.get("alibaba-hk")).toContain("2025-06-11");
    const moves = generateCorpus({ ...input, count: 1000 }).flatMap((article) =>
      [...article.text.matchAll(/<Move ticker="([^"]+)" date="([^"]+)" \/>/g)].map(([, ticker, date]) => ({
        ticker: ticker!,
        date: date!,
      })),
    );
    expect(moves.length).toBeGreaterThan(1000);
    expect(moves.filter(({ ticker, date }) => refused.get(ticker)?.has(date))).toEqual([]);
  });
});
