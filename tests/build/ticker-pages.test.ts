/**
 * Ticker pages at scale, over a generated corpus: a copy of the site whose articles are replaced by
 * 200 generated articles about Baidu (BIDU), several a day on some days and some dated on weekends.
 * The ticker's list is paginated at 10 a page, its chart marks each trading day with articles once,
 * the list under the chart stays at 10 days, and every page keeps within the 40 KB budget: with every
 * article listed on one page and a marker per article, Baidu's page of this corpus weighed 46 KB.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCopy, makeSiteCopy } from "../support/site-copy";
import { pagesOverBudget } from "../support/budget";
import { distFiles, urlPathOf } from "../support/dist";
import { decodeEntities, head, meta, tags, textOf } from "../support/html";
import { makeValidator } from "../support/html-validate";
import { site } from "../../src/lib/site/index.ts";

const COUNT = 200;
const PAGES = 20;
const TICKER = { id: "bidu", name: "Baidu", symbol: "BIDU" };

/** Words the generated headlines are made of, so that they differ as real ones do (and compress as little). */
const SUBJECTS = [
  "Baidu",
  "Baidu's cloud unit",
  "Ernie's makers",
  "Baidu's search arm",
  "Baidu's robotaxi service",
];
const VERBS = [
  "raises its outlook for",
  "cuts prices on",
  "bets again on",
  "faces questions over",
  "opens access to",
];
const OBJECTS = [
  "reasoning models as DeepSeek competition builds",
  "advertising revenue after a weak quarter",
  "data-centre spending in the second half",
  "open-source releases that rivals cannot ignore",
  "chips from domestic suppliers under export rules",
  "autonomous rides in three more Chinese cities",
  "enterprise customers moving to the Qianfan platform",
];
/** Other tickers the articles mention besides Baidu: each is a chip in the lists, as in real articles. */
const OTHERS = [
  ["baidu-hk", "ixic"],
  ["nvda", "tsla"],
  ["baidu-hk", "nvda", "goog"],
  ["byd", "msft"],
  ["baidu-hk", "ixic", "tsm"],
  ["amzn"],
];

/**
 * Calendar days from Saturday 4 January 2025, four articles every three days: some on weekends, some
 * days shared by two to four articles (the weekend's stories count on the Monday).
 */
const generated = Array.from({ length: COUNT }, (_, i) => {
  const n = String(i + 1).padStart(3, "0");
  const title = `${SUBJECTS[i % 5]!} ${VERBS[Math.floor(i / 5) % 5]!} ${OBJECTS[i % 7]!} (${n})`;
  return {
    slug: `generated-baidu-${n}`,
    title,
    date: new Date(Date.UTC(2025, 0, 4 + Math.floor((i * 3) / 4))).toISOString().slice(0, 10),
    tickers: [TICKER.id, ...OTHERS[i % OTHERS.length]!],
  };
});

const copy = makeSiteCopy({}, { prefix: "market-desk-tickers-" });
const dist = join(copy.dir, "dist");
const read = (path: string) => readFileSync(join(dist, path), "utf8");
const pagePath = (page: number) => `/tickers/${TICKER.id}/${page === 1 ? "" : `${page}/`}`;
const pageFile = (page: number) => `${pagePath(page).slice(1)}index.html`;
let build: { status: number | null; output: string } = { status: null, output: "" };

beforeAll(() => {
  const articles = join(copy.dir, "content/articles");
  for (const entry of readdirSync(articles)) rmSync(join(articles, entry), { recursive: true });
  for (const { slug, title, date, tickers } of generated) {
    writeFileSync(
      join(articles, `${slug}.mdx`),
      `---
title: ${JSON.stringify(title)}
description: "A generated article for the ticker page test, dated ${date}, about Baidu and its AI models."
date: ${date}
authors: [news-desk]
tickers: [${tickers.join(", ")}]
tags: [baidu, markets]
---

A paragraph of generated text about Baidu's search business and its Ernie models, for ${slug}.
`,
    );
  }
  // Baidu's data as they stood on 30 June 2025 (its first source alone), so the chart's opening six
  // months span the generated articles however far the real snapshot runs.
  const snapshotFile = join(copy.dir, "content/prices/bidu.json");
  const snapshot = JSON.parse(readFileSync(snapshotFile, "utf8")) as {
    sources: { to: string }[];
    bars: { date: string }[];
  };
  snapshot.sources = snapshot.sources.filter((source) => source.to <= "2025-06-30");
  snapshot.bars = snapshot.bars.filter((bar) => bar.date <= "2025-06-30");
  writeFileSync(snapshotFile, `${JSON.stringify(snapshot, null, 2)}\n`);
  build = buildCopy(copy.dir);
}, 300_000);
afterAll(() => copy.cleanup());

/** An article as a list page shows it. */
interface Listed {
  href: string;
  title: string;
  date: string;
  page: number;
}

