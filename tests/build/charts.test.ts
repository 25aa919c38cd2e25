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
author: newsdesk
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
  <PriceChart ticker="nvda" from="2024-10-01" to="2025-06-30" type="line"
    markers={[{ date: "2025-01-27", label: "Nvidia suffers the largest one-day loss of market value in US history", href: "/articles/nvidia-record-one-day-loss/" }]} />
  <p id="chips"><TickerChip ticker="nvda" date="2025-01-27" /> <TickerChip ticker="byd" /> <TickerChip ticker="baidu-hk" date="2025-03-16" /></p>
</Base>
`,
      "src/pages/feed-test.astro": `---
import { mkdirSync, writeFileSync } from "node:fs";
import PriceChart from "../components/mdx/PriceChart.astro";
Astro.locals.article = { id: "nvidia-record-one-day-loss", file: "content/articles/nvidia-record-one-day-loss.mdx", date: "2025-01-27" };
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
    // 157.75 on 27 Jun 2025 to 157.99 on the 30th; 117.00 on 1 Oct 2024 to 157.99.
    expect(html).toMatch(
      new RegExp(
        `<figcaption[^>]*>Nvidia rose 0\\.15% on 30 Jun 2025 to \\$157\\.99; over 1 Oct 2024${T}30 Jun 2025 it rose 35\\.03%\\.`,
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
    expect(nvda).toContain("Nvidia · $118.42 on 27 Jan 2025");
    // Without a date, the latest close; for a Sunday story, the Friday close readers knew.
    expect(links[1]![2]).toContain("BYD · HK$412.00 on 5 Jun 2025");
    expect(links[2]![2]).toContain("Baidu (Hong Kong) · HK$91.65 on 14 Mar 2025");
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
        `Source: heliar-k/market-base (IBKR daily bars), retrieved 28 Nov 2026; prices as traded.</figcaption></figure>`,
    );
    const svg = site.read("feed-images/nvda.svg");
    expect(xmlError(svg)).toBeUndefined();
    expect(svg).toMatch(
      /^<\?xml [^>]*\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="720" height="320"/,
    );
  });

  it("centres an article's chart on its first session and marks it, with every prop left out", () => {
    const html = site.read("dist/articles/zz-weekend-chart/index.html");
    const data = JSON.parse(/<script type="application\/json">([^<]*)<\/script>/.exec(html)![1]!) as {
      bars: [string, number][];
      markers: unknown[];
    };
    expect(data.bars).toHaveLength(31);
    expect(data.bars[15]![0]).toBe("2025-03-17");
    expect(data.markers).toEqual([{ date: "2025-03-17", label: "Session after publication" }]);
    // 93.82 on Friday 14 March to 102.27 on the Monday.
    expect(html).toMatch(/<figcaption[^>]*>Baidu rose 9\.01% on 17 Mar 2025 to \$102\.27;/);
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
        'content/articles/zz-bad.mdx: line 12: <PriceChart ticker="nvdia">: ticker: unknown ticker "nvdia" (known: amzn, avgo,',
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
        'content/articles/zz-bad.mdx: line 12: <PriceChart ticker="nvda" from="2024-06-03" to="2025-01-27">: from="2024-06-03": 2024-06-03 is outside the data: the data run from 2024-10-01 to 2025-06-30',
      ],
    ],
    [
      "a marker outside the range",
      {
        "content/articles/zz-bad.mdx": article(
          '<PriceChart ticker="nvda" from="2025-01-13" to="2025-02-03" markers={[{ date: "2025-03-03", label: "Later" }]} />',
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
