import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { distFiles, readDist } from "../support/dist";
import { pageWeight } from "../../scripts/lib/page-weight.ts";

const ARTICLES = "content/articles";
const pages = distFiles(".html");
const scripts = distFiles(".js");

/** The embedded chart data of each chart on a page. */
function chartData(
  html: string,
): { type: string; bars: [string, ...number[]][]; markers: { date: string }[] }[] {
  return [...html.matchAll(/<script type="application\/json">([^<]*)<\/script>/g)].map((m) =>
    JSON.parse(m[1]!),
  );
}

/** Source of each article, by slug. */
const sources = new Map(
  readdirSync(ARTICLES)
    .filter((name) => name.endsWith(".mdx"))
    .map((name) => [name.replace(/\.mdx$/, ""), readFileSync(`${ARTICLES}/${name}`, "utf8")]),
);

/** The chart code (the custom element) and the library chunk, found by what they contain. */
const elementScript = scripts.find((file) =>
  /customElements\.define\([`"']price-chart[`"']/.test(readDist(file)),
);
const libraryChunk = scripts.find((file) => /tradingview\.com/i.test(readDist(file)));

describe("price charts in the built site", () => {
  it("has the element script and the library as separate files", () => {
    expect(elementScript).toBeDefined();
    expect(libraryChunk).toBeDefined();
    expect(libraryChunk).not.toBe(elementScript);
  });

  it.each([...sources.keys()])("%s has one figure per <PriceChart> in its source", (slug) => {
    const html = readDist(`articles/${slug}/index.html`);
    const written = sources.get(slug)!.match(/<PriceChart\b/g)?.length ?? 0;
    expect(html.match(/<figure [^>]*data-price-chart=/g)?.length ?? 0).toBe(written);
    expect(chartData(html)).toHaveLength(written);
    expect(html.includes(`<script type="module" src="/${elementScript}"`)).toBe(written > 0);
  });

  it("renders the figure, SVG, caption, source, table and data of the Nvidia sell-off chart", () => {
    const html = readDist("articles/nvidia-record-one-day-loss/index.html");
    const figure = /<figure [^>]*data-price-chart="nvda"[^>]*>(.*?)<\/figure>/s.exec(html)![1]!;
    expect(figure).toContain("Nvidia: the DeepSeek sell-off");
    expect(figure).toMatch(
      /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="100%" height="320" [^>]*role="img"/,
    );
    // Axis labels: highest close 147.22 (23 Jan), lowest 118.42 (27 Jan), and both ends of the range.
    for (const label of ["$147.22", "$118.42", "13 Jan 2025", "27 Jan 2025"])
      expect(figure).toContain(`>${label}</text>`);
    expect(figure).toContain("<figcaption");
    expect(figure).toContain("Nvidia fell 16.97% on 27 Jan 2025 to $118.42;");
    expect(figure).toContain("Source: heliar-k/market-base (IBKR daily bars)");
    expect(figure.match(/<tr class="border-b border-rule\/60">/g)).toHaveLength(10);

    const [data] = chartData(html);
    const snapshot = JSON.parse(readFileSync("content/prices/nvda.json", "utf8")) as {
      bars: { date: string; close: number }[];
    };
    const slice = snapshot.bars.filter((bar) => bar.date >= "2025-01-13" && bar.date <= "2025-01-27");
    expect(data!.bars).toEqual(slice.map((bar) => [bar.date, bar.close]));
    expect(data!.markers).toEqual([{ date: "2025-01-27", label: "Published" }]);
  });

  // Each article's as-of date, read by hand from its frontmatter: its date, or its latest update's
  // (Baidu's reasoning model, 16 March, updated 18 March; BYD's cars, 11 February, updated 12 February).
  it.each([
    ["baidu-plans-next-generation-model", "2025-02-14"],
    ["baidu-releases-reasoning-model", "2025-03-18"],
    ["byd-puts-deepseek-in-its-cars", "2025-02-12"],
    ["china-open-source-ai-turn", "2025-03-10"],
    ["deepseek-cheap-models-rattle-us-markets", "2025-01-27"],
    ["has-us-spent-wisely-on-ai", "2025-02-03"],
    ["nvidia-rebounds-after-record-loss", "2025-01-28"],
    ["nvidia-record-one-day-loss", "2025-01-27"],
    ["tesla-slides-as-byd-raises-the-stakes", "2025-02-11"],
    ["us-china-ai-race-good-for-business", "2025-02-18"],
  ])("%s charts nothing after %s, the day its facts stand as of", (slug, asOf) => {
    const html = readDist(`articles/${slug}/index.html`);
    const lastDays = chartData(html).map((data) => data.bars.at(-1)![0]);
    expect(lastDays.length).toBeGreaterThan(0);
    // Every chart ends on that day: none stops short of it, none looks past it.
    expect(new Set(lastDays)).toEqual(new Set([asOf]));
  });

  it("embeds only each chart's slice, never a whole price file", () => {
    // Articles only: a ticker page's chart shows the ticker's whole history, on purpose.
    const charts = pages.filter((f) => f.startsWith("articles/")).flatMap((f) => chartData(readDist(f)));
    expect(charts.length).toBeGreaterThan(0);
    for (const data of charts) {
      expect(data.bars.length).toBeGreaterThanOrEqual(2);
      expect(data.bars.length).toBeLessThan(100);
      expect(JSON.stringify(data).length).toBeLessThan(4096);
    }
  });

  it("loads no chart code on pages without a chart, and the library only on demand", () => {
    const chartless = pages.filter((file) => chartData(readDist(file)).length === 0);
    expect(chartless).toContain("index.html");
    for (const file of chartless) expect(readDist(file), file).not.toContain(elementScript!);
    // Never a static <script> or preload of the library: the element imports it when needed.
    for (const file of pages) expect(readDist(file), file).not.toContain(libraryChunk!);
  });

  it("fetches the library, and only it, when a chart scrolls into view (what measure-charts reports)", () => {
    const article = "articles/nvidia-record-one-day-loss/index.html";
    expect(pageWeight(article).lazyScripts.map((s) => s.source)).toEqual([`/${libraryChunk}`]);
    // The search page's on-demand import is written from the site root: it resolves there too.
    const search = "search/index.html";
    expect(pageWeight(search).lazyScripts.map((s) => s.source)).toContain("/pagefind/pagefind.js");
  });

  it("credits TradingView, as the chart library's licence requires, on every page", () => {
    for (const file of pages) {
      expect(readDist(file), file).toMatch(
        /TradingView Lightweight Charts™.*?<a href="https:\/\/www.tradingview.com\/"/s,
      );
    }
  });
});