/** The articles listed on page `page` of the ticker, in order. */
function listed(page: number): Listed[] {
  const section = /<section id="articles"[\s\S]*?<\/section>/.exec(read(pageFile(page)))?.[0] ?? "";
  return [...section.matchAll(/<article[\s\S]*?<\/article>/g)].map(([card]) => {
    const link = /<h3[^>]*><a href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/.exec(card)!;
    return {
      href: link[1]!,
      title: decodeEntities(link[2]!),
      date: tags(card, "time")[0]!.datetime!,
      page,
    };
  });
}

/** The ticker's pagination links by their text. */
function pager(page: number): Record<string, string> {
  const nav = /<nav aria-label="Baidu article pages"[\s\S]*?<\/nav>/.exec(read(pageFile(page)))?.[0] ?? "";
  return Object.fromEntries(
    [...nav.matchAll(/<a href="([^"]+)"[^>]*>\s*(\w+)\s*<\/a>/g)].map((m) => [m[2], m[1]]),
  );
}

const pages = Array.from({ length: PAGES }, (_, i) => i + 1);
const all = () => pages.flatMap(listed);

/** The ticker's trading days, from its price file. */
const barDates = (
  JSON.parse(readFileSync(`content/prices/${TICKER.id}.json`, "utf8")) as { bars: { date: string }[] }
).bars.map((bar) => bar.date);

/** The trading day an article counts on: its date, or the next day with a bar. */
function tradingDay(date: string): string {
  const day = barDates.find((d) => d >= date);
  if (!day) throw new Error(`no bar on or after ${date}`);
  return day;
}

it("builds", () => {
  expect(build.status, build.output.slice(-4000)).toBe(0);
});

