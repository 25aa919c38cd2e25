/**
 * <PriceChart>, its feed form and <TickerChip> as the build renders them, in throwaway copies of the
 * site: outside an article (as ticker pages use them), in feed mode, in a weekend article with every
 * default, and each mistake an editor can make, which must stop the build naming the file and the tag.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { xmlError } from "../support/feed";
import { buildCopy, makeSiteCopy, type Overrides } from "../support/site-copy";

const T = "\u2009–\u2009";

/** `astro build` of a copy of the site with `overrides`: exit status, output, and the copy's files. */
function build(overrides: Overrides) {
  const copy = makeSiteCopy(overrides);
  const result = buildCopy(copy.dir);
  return { ...result, ...copy, read: (file: string) => readFileSync(join(copy.dir, file), "utf8") };
}

/** An article dated `date` whose body is `body`. */
function article(body: string, date = "2025-01-27", tickers = "[nvda]"): string {
  return `---
title: "A test article for charts"
description: "A test article that exercises the price chart and figures, long enough for the dek check."
date: ${date}
authors: [news-desk]
tickers: ${tickers}
tags: [nvidia]
---

Some text before the chart.

${body}
`;
}

describe("rendered", () => {
  let site: ReturnType<typeof build>;

  beforeAll(() => {
    site = build({
      "content/articles/zz-weekend-chart.mdx": article(
        '<PriceChart ticker="bidu" />',
        "2025-03-16",
        "[bidu]",
      ),
      "src/pages/chart-test.astro": `---
import Base from "../layouts/Base.astro";
import PriceChart from "../components/mdx/PriceChart.astro";
import TickerChip from "../components/TickerChip.astro";
---
<Base title="Chart test">
  <PriceChart ticker="nvda" from="2024-10-01" to="2026-09-17" type="line"
    markers={[{ date: "2025-01-27", label: "Nvidia suffers the largest one-day loss of market value in US history", href: "/articles/nvidia-record-one-day-loss/" }]} />
  <p id="chips"><TickerChip ticker="nvda" date="2025-01-27" /> <TickerChip ticker="byd" /> <TickerChip ticker="baidu-hk" date="2025-03-16" /></p>
</Base>
`,
      "src/pages/feed-test.astro": `---
import { mkdirSync, writeFileSync } from "node:fs";
import PriceChart from "../components/mdx/PriceChart.astro";
Astro.locals.article = { id: "nvidia-record-one-day-loss", file: "content/articles/nvidia-record-one-day-loss.mdx", date: "2025-01-27", asOf: "2025-01-27", tickers: ["nvda", "avgo", "tsm", "ixic"] };
Astro.locals.chartImages = {
  publish(svg) {
    mkdirSync("feed-images", { recursive: true });
    writeFileSync("feed-images/nvda.svg", svg);
    return "https://marketdesk.example/charts/nvda-2025-01-13-2025-01-27.svg";
  },
};
---
<PriceChart ticker="nvda" from="2025-01-13" to="2025-01-27" />
`,
      "src/pages/feed-compare-test.astro": `---
import { mkdirSync, writeFileSync } from "node:fs";
import CompareChart from "../components/mdx/CompareChart.astro";
Astro.locals.article = { id: "x", file: "content/articles/x.mdx", date: "2025-01-27", asOf: "2025-01-27", tickers: ["nvda", "ixic"] };
Astro.locals.chartImages = {
  publish(svg) {
    mkdirSync("feed-images", { recursive: true });
    writeFileSync("feed-images/compare.svg", svg);
    return "https://marketdesk.example/charts/compare.svg";
  },
};
---
<CompareChart tickers={["nvda", "ixic"]} from="2025-01-24" />
`,
    });
    if (site.status !== 0) throw new Error(`the test site did not build:\n${site.output}`);
  });
  afterAll(() => site?.cleanup());

  it("draws a full-range chart outside an article, embedding exactly the bars it shows", () => {
    const html = site.read("dist/chart-test/index.html");
    const json = /<script type="application\/json">([^<]*)<\/script>/.exec(html)![1]!;
    const data = JSON.parse(json) as { type: string; bars: unknown[]; markers: unknown[] };
    const all = (JSON.parse(site.read("content/prices/nvda.json")) as { bars: unknown[] }).bars;
    expect(data.type).toBe("line");
    expect(data.bars).toHaveLength(all.length);
    expect(data.markers).toEqual([
      {
        date: "2025-01-27",
        label: "Nvidia suffers the largest one-day loss of market value in US history",
        href: "/articles/nvidia-record-one-day-loss/",
      },
    ]);
    // 213.90 on 16 Sep 2026 to 219.34 on the 17th (+2.54%); 117.00 on 1 Oct 2024 to 219.34 (+87.47%).
    expect(html).toMatch(
      new RegExp(
        `<figcaption[^>]*>Nvidia rose 2\\.54% on 17 Sept 2026 to \\$219\\.34; over 1 Oct 2024${T}17 Sept 2026 it rose 87\\.47%\\.`,
      ),
    );
    // The table links the marked day to its story with the full headline; the SVG shows a short label.
    expect(html).toContain(
      '<a href="/articles/nvidia-record-one-day-loss/">Nvidia suffers the largest one-day loss of market value in US history</a>',
    );
    expect(html).toMatch(/<text [^>]*>Nvidia suffers the largest…<\/text>/);
  });

  it("renders ticker chips linking to the ticker page with the day's move", () => {
    const html = site.read("dist/chart-test/index.html");
    const chips = /<p id="chips">(.*?)<\/p>/s.exec(html)![1]!;
    const links = [...chips.matchAll(/<a href="([^"]+)"[^>]*>(.*?)<\/a>/gs)];
    expect(links.map((l) => l[1])).toEqual(["/tickers/nvda/", "/tickers/byd/", "/tickers/baidu-hk/"]);
    const nvda = links[0]![2]!;
    expect(nvda).toContain("<span>NVDA</span>");
    expect(nvda).toMatch(/class="tabular text-down"[^>]*>▼ -16\.97%</);
    expect(nvda).toContain('<span class="sr-only">(Nvidia fell 16.97% on 27 Jan 2025 to $118.42)</span>');
    expect(nvda).toContain("Nvidia · $118.42, close as of 27 Jan 2025");
    expect(nvda).toMatch(/<time datetime="2025-01-27"[^>]*>27 Jan 2025<\/time>/);
    // Without a date, the latest close (BYD's data end on 30 Oct 2025 at HK$104.20); for a Sunday
    // story, the Friday close readers knew.
    expect(links[1]![2]).toContain("BYD · HK$104.20, close as of 30 Oct 2025");
    expect(links[1]![2]).toMatch(/<time datetime="2025-10-30"[^>]*>30 Oct 2025<\/time>/);
    expect(links[2]![2]).toContain("Baidu (Hong Kong) · HK$91.65, close as of 14 Mar 2025");
  });

  it("gives a feed a plain figure: image, caption and source, no script or style", () => {
    // Astro puts a doctype, and the site's Content-Security-Policy <meta> (astro.config.ts), before
    // any page; the component's own output follows them.
    const html = site
      .read("dist/feed-test/index.html")
      .replace(/^<!DOCTYPE html>/, "")
      .replace(/^<meta http-equiv="content-security-policy"[^>]*>/, "")
      .trim();
    expect(html).toBe(
      `<figure><img src="https://marketdesk.example/charts/nvda-2025-01-13-2025-01-27.svg" ` +
        `alt="Area chart of the daily close of Nvidia (NVDA), 13${T}27 Jan 2025; marked: 27 Jan 2025 (Published)." ` +
        `width="720" height="320"><figcaption>Nvidia fell 16.97% on 27 Jan 2025 to $118.42; over 13${T}27 Jan 2025 it fell 11.12%. ` +
        `Source: heliar-k/market-base (IBKR daily bars) (NVDA via a CSV file, retrieved 28 Nov 2026); prices as traded.</figcaption></figure>`,
    );
    const svg = site.read("feed-images/nvda.svg");
    expect(xmlError(svg)).toBeUndefined();
    expect(svg).toMatch(
      /^<\?xml [^>]*\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="720" height="320"/,
    );
  });

  it("gives a feed a comparison as an image and its caption", () => {
    const html = site.read("dist/feed-compare-test/index.html");
    // Nvidia 142.62 to 118.42; the Nasdaq Composite 19,954.30 to 19,341.83.
    expect(html).toContain(
      `<figcaption>Over 24${T}27 Jan 2025, Nasdaq Composite did best of the two: it fell 3.07%. Nvidia did worst: it fell 16.97%. Source: heliar-k/market-base (IBKR daily bars) (NVDA via a CSV file, retrieved 28 Nov 2026); prices as traded. Source: heliar-k/market-base (IBKR daily bars) (^IXIC via a CSV file, retrieved 28 Nov 2026); prices as traded.</figcaption>`,
    );
    expect(html).toMatch(
      /<img src="https:\/\/marketdesk.example\/charts\/compare.svg" alt="Line chart comparing Nvidia and Nasdaq Composite, /,
    );
    expect(html).not.toContain("<script");
    expect(xmlError(site.read("feed-images/compare.svg"))).toBeUndefined();
  });

  it("ends a weekend story's chart, every prop left out, on the last close before it, and marks that close", () => {
    const html = site.read("dist/articles/zz-weekend-chart/index.html");
    const data = JSON.parse(/<script type="application\/json">([^<]*)<\/script>/.exec(html)![1]!) as {
      bars: [string, number][];
      markers: unknown[];
    };
    // Sunday 16 March: no later session may show; the chart runs 15 sessions back from Friday the 14th.
    expect(data.bars).toHaveLength(16);
    expect([data.bars[0]![0], data.bars.at(-1)![0]]).toEqual(["2025-02-21", "2025-03-14"]);
    expect(data.markers).toEqual([{ date: "2025-03-14", label: "Last close before publication" }]);
    // 94.26 on Thursday 13 March to 93.82 on the Friday.
    expect(html).toMatch(/<figcaption[^>]*>Baidu fell 0\.47% on 14 Mar 2025 to \$93\.82;/);
  });

  it("loads the chart script only on pages with a chart", () => {
    const withChart = site.read("dist/chart-test/index.html");
    // Bundled scripts are files (astro.config.ts), the theme toggle's among them: find the chart's.
    const script = [...withChart.matchAll(/<script type="module" src="([^"]+)"/g)]
      .map((match) => match[1]!)
      .find((src) => site.read(`dist${src}`).includes("price-chart"));
    expect(script).toBeDefined();
    expect(site.read("dist/index.html")).not.toContain(script!);
    expect(existsSync(join(site.dir, "dist/feed-test/index.html"))).toBe(true);
    expect(site.read("dist/feed-test/index.html")).not.toContain("<script");
  });
});

