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

  it("renders the legend, SVG, caption, table and data of the big spenders' comparison", () => {
    const html = readDist("articles/has-us-spent-wisely-on-ai/index.html");
    const figure = /<figure [^>]*data-compare-chart="meta amzn goog msft nvda"[^>]*>(.*?)<\/figure>/s.exec(
      html,
    )![1]!;
    expect(figure).toContain("The four big spenders and Nvidia since the last close before DeepSeek");
    // The legend names each series with its move from 24 January to 7 February: Meta 647.49 to
    // 714.52 (714.52 / 647.49 = 1.1035), Nvidia 142.62 to 129.84 (129.84 / 142.62 = 0.9104).
    expect(figure).toMatch(
      /Meta Platforms <span[^>]*>META<\/span> <span class="tabular text-up">\+10\.35%<\/span>/,
    );
    expect(figure).toMatch(/Nvidia <span[^>]*>NVDA<\/span> <span class="tabular text-down">-8\.96%<\/span>/);
    expect(figure).toMatch(
      /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="100%" height="320" [^>]*role="img"/,
    );
    expect(figure).toContain(
      "Over 24 Jan\u2009–\u20097 Feb 2025, Meta Platforms did best of the five: it rose 10.35%. Nvidia did worst: it fell 8.96%.",
    );
    // 11 trading days from Friday 24 January to Friday 7 February, one table row each.
    expect(figure.match(/<tr class="border-b border-rule\/60">/g)).toHaveLength(11);
    const data = chartData(html).find((d) => d.kind === "compare")!;
    expect(data.series.map((s) => s.symbol)).toEqual(["META", "AMZN", "GOOG", "MSFT", "NVDA"]);
    expect(data.dates).toHaveLength(11);
    // Rebased to 100 on 24 January: 100 * 129.84 / 142.62 = 91.04.
    expect(data.series[4]!.values.at(-1)).toBe(91.04);
  });

  it("renders the figure, SVG, caption, source, table, volume and data of the Nvidia sell-off chart", () => {
    const html = readDist("articles/nvidia-record-one-day-loss/index.html");
    const figure = /<figure [^>]*data-price-chart="nvda"[^>]*>(.*?)<\/figure>/s.exec(html)![1]!;
    expect(figure).toContain("Nvidia&#39;s shares and trading volume in January");
    expect(figure).toMatch(
      /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="100%" height="320" [^>]*role="img"/,
    );
    // Axis labels: highest close 147.22 (23 Jan), lowest 118.42 (27 Jan), and both ends of the range.
    for (const label of ["$147.22", "$118.42", "13 Jan 2025", "27 Jan 2025"])
      expect(figure).toContain(`>${label}</text>`);
    // The volume pane's label: the heaviest session of the range, 818,830,900 shares on 27 January.
    expect(figure).toContain(">Volume (highest 818.83M)</text>");
    expect(figure).toContain("<figcaption");
    expect(figure).toContain("Nvidia fell 16.97% on 27 Jan 2025 to $118.42;");
    expect(figure).toContain("Source: heliar-k/market-base (IBKR daily bars)");
    // One body row per trading day of the range (the header row has a class).
    expect(figure.match(/<tr><th scope="row">/g)).toHaveLength(10);

    const [data] = chartData(html) as unknown as [{ bars: unknown; markers: unknown; volumes: number[] }];
    const snapshot = JSON.parse(readFileSync("content/prices/nvda.json", "utf8")) as {
      bars: { date: string; close: number; volume: number }[];
    };
    const slice = snapshot.bars.filter((bar) => bar.date >= "2025-01-13" && bar.date <= "2025-01-27");
    expect(data.bars).toEqual(slice.map((bar) => [bar.date, bar.close]));
    expect(data.volumes).toEqual(slice.map((bar) => bar.volume));
    expect(data.markers).toEqual([{ date: "2025-01-27", label: "Record one-day loss" }]);
  });

  it("embeds only each chart's slice, never a whole price file", () => {
    // Articles only: a ticker page's chart holds the ticker's whole history for its range buttons.
    // The longest article chart is the six-month data piece's (126 trading days, 24 January to 25
    // July 2025), whose six-series comparison embeds about 6.7 KB; a whole price file runs from
    // October 2024 into 2026, some 490 days.
    const charts = pages.filter((f) => f.startsWith("articles/")).flatMap((f) => chartData(readDist(f)));
    expect(charts.length).toBeGreaterThan(0);
    for (const data of charts) {
      const points = data.kind === "compare" ? data.dates.length : data.bars.length;
      expect(points).toBeGreaterThanOrEqual(2);
      expect(points).toBeLessThanOrEqual(130);
      expect(JSON.stringify(data).length).toBeLessThan(8192);
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
    expect(pageWeight(search).lazyScripts.map((s) => s.source)).toContain("/pagefind/0/pagefind.js");
  });

  it("credits TradingView, as the chart library's licence requires, on every page", () => {
    for (const file of pages) {
      expect(readDist(file), file).toMatch(
        /TradingView Lightweight Charts™.*?<a href="https:\/\/www.tradingview.com\/"/s,
      );
    }
  });
});