describe("a ticker with 200 articles", () => {
  it("has 20 pages of 10, and no 21st", () => {
    for (const page of pages) expect(listed(page), `page ${page}`).toHaveLength(10);
    expect(existsSync(join(dist, `tickers/${TICKER.id}/${PAGES + 1}/index.html`))).toBe(false);
  });

  it("lists every article once, newest first across the pages", () => {
    const list = all();
    expect(new Set(list.map((a) => a.href))).toEqual(new Set(generated.map((g) => `/articles/${g.slug}/`)));
    const dates = list.map((a) => a.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("links first, previous, next and last on each page", () => {
    expect(pager(1)).toEqual({ Next: pagePath(2), Last: pagePath(PAGES) });
    expect(pager(7)).toEqual({
      First: pagePath(1),
      Previous: pagePath(6),
      Next: pagePath(8),
      Last: pagePath(PAGES),
    });
    expect(pager(PAGES)).toEqual({ First: pagePath(1), Previous: pagePath(PAGES - 1) });
  });

  it("keeps the chart, the last close and the feed link on the first page; later pages link back to it", () => {
    const first = read(pageFile(1));
    expect(first).toContain("<price-chart");
    expect(first).toContain("Last close");
    expect(tags(first, "a").map((a) => a.href)).toContain(`/tickers/${TICKER.id}/rss.xml`);
    for (const page of pages.slice(1)) {
      const doc = read(pageFile(page));
      expect(doc, `page ${page}`).not.toContain("<price-chart");
      const body = doc.slice(doc.indexOf("<body"));
      expect(
        tags(body, "a").map((a) => a.href),
        `page ${page}`,
      ).not.toContain(`/tickers/${TICKER.id}/rss.xml`);
      expect(body).toMatch(new RegExp(`<a href="${pagePath(1)}"[^>]*>\\s*Price chart`));
      // Feed readers still find the ticker's feed from any page.
      expect(tags(head(doc), "link").map((l) => l.href)).toContain(`/tickers/${TICKER.id}/rss.xml`);
    }
  });

  it("gives each page its own title, description and canonical URL", () => {
    const docs = pages.map((page) => read(pageFile(page)));
    const titles = docs.map((doc) => textOf(doc, "<title>", "title"));
    expect(titles[0]).toBe(`Baidu (BIDU) | ${site.name}`);
    expect(titles[2]).toBe(`Baidu (BIDU), page 3 of ${PAGES} | ${site.name}`);
    expect(new Set(titles).size).toBe(PAGES);
    expect(new Set(docs.map((doc) => meta(doc, "description"))).size).toBe(PAGES);
    docs.forEach((doc, i) => {
      const canonical = tags(head(doc), "link").find((l) => l.rel === "canonical")?.href;
      expect(canonical).toBe(`${site.url}${pagePath(i + 1)}`);
    });
  });

  it("is in the sitemap page by page, which lists every page of the build once", () => {
    const parser = new XMLParser({ isArray: (name) => name === "url" });
    const urls = (parser.parse(read("sitemap-0.xml")).urlset.url as { loc: string }[]).map((u) => u.loc);
    for (const page of pages) expect(urls).toContain(`${site.url}${pagePath(page)}`);
    const built = distFiles(".html", dist)
      .filter((f) => f !== "404.html")
      .map((f) => new URL(urlPathOf(f), `${site.url}/`).href);
    expect(urls.sort()).toEqual(built.sort());
  });
});

describe("the ticker's chart", () => {
  const chartData = () =>
    JSON.parse(/<script type="application\/json">([\s\S]*?)<\/script>/.exec(read(pageFile(1)))![1]!) as {
      markers: { date: string; label: string; href?: string }[];
    };

  /** The listed articles grouped by trading day, in list order within a day. */
  function days(): Map<string, Listed[]> {
    const out = new Map<string, Listed[]>();
    for (const article of all()) {
      const day = tradingDay(article.date);
      out.set(day, [...(out.get(day) ?? []), article]);
    }
    return out;
  }

  it("marks each trading day with articles once, in date order", () => {
    const { markers } = chartData();
    const expected = [...days().keys()].sort();
    expect(markers.map((m) => m.date)).toEqual(expected);
    // Weekend stories and shared days make far fewer days than articles.
    expect(markers.length).toBeLessThan(COUNT * 0.7);
  });

  it("labels a day with its headline, or the number of articles and the latest headline", () => {
    const byDay = days();
    let several = 0;
    for (const marker of chartData().markers) {
      const articles = byDay.get(marker.date)!;
      const latest = articles[0]!;
      if (articles.length === 1) {
        expect(marker).toEqual({ date: marker.date, label: latest.title, href: latest.href });
      } else {
        several++;
        expect(marker.label.startsWith(`${articles.length} articles`), marker.label).toBe(true);
        expect(marker.label.endsWith(latest.title), marker.label).toBe(true);
        // The marker leads to the page of the list that shows the day's latest article.
        expect(marker.href).toBe(`${pagePath(latest.page)}#articles`);
      }
    }
    expect(several).toBeGreaterThan(10);
  });

  it("lists the latest 10 news days under the chart, newest first, with the same links and each day's move", () => {
    const doc = read(pageFile(1));
    const list = /<h3 id="days-heading"[\s\S]*?<\/table>/.exec(doc)?.[0] ?? "";
    const body = /<tbody>([\s\S]*)<\/tbody>/.exec(list)?.[1] ?? "";
    const items = [...body.matchAll(/<tr[\s\S]*?<\/tr>/g)].map(([row]) => ({
      date: tags(row, "time")[0]?.datetime,
      links: tags(row, "a").map((a) => a.href),
      move: /<td class="[^"]*text-right[^"]*">([^<]*)<\/td>/.exec(row)?.[1],
    }));
    expect(
      items.every((item) => /^[+-]\d+\.\d\d%$|^0\.00%$/.test(item.move ?? "")),
      JSON.stringify(items),
    ).toBe(true);
    expect(list).toMatch(
      /On the \d+ trading days with our articles, Baidu moved \d+\.\d\d% on average, up or down/,
    );
    const markers = chartData().markers.slice(-10).reverse();
    expect(items.map((i) => i.date)).toEqual(markers.map((m) => m.date));
    const byDay = days();
    items.forEach((item, i) => {
      const articles = byDay.get(item.date!)!;
      expect(item.links[0]).toBe(markers[i]!.href);
      expect(item.links.at(-1)).toBe(articles[0]!.href);
    });
  });

  it("has one marked row per marked day of its opening range in its data table", () => {
    const figure = /<figure[\s\S]*?<\/figure>/.exec(read(pageFile(1)))![0];
    const rows = [.../<table[\s\S]*?<\/table>/.exec(figure)![0].matchAll(/<tr[\s\S]*?<\/tr>/g)]
      .map(([row]) => ({ date: tags(row, "time")[0]?.datetime, links: tags(row, "a").length }))
      .filter((row) => row.date !== undefined);
    const first = rows[0]!.date!;
    const marked = rows.filter((row) => row.links > 0);
    expect(marked.map((row) => row.date)).toEqual(
      chartData()
        .markers.map((m) => m.date)
        .filter((date) => date >= first),
    );
    expect(marked.length).toBeGreaterThan(10);
    expect(marked.every((row) => row.links === 1)).toBe(true);
  });
});

describe("every page of the ticker", () => {
  it("is valid HTML", async () => {
    const validator = makeValidator();
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(read(pageFile(page)), pageFile(page));
      for (const result of report.results) {
        for (const m of result.messages)
          problems.push(`${result.filePath}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has the list the chart's markers link to, at #articles", () => {
    for (const page of pages)
      expect(tags(read(pageFile(page)), "section").map((s) => s.id)).toContain("articles");
  });
});

describe("page weight", () => {
  it("keeps every page's HTML and CSS under 40 KB gzipped", () => {
    expect(pagesOverBudget(dist)).toEqual([]);
  });
});
