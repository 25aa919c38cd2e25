/**
 * The newsroom's standards in the built site: bylines that link to author pages, formats, corrections
 * and updates, the standards pages and the footer that links them, structured data read field by
 * field, the sitemaps, and the "What happened next" box with figures worked out by hand from
 * content/prices.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { DomUtils, parseDocument } from "htmlparser2";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { DIST, distFiles, readDist, urlPathOf } from "../support/dist";
import { head, meta, tags, textOf } from "../support/html";
import { readFeed, xmlError } from "../support/feed";
import type { Bar } from "../../src/lib/prices/index.ts";

const SITE = "https://marketdesk.example";
const pages = distFiles(".html");
const reachable = pages.filter((file) => file !== "404.html");
const articleFiles = pages.filter((f) => /^articles\/[^/]+\/index\.html$/.test(f));

const authors = parseYaml(readFileSync("content/authors.yaml", "utf8")) as {
  id: string;
  name: string;
  kind: string;
  role: string;
  bio: string;
}[];

/** An article's frontmatter, read straight from its file (not through the code that builds the pages). */
function frontmatter(slug: string): Record<string, unknown> {
  const text = readFileSync(join("content/articles", `${slug}.mdx`), "utf8");
  return parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, unknown>;
}
const slugs = readdirSync("content/articles")
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => f.replace(/\.mdx$/, ""));

/** Every JSON-LD block of a page, parsed. */
function jsonLd(file: string): Record<string, unknown>[] {
  return [...readDist(file).matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]!) as Record<string, unknown>,
  );
}

const distPathOf = (url: string) => {
  const path = new URL(url, `${SITE}/`).pathname;
  return join(DIST, path.endsWith("/") ? `${path}index.html` : path);
};

type Element = Parameters<Parameters<typeof DomUtils.findOne>[0]>[0];

/** The text of the element matched by `test` in a page, whitespace collapsed. */
function textIn(file: string, test: (e: Element) => boolean) {
  const element = DomUtils.findOne(test, parseDocument(readDist(file)).children);
  return element ? DomUtils.textContent(element).replace(/\s+/g, " ").trim() : undefined;
}

describe("the publisher", () => {
  it("is a NewsMediaOrganization on the home page, with its standards pages and logo", () => {
    const [ld] = jsonLd("index.html");
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsMediaOrganization",
      "@id": `${SITE}/#publisher`,
      name: "Market Desk",
      url: `${SITE}/`,
      publishingPrinciples: `${SITE}/about/`,
      correctionsPolicy: `${SITE}/corrections-policy/`,
      verificationFactCheckingPolicy: `${SITE}/methodology/`,
      logo: { "@type": "ImageObject", url: `${SITE}/favicon.svg` },
    });
    for (const key of ["publishingPrinciples", "correctionsPolicy", "verificationFactCheckingPolicy"]) {
      expect(existsSync(distPathOf(ld![key] as string)), key).toBe(true);
    }
    expect(existsSync(distPathOf((ld!.logo as { url: string }).url))).toBe(true);
  });

  it.each(reachable)("%s links every standards page from its footer", (file) => {
    const footer = /<footer[\s\S]*<\/footer>/.exec(readDist(file))![0];
    const hrefs = tags(footer, "a").map((a) => a.href);
    for (const path of [
      "/about/",
      "/methodology/",
      "/authors/",
      "/corrections-policy/",
      "/corrections/",
      "/disclaimer/",
      "/rss.xml",
      "/atom.xml",
      "/feed.json",
    ]) {
      expect(hrefs, path).toContain(path);
    }
  });
});

