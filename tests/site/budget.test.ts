import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pagesOverBudget } from "../support/budget";
import { distFiles } from "../support/dist";
import { pageWeight, totalGzip, type Script } from "../../scripts/lib/page-weight.ts";

/** Eager JavaScript of a page with a chart: the theme script plus the chart element, not the library. */
const EAGER_JS_WITH_CHART_BYTES = 15 * 1024;

const pages = distFiles(".html");
const articlePages = pages.filter((file) => /^articles\/[^/]+\/index\.html$/.test(file));
/** Ticker pages' first pages, which carry the ticker's chart; later list pages have none. */
const tickerPages = pages.filter((file) => /^tickers\/[^/]+\/index\.html$/.test(file));
const slugOf = (file: string) => file.split("/")[1]!;
const hasChart = (file: string) => {
  const source = `content/articles/${slugOf(file)}.mdx`;
  return existsSync(source) && /<(PriceChart|CompareChart)\b/.test(readFileSync(source, "utf8"));
};

describe("page weight budget", () => {
  it("every page's HTML and CSS stay under 40 KB gzipped", () => {
    expect(pagesOverBudget()).toEqual([]);
  });

  // Articles without a chart: every launch article has one, so tests/site/corpus.test.ts checks those
  // on a build of the benchmark's corpus, where four articles in five have none.

  it("articles with a chart or a comparison, and ticker pages, load the charting library on demand, not up front", () => {
    const withChart = [...articlePages.filter(hasChart), ...tickerPages];
    expect(withChart).toContain("articles/deepseek-cheap-models-rattle-us-markets/index.html");
    expect(withChart).toContain("tickers/nvda/index.html");
    // The library, by its chunk's name or by the attribution URL in its code (should it be bundled
    // into another chunk): it alone is about 60 KB gzipped, so eager code above the budget means it
    // came along some other way.
    const isLibrary = (s: Script) => /lightweight-charts/i.test(s.source) || /tradingview\.com/i.test(s.code);
    for (const file of withChart) {
      const { scripts, lazyScripts } = pageWeight(file);
      expect(
        scripts.filter(isLibrary).map((s) => s.source),
        file,
      ).toEqual([]);
      expect(lazyScripts.some(isLibrary), `${file}: the library is not loaded on demand`).toBe(true);
      expect(totalGzip(scripts), file).toBeLessThan(EAGER_JS_WITH_CHART_BYTES);
    }
  });
});