describe("mistakes stop the build, naming the file, the tag and the fix", () => {
  const cases: [string, Overrides, string[]][] = [
    [
      "an unknown ticker",
      { "content/articles/zz-bad.mdx": article('<PriceChart ticker="nvdia" />') },
      [
        'content/articles/zz-bad.mdx: line 12: <PriceChart ticker="nvdia">: ticker: unknown ticker "nvdia" (known: aapl, alibaba-hk, amzn, avgo,',
      ],
    ],
    [
      "a range with fewer than 2 bars",
      {
        "content/articles/zz-bad.mdx": article(
          '<PriceChart ticker="nvda" from="2025-01-27" to="2025-01-27" />',
        ),
      },
      ["content/articles/zz-bad.mdx: line 12: <PriceChart", "holds 1 trading day; a chart needs at least 2"],
    ],
    [
      "a range outside the data",
      {
        "content/articles/zz-bad.mdx": article(
          '<PriceChart ticker="nvda" from="2024-06-03" to="2025-01-27" />',
        ),
      },
      [
        'content/articles/zz-bad.mdx: line 12: <PriceChart ticker="nvda" from="2024-06-03" to="2025-01-27">: from="2024-06-03": 2024-06-03 is outside the data: the data run from 2024-10-01 to 2026-09-17',
      ],
    ],
    [
      "a marker outside the range",
      {
        "content/articles/zz-bad.mdx": article(
          '<PriceChart ticker="nvda" from="2025-01-13" to="2025-02-03" markers={[{ date: "2025-03-03", label: "Later" }]} />',
          "2025-03-03",
        ),
      },
      [
        "content/articles/zz-bad.mdx: line 12: <PriceChart",
        "markers[0].date 2025-03-03 is outside the chart's range 2025-01-13 to 2025-02-03",
      ],
    ],
    [
      "a marker on a day without trading",
      {
        "content/articles/zz-bad.mdx": article(
          '<PriceChart ticker="nvda" from="2025-01-13" to="2025-02-03" markers={[{ date: "2025-01-20", label: "Holiday" }]} />',
          "2025-02-03",
        ),
      },
      [
        "content/articles/zz-bad.mdx: line 12: <PriceChart",
        "the nearest trading days are 2025-01-17 and 2025-01-21",
      ],
    ],
    [
      "from after to",
      {
        "content/articles/zz-bad.mdx": article(
          '<PriceChart ticker="nvda" from="2025-02-03" to="2025-01-13" />',
        ),
      },
      [
        'content/articles/zz-bad.mdx: line 12: <PriceChart ticker="nvda" from="2025-02-03" to="2025-01-13">: from (2025-02-03) is after to (2025-01-13)',
      ],
    ],
    [
      "a chart that looks past the article's date",
      {
        "content/articles/zz-bad.mdx": article(
          '<PriceChart ticker="nvda" from="2025-01-13" to="2025-02-03" />',
        ),
      },
      [
        'content/articles/zz-bad.mdx: line 12: <PriceChart ticker="nvda" from="2025-01-13" to="2025-02-03">: to="2025-02-03" is after the article\'s as-of date, 2025-01-27 (its publication date): an article\'s chart shows no prices from after it; end the chart on or before 2025-01-27, or add afterPublication',
      ],
    ],
    [
      "a figure that looks past the article's date",
      { "content/articles/zz-bad.mdx": article('Shares <Close ticker="nvda" date="2025-01-28" /> later.') },
      [
        'content/articles/zz-bad.mdx: line 12: <Close ticker="nvda" date="2025-01-28">: date="2025-01-28" is after the article\'s as-of date, 2025-01-27 (its publication date): an article\'s figures use no prices from after it',
      ],
    ],
    [
      "a comparison of a ticker the article does not list",
      {
        "content/articles/zz-bad.mdx": article(
          '<CompareChart tickers={["nvda", "avgo"]} from="2025-01-24" />',
        ),
      },
      [
        'content/articles/zz-bad.mdx: line 12: <CompareChart tickers={["nvda","avgo"]} from="2025-01-24">: tickers[1]: "avgo" is not among the article\'s tickers (nvda); add it to tickers: in the frontmatter',
      ],
    ],
    [
      "a figure on a day without trading",
      {
        "content/articles/zz-bad.mdx": article(
          'Shares <Move ticker="nvda" date="2025-01-18" /> on Saturday.',
        ),
      },
      [
        'content/articles/zz-bad.mdx: line 12: <Move ticker="nvda" date="2025-01-18">: 2025-01-18 was not a trading day in the data; the nearest trading days are 2025-01-17 and 2025-01-21',
      ],
    ],
    [
      "a chart outside an article without from and to",
      {
        "src/pages/bad-chart.astro": `---\nimport PriceChart from "../components/mdx/PriceChart.astro";\n---\n<PriceChart ticker="nvda" />\n`,
      },
      ['page /bad-chart/: <PriceChart ticker="nvda">: outside an article a chart has no date to centre on'],
    ],
    [
      "a figure outside an article",
      {
        "src/pages/bad-move.astro": `---\nimport Move from "../components/mdx/Move.astro";\n---\n<Move ticker="nvda" date="2025-01-27" />\n`,
      },
      [
        `page /bad-move/: <Move ticker="nvda" date="2025-01-27">: only works in an article's body (content/articles/<slug>.mdx)`,
      ],
    ],
    [
      "a ticker chip for an unknown ticker",
      {
        "src/pages/bad-chip.astro": `---\nimport TickerChip from "../components/TickerChip.astro";\n---\n<TickerChip ticker="nvdaa" />\n`,
      },
      ['page /bad-chip/: <TickerChip ticker="nvdaa">: ticker: unknown ticker "nvdaa"'],
    ],
  ];

  it.each(cases)("%s", (_name, overrides, messages) => {
    const result = build(overrides);
    result.cleanup();
    expect(result.status, result.output).not.toBe(0);
    for (const message of messages) expect(result.output).toContain(message);
  });
});