describe("standards pages", () => {
  it.each([
    ["about/index.html", "About", "signed by desks"],
    ["methodology/index.html", "Methodology", "computed from daily price data"],
    ["corrections-policy/index.html", "Corrections policy", "dated note at the top of the story"],
    ["disclaimer/index.html", "Disclaimer", "Nothing on this site is investment advice"],
    ["corrections/index.html", "Corrections", "newest first"],
  ])("%s is built, headed %s, and says %s", (file, heading, words) => {
    const doc = readDist(file);
    expect(textOf(doc, "<h1[^>]*>", "h1")).toBe(heading);
    expect(DomUtils.textContent(parseDocument(doc)).replace(/\s+/g, " ")).toContain(words);
  });

  it("the methodology works its examples from the data, and says since when a high is counted", () => {
    const text = textIn("methodology/index.html", (e) => e.name === "article")!;
    // NVDA closed at 142.62 on 24 January 2025 and 118.42 on the 27th: (118.42 - 142.62) / 142.62 = -16.97%.
    expect(text).toContain(
      "Nvidia's shares fell 16.97% on 27 January 2025: from $142.62 at the close on 24 January 2025 to $118.42, a change of -$24.20.",
    );
    // BYD: previous close HK$330.20; high HK$345.00 (+4.48%); close HK$327.80 (-0.73%).
    expect(text).toContain("rose as much as 4.48% against the previous close, to HK$345.00");
    expect(text).toContain("on a closing basis they fell 0.73%");
    // BYD's data start on 2 October 2024; HK$352.00 on 12 February 2025 tops every earlier close.
    expect(text).toContain(
      "BYD closed on 12 February 2025 at HK$352.00, the highest close since 2 October 2024.",
    );
    // The bonus issue of 10 June 2025 (content/prices/byd.json): 352.00 / 3 = 117.33.
    expect(text).toContain("BYD's bonus issue turned each share into three from 10 June 2025.");
    expect(text).toContain("counts as HK$117.33 in a move or chart that reaches past 10 June 2025");
    // One row per snapshot in the sources table.
    const rows = tags(readDist("methodology/index.html"), "tr").length - 1;
    expect(rows).toBe(readdirSync("content/prices").filter((f) => f.endsWith(".json")).length);
  });

  it("the corrections page lists every correction in the content, newest first", () => {
    const corrections = slugs.flatMap((slug) =>
      ((frontmatter(slug).corrections as { date: string | Date }[] | undefined) ?? []).map(() => slug),
    );
    const listed = [...readDist("corrections/index.html").matchAll(/data-correction="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(listed.sort()).toEqual(corrections.sort());
    if (corrections.length === 0) {
      expect(readDist("corrections/index.html")).toContain("No corrections have been published.");
    }
  });
});

describe("authors", () => {
  it("has a page for every author in content/authors.yaml, and an index of them", () => {
    const index = readDist("authors/index.html");
    for (const author of authors) {
      expect(existsSync(join(DIST, "authors", author.id, "index.html")), author.id).toBe(true);
      expect(tags(index, "a").map((a) => a.href)).toContain(`/authors/${author.id}/`);
    }
  });

  it.each(authors.map((a) => [a.id, a] as const))("%s's page carries ProfilePage markup", (id, author) => {
    const file = `authors/${id}/index.html`;
    const [ld] = jsonLd(file);
    expect(ld).toEqual({
      "@context": "https://schema.org",
      "@type": "ProfilePage",
      url: `${SITE}/authors/${id}/`,
      mainEntity: {
        "@type": author.kind === "person" ? "Person" : "Organization",
        "@id": `${SITE}/authors/${id}/#author`,
        name: author.name,
        url: `${SITE}/authors/${id}/`,
        parentOrganization: { "@id": `${SITE}/#publisher` },
        description: author.bio,
      },
    });
    expect(textOf(readDist(file), "<h1[^>]*>", "h1")).toBe(author.name);
  });

  it.each(authors.map((a) => a.id))("%s's page lists what it signed, with feeds when there is any", (id) => {
    const signed = slugs.filter((slug) => (frontmatter(slug).authors as string[]).includes(id));
    const file = `authors/${id}/index.html`;
    const listed = [...readDist(file).matchAll(/<h2[^>]*><a href="\/articles\/([^/]+)\/"/g)].map((m) => m[1]);
    // The first page holds the newest ten (no two of the desks' articles share a date at the tenth).
    const dated = (slug: string) =>
      String(
        frontmatter(slug).date instanceof Date
          ? (frontmatter(slug).date as Date).toISOString()
          : frontmatter(slug).date,
      );
    const newest = [...signed].sort((a, b) => dated(b).localeCompare(dated(a))).slice(0, 10);
    expect(listed.sort()).toEqual(newest.sort());
    const alternates = tags(head(readDist(file)), "link").filter((l) => l.rel === "alternate");
    const feeds = [`/authors/${id}/rss.xml`, `/authors/${id}/atom.xml`, `/authors/${id}/feed.json`];
    for (const feed of feeds) {
      expect(existsSync(join(DIST, feed)), feed).toBe(signed.length > 0);
      expect(alternates.some((l) => l.href === feed)).toBe(signed.length > 0);
    }
    if (signed.length > 0) {
      const feed = readFeed("atom", readDist(feeds[1]!.slice(1)));
      expect(feed.items.map((item) => item.authors.includes(authors.find((a) => a.id === id)!.name))).toEqual(
        signed.map(() => true),
      );
    }
  });
});

describe("article pages", () => {
  it.each(articleFiles)("%s lets search engines show large image previews", (file) => {
    expect(meta(readDist(file), "robots")).toBe("max-image-preview:large");
  });

  it("no other page asks for large image previews", () => {
    for (const file of pages.filter((f) => !articleFiles.includes(f))) {
      expect(meta(readDist(file), "robots") ?? "", file).not.toBe("max-image-preview:large");
    }
  });

  it.each(articleFiles)("%s shows its format as a label, and an analysis says whose view it is", (file) => {
    const slug = file.split("/")[1]!;
    const format = (frontmatter(slug).format as string | undefined) ?? "news";
    const label = textIn(file, (e) => e.attribs["data-format"] !== undefined);
    expect(label).toBe(
      {
        news: "News",
        analysis: "Analysis",
        explainer: "Explainer",
        "market-wrap": "Market wrap",
        data: "Data",
      }[format],
    );
    const note = textIn(file, (e) => e.attribs["data-format-note"] !== undefined);
    if (format === "analysis")
      expect(note).toContain("the view is the desk's own: opinion, not investment advice");
    else expect(note).toBeUndefined();
  });

  it("an updated article shows the update at the top, in its byline, JSON-LD and sitemap", () => {
    const file = "articles/byd-puts-deepseek-in-its-cars/index.html";
    const notes = textIn(file, (e) => e.attribs["aria-label"] === "Corrections and updates");
    expect(notes).toBe(
      "Updated 12 February 2025: BYD's Hong Kong shares jumped on Wednesday and closed at their highest level in the site's price data, above Tuesday's intraday peak.",
    );
    const ld = jsonLd(file)[0]!;
    expect(ld.datePublished).toBe("2025-02-11T00:00:00.000Z");
    expect(ld.dateModified).toBe("2025-02-12T00:00:00.000Z");
    expect(meta(readDist(file), "article:modified_time")).toBe("2025-02-12T00:00:00.000Z");
    const header = textIn(
      file,
      (e) => e.name === "header" && (e.parent as Element | null)?.name === "article",
    );
    expect(header).toContain("Published 11 February 2025");
    expect(header).toContain("Updated 12 February 2025");
  });

  it("an article that never changed has no notes and is modified on its date", () => {
    const file = "articles/nvidia-record-one-day-loss/index.html";
    expect(readDist(file)).not.toContain('aria-label="Corrections and updates"');
    expect(jsonLd(file)[0]!.dateModified).toBe("2025-01-27T00:00:00.000Z");
    expect(meta(readDist(file), "article:modified_time")).toBeUndefined();
  });
});

/** The "What happened next" table of one ticker on an article page: caption and rows as text. */
function whatHappenedNext(slug: string, ticker: string) {
  const document = parseDocument(readDist(`articles/${slug}/index.html`));
  const box = DomUtils.findOne((e) => e.attribs["data-what-happened-next"] !== undefined, document.children);
  const table =
    box && DomUtils.findOne((e) => e.name === "table" && e.attribs["data-ticker"] === ticker, [box]);
  if (!table) return undefined;
  const text = (e: Parameters<typeof DomUtils.textContent>[0]) =>
    DomUtils.textContent(e).replace(/\s+/g, " ").trim();
  const caption = DomUtils.findOne((e) => e.name === "caption", [table])!;
  const rows = DomUtils.findAll((e) => e.name === "tr", [table])
    .slice(1)
    .map((tr) => DomUtils.findAll((e) => e.name === "th" || e.name === "td", [tr]).map(text));
  return { caption: text(caption), rows };
}

/**
 * The latest-close row moves with every price update, so it is read against the snapshot's last bar
 * (its date and close); the change itself is worked by hand in tests/unit/what-happened-next.test.ts.
 */
function latestRow(ticker: string): unknown[] {
  const bars = (JSON.parse(readFileSync(`content/prices/${ticker}.json`, "utf8")) as { bars: Bar[] }).bars;
  const last = bars.at(-1)!;
  const date = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${last.date}T00:00:00Z`));
  const currency = ticker === "baidu-hk" ? "HK$" : "$";
  return [
    "Latest close",
    date,
    `${currency}${last.close.toFixed(2)}`,
    expect.stringMatching(/^(▲ up\+|▼ down-|■ unchanged)/),
  ];
}

describe("What happened next", () => {
  // Worked out by hand from content/prices: NVDA closed at 118.42 on 27 January 2025; 128.99 on the
  // 28th (+8.93%), 116.66 on 3 February (-1.49%), 126.63 on 25 February (+6.93%, 20 trading days
  // later) and 157.99 on 30 June 2025, the last bar (+33.41%).
  it("gives Nvidia's moves after its 27 January 2025 article, from that day's close", () => {
    expect(whatHappenedNext("nvidia-record-one-day-loss", "nvda")).toEqual({
      caption: "Nvidia (NVDA), from the close of $118.42 on 27 Jan 2025",
      rows: [
        ["1 trading day later", "28 Jan 2025", "$128.99", "▲ up+8.93%"],
        ["5 trading days later", "3 Feb 2025", "$116.66", "▼ down-1.49%"],
        ["20 trading days later", "25 Feb 2025", "$126.63", "▲ up+6.93%"],
        latestRow("nvda"),
      ],
    });
    // SMCI, in the same article: 29.07 -> 28.18 (-3.06%), 26.85 (-7.64%), 45.54 (+56.66%).
    expect(
      whatHappenedNext("nvidia-record-one-day-loss", "smci")
        ?.rows.slice(0, 3)
        .map((r) => r[3]),
    ).toEqual(["▼ down-3.06%", "▼ down-7.64%", "▲ up+56.66%"]);
  });

  // Baidu's article of Sunday 16 March 2025 was updated on the 18th: the box starts from the 18th's
  // closes. BIDU: 102.51, then 98.24 on the 19th (-4.17%), 95.38 on the 25th (-6.96%), 84.55 on
  // 15 April (-17.52%), 85.76 on 30 June (-16.34%). In Hong Kong, where 4 April was a holiday, the 20th
  // trading day is 16 April: 103.30, then 99.20 (-3.97%), 92.10 (-10.84%), 80.50 (-22.07%), 83.45
  // (-19.22%).
  it("starts Baidu's from the close of its latest update, on each exchange's own calendar", () => {
    expect(whatHappenedNext("baidu-releases-reasoning-model", "bidu")).toEqual({
      caption: "Baidu (BIDU), from the close of $102.51 on 18 Mar 2025",
      rows: [
        ["1 trading day later", "19 Mar 2025", "$98.24", "▼ down-4.17%"],
        ["5 trading days later", "25 Mar 2025", "$95.38", "▼ down-6.96%"],
        ["20 trading days later", "15 Apr 2025", "$84.55", "▼ down-17.52%"],
        latestRow("bidu"),
      ],
    });
    expect(whatHappenedNext("baidu-releases-reasoning-model", "baidu-hk")?.rows).toEqual([
      ["1 trading day later", "19 Mar 2025", "HK$99.20", "▼ down-3.97%"],
      ["5 trading days later", "25 Mar 2025", "HK$92.10", "▼ down-10.84%"],
      ["20 trading days later", "16 Apr 2025", "HK$80.50", "▼ down-22.07%"],
      latestRow("baidu-hk"),
    ]);
    expect(
      textIn(
        "articles/baidu-releases-reasoning-model/index.html",
        (e) => e.name === "aside" && e.attribs["data-what-happened-next"] !== undefined,
      ),
    ).toContain("from the last close on or before 18 March 2025, the date of the article's latest update");
  });

  it("sits outside the article, after it, and is not indexed for search", () => {
    const doc = readDist("articles/nvidia-record-one-day-loss/index.html");
    const article = doc.indexOf("</article>");
    const box = doc.indexOf("data-what-happened-next");
    expect(article).toBeGreaterThan(0);
    expect(box).toBeGreaterThan(article);
  });
});

describe("sitemaps", () => {
  const parser = new XMLParser({ isArray: (name) => name === "url" });
  const today = process.env.BUILD_DATE ?? new Date().toISOString().slice(0, 10);

  it("the sitemap dates each article by its last change", () => {
    const urls = parser.parse(readDist("sitemap-0.xml")).urlset.url as { loc: string; lastmod?: string }[];
    for (const slug of slugs.filter((s) => frontmatter(s).draft !== true)) {
      const data = frontmatter(slug);
      const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
      const notes = [
        ...((data.updates as { date: unknown }[]) ?? []),
        ...((data.corrections as { date: unknown }[]) ?? []),
      ];
      const last = notes.map((n) => day(n.date)).reduce((a, b) => (b > a ? b : a), day(data.date));
      const entry = urls.find((u) => u.loc === `${SITE}/articles/${slug}/`);
      if (day(data.date) > today) continue;
      expect(entry?.lastmod, slug).toBe(`${last}T00:00:00.000Z`);
    }
  });

  it("the news sitemap is valid, in the sitemap-news namespace, and holds only the last two days' articles", () => {
    const xml = readDist("news-sitemap.xml");
    expect(xmlError(xml)).toBeUndefined();
    expect(xml).toContain('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"');
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const recent = slugs.filter((slug) => {
      const date = frontmatter(slug).date;
      const day = date instanceof Date ? date.toISOString().slice(0, 10) : String(date);
      return frontmatter(slug).draft !== true && (day === today || day === yesterday);
    });
    const urls = (parser.parse(xml).urlset?.url ?? []) as { loc: string }[];
    expect(urls.map((u) => u.loc).sort()).toEqual(recent.map((slug) => `${SITE}/articles/${slug}/`).sort());
  });

  it("robots.txt names both sitemaps", () => {
    const robots = readDist("robots.txt");
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap-index.xml\n`);
    expect(robots).toContain(`Sitemap: ${SITE}/news-sitemap.xml\n`);
  });

  it("every page and feed the standards add is in the sitemap", () => {
    const locs = (parser.parse(readDist("sitemap-0.xml")).urlset.url as { loc: string }[]).map((u) => u.loc);
    for (const path of [
      "/about/",
      "/methodology/",
      "/corrections-policy/",
      "/corrections/",
      "/disclaimer/",
      "/authors/",
    ]) {
      expect(locs).toContain(`${SITE}${path}`);
    }
    for (const author of authors) expect(locs).toContain(`${SITE}/authors/${author.id}/`);
    expect(locs.some((loc) => loc.endsWith(".xml") || loc.endsWith(".json"))).toBe(false);
    expect(reachable.map((f) => `${SITE}${urlPathOf(f)}`).sort()).toEqual([...locs].sort());
  });
});
