/**
 * The budgets over a build of other content: the launch articles all have charts, so this builds a
 * copy of the site with a small synthetic corpus (the benchmark's, where four articles in five have
 * no chart) and checks its pages too. It also keeps the benchmark's corpus building.
 */
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, readCorpusInput, type CorpusArticle } from "../../scripts/lib/bench-corpus.ts";
import { chartlessArticleScriptProblems, pagesOverBudget } from "../support/budget";
import { buildSite, makeSiteCopy } from "../support/site-copy";

const copy = makeSiteCopy({}, { prefix: "market-desk-corpus-" });
const dist = join(copy.dir, "dist");
let corpus: CorpusArticle[] = [];
let build: { status: number | null; output: string };

beforeAll(() => {
  const articles = join(copy.dir, "content/articles");
  for (const entry of readdirSync(articles)) rmSync(join(articles, entry), { recursive: true });
  corpus = generateCorpus(readCorpusInput(copy.dir, 10));
  for (const article of corpus) writeFileSync(join(copy.dir, article.file), article.text);
  build = buildSite(copy.dir);
}, 300_000);

afterAll(() => copy.cleanup());

describe("a synthetic corpus", () => {
  it("builds", () => {
    expect(build.status, build.output.slice(-4000)).toBe(0);
  });

  it("keeps articles without a chart to the theme script, under 1 KB", () => {
    const chartless = corpus.filter((a) => !a.chart);
    expect(chartless.length).toBeGreaterThan(0);
    expect(
      chartless.flatMap((a) => chartlessArticleScriptProblems(`articles/${a.slug}/index.html`, dist)),
    ).toEqual([]);
  });

  it("keeps every page's HTML and CSS under 40 KB gzipped", () => {
    expect(pagesOverBudget(dist)).toEqual([]);
  });
});
