import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chartlessArticleScriptProblems, pagesOverBudget } from "../support/budget";
import { distFiles } from "../support/dist";
import { pageWeight, totalGzip } from "../../scripts/lib/page-weight.ts";

/** Eager JavaScript of an article with a chart: the theme script plus the chart element, not the library. */
const EAGER_JS_WITH_CHART_BYTES = 15 * 1024;

const articlePages = distFiles(".html").filter((file) => /^articles\/[^/]+\/index\.html$/.test(file));
const slugOf = (file: string) => file.split("/")[1]!;
const hasChart = (file: string) => {
  const source = `content/articles/${slugOf(file)}.mdx`;
  return existsSync(source) && /<PriceChart\b/.test(readFileSync(source, "utf8"));
};

describe("page weight budget", () => {
  it("every page's HTML and CSS stay under 40 KB gzipped", () => {
    expect(pagesOverBudget()).toEqual([]);
  });

  it("articles without a chart load only the theme script, under 1 KB", () => {
    // The launch articles all have charts; tests/site/corpus.test.ts checks chartless ones too.
    const problems = articlePages
      .filter((file) => !hasChart(file))
      .flatMap((file) => chartlessArticleScriptProblems(file));
    expect(problems).toEqual([]);
  });

  it("articles with a chart do not load the charting library up front", () => {
    const withChart = articlePages.filter(hasChart);
    expect(withChart.length).toBeGreaterThan(0);
    for (const file of withChart) {
      const { scripts } = pageWeight(file);
      // Neither the library's own chunk, nor the library bundled into an eager one: it alone is about
      // 60 KB gzipped, so eager code above this size means it came along.
      expect(
        scripts.filter((s) => /lightweight-charts/i.test(s.source)).map((s) => s.source),
        file,
      ).toEqual([]);
      expect(totalGzip(scripts), file).toBeLessThan(EAGER_JS_WITH_CHART_BYTES);
    }
  });
});
