import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { distFiles, readDist } from "../support/dist";
import { pageWeight } from "../../scripts/lib/page-weight.ts";

const ARTICLES = "content/articles";
const pages = distFiles(".html");
const scripts = distFiles(".js");

/** The embedded data of each chart on a page: a price chart's, or a comparison's (`dates`, `series`). */
function chartData(html: string): {
  kind: "price" | "compare";
  type: string;
  bars: [string, ...number[]][];
  markers: { date: string }[];
  dates: string[];
  series: { symbol: string; values: number[] }[];
}[] {
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

  it.each([...sources.keys()])(
    "%s has one figure per <PriceChart> and <CompareChart> in its source",
    (slug) => {
      const html = readDist(`articles/${slug}/index.html`);
      const prices = sources.get(slug)!.match(/<PriceChart\b/g)?.length ?? 0;
      const comparisons = sources.get(slug)!.match(/<CompareChart\b/g)?.length ?? 0;
      expect(html.match(/<figure [^>]*data-price-chart=/g)?.length ?? 0).toBe(prices);
      expect(html.match(/<figure [^>]*data-compare-chart=/g)?.length ?? 0).toBe(comparisons);
      expect(chartData(html).map((d) => d.kind)).toEqual(
        expect.arrayContaining([...Array(prices).fill("price"), ...Array(comparisons).fill("compare")]),
      );
      expect(chartData(html)).toHaveLength(prices + comparisons);
      expect(html.includes(`<script type="module" src="/${elementScript}"`)).toBe(prices + comparisons > 0);
    },
  );

  it("renders the legend, SVG, caption, table and data of the chipmakers' comparison", () => {
    const html = readDist("articles/deepseek-cheap-models-rattle-us-markets/index.html");
    const figure = /<figure [^>]*data-compare-chart="nvda avgo tsm ixic"[^>]*>(.*?)<\/figure>/s.exec(
      html,
    )![1]!;
    expect(figure).toContain("Chipmakers against the Nasdaq Composite, rebased to 100 on 13 January");
    // The legend names each series with its move: Nvidia 133.23 to 118.42, the index 19,088.10 to 19,341.83.
    expect(figure).toMatch(/Nvidia <span[^>]*>NVDA<\/span> <span class="tabular text-down">-11\.12%<\/span>/);
    expect(figure).toMatch(
      /Nasdaq Composite <span[^>]*>\^IXIC<\/span> <span class="tabular text-up">\+1\.33%<\/span>/,
    );
    expect(figure).toMatch(
      /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="100%" height="320" [^>]*role="img"/,
    );
    expect(figure).toContain(
      "Over 13\u2009–\u200927 Jan 2025, Nasdaq Composite did best of the four: it rose 1.33%. Nvidia did worst: it fell 11.12%.",
    );
    expect(figure.match(/<tr class="border-b border-rule\/60">/g)).toHaveLength(10);
    const data = chartData(html).find((d) => d.kind === "compare")!;
    expect(data.series.map((s) => s.symbol)).toEqual(["NVDA", "AVGO", "TSM", "^IXIC"]);
    expect(data.dates).toHaveLength(10);
    expect(data.series[0]!.values.at(-1)).toBe(88.88);
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
    // One body row per trading day of the range (the header row has a class).
    expect(figure.match(/<tr><th scope="row">/g)).toHaveLength(10);

    const [data] = chartData(html);
    const snapshot = JSON.parse(readFileSync("content/prices/nvda.json", "utf8")) as {
      bars: { date: string; close: number }[];
    };
    const slice = snapshot.bars.filter((bar) => bar.date >= "2025-01-13" && bar.date <= "2025-01-27");
    expect(data!.bars).toEqual(slice.map((bar) => [bar.date, bar.close]));
    expect(data!.markers).toEqual([{ date: "2025-01-27", label: "Published" }]);
  });

  it("embeds only each chart's slice, never a whole price file", () => {
    // Articles only: a ticker page's chart holds the ticker's whole history for its range buttons.
    const charts = pages.filter((f) => f.startsWith("articles/")).flatMap((f) => chartData(readDist(f)));
    expect(charts.length).toBeGreaterThan(0);
    for (const data of charts) {
      const points = data.kind === "compare" ? data.dates.length : data.bars.length;
      expect(points).toBeGreaterThanOrEqual(2);
      expect(points).toBeLessThan(100);
      expect(JSON.stringify(data).length).toBeLessThan(4096);
    }
  });

  it("ends every article's chart on or before the article's as-of date", () => {
    for (const [slug, source] of sources) {
      // The article's date or its latest update's: corrections put errors right and move nothing.
      const front = parseYaml(/^---\n([\s\S]*?)\n---/.exec(source)![1]!) as {
        date: Date | string;
        updates?: { date: Date | string }[];
      };
      const day = (value: Date | string) =>
        value instanceof Date ? value.toISOString().slice(0, 10) : value;
      const asOf = [front.date, ...(front.updates ?? []).map((update) => update.date)]
        .map(day)
        .sort()
        .at(-1)!;
      for (const data of chartData(readDist(`articles/${slug}/index.html`))) {
        const last = data.kind === "compare" ? data.dates.at(-1)! : data.bars.at(-1)![0];
        expect(last <= asOf, `${slug}: a chart ends on ${last}, after ${asOf}`).toBe(true);
      }
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
