/**
 * The newsroom standards on other content than the real articles, built as of 1 October 2025 (after
 * the last real article, so the generated ones are the newest): 55
 * archive articles signed by the Data desk (more than a feed holds, and six pages of its author's
 * list), three fresh ones around the build date for the news sitemap's two-day window (one with two
 * authors and a correction, one whose headline and dek hold markup), and a correction added to
 * Nvidia's 27 January article.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { DomUtils, parseDocument } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCopy, makeSiteCopy, type Overrides } from "../support/site-copy";
import { meta, tags, textOf } from "../support/html";
import { readDist } from "../support/dist";
import { readFeed, xmlError, type FeedFormatName } from "../support/feed";

const BUILD_DATE = "2025-10-01";
const SITE = "https://marketdesk.example";
const ARCHIVE = 55;

function article(
  slug: string,
  fields: Record<string, string>,
  body = "A paragraph of generated text.",
): [string, string] {
  const all = {
    description: '"A generated article for the standards test: long enough for the fifty-character minimum."',
    authors: "[data-desk]",
    tags: "[markets]",
    ...fields,
  };
  const lines = Object.entries(all).map(([key, value]) => `${key}: ${value}`);
  return [`content/articles/${slug}.mdx`, `---\n${lines.join("\n")}\n---\n\n${body}\n`];
}

/** One archive article a day from 1 August 2025: archive-01 is the oldest, newer than every real one. */
const archive = Array.from({ length: ARCHIVE }, (_, i) => ({
  slug: `archive-${String(i + 1).padStart(2, "0")}`,
  date: new Date(Date.UTC(2025, 7, 1 + i)).toISOString().slice(0, 10),
}));

const HOSTILE_TITLE = 'Chips & <b>policy</b>: "a test" headline';
const HOSTILE_DEK =
  "A dek with an <img src=x onerror=alert(1)> in it & an &amp; entity, long enough to pass.";

const rout = readFileSync("content/articles/nvidia-record-one-day-loss.mdx", "utf8").replace(
  "\ntags: [nvidia, semiconductors, deepseek, markets]\n",
  '\ntags: [nvidia, semiconductors, deepseek, markets]\ncorrections:\n  - date: 2025-02-03\n    text: "An earlier version put the loss of market value at $600 billion; it was close to $600 billion."\n',
);

const overrides: Overrides = Object.fromEntries([
  ...archive.map(({ slug, date }) => article(slug, { title: `"Archive story ${slug}"`, date })),
  article("fresh-today", {
    title: '"A fresh story signed by two desks"',
    date: "2025-10-01",
    authors: "[technology-desk, china-desk]",
    format: "explainer",
    tags: "[china]",
    corrections: '[{ date: 2025-10-01, text: "Corrected the name of the second desk." }]',
  }),
  article("fresh-yesterday", {
    title: JSON.stringify(HOSTILE_TITLE),
    description: JSON.stringify(HOSTILE_DEK),
    date: "2025-09-30",
  }),
  article("two-days-old", { title: '"A story two days old"', date: "2025-09-29" }),
  ["content/articles/nvidia-record-one-day-loss.mdx", rout],
]);

let dir = "";
let cleanup = () => {};
const read = (path: string) => readFileSync(join(dir, "dist", path), "utf8");
const exists = (path: string) => existsSync(join(dir, "dist", path));
const jsonLd = (path: string) =>
  JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(read(path))![1]!) as Record<
    string,
    unknown
  >;

beforeAll(() => {
  ({ dir, cleanup } = makeSiteCopy(overrides));
  const result = buildCopy(dir, { BUILD_DATE });
  if (result.status !== 0) throw new Error(`fixture build failed:\n${result.output}`);
}, 300_000);
afterAll(() => cleanup());

const FORMATS: [FeedFormatName, string][] = [
  ["rss", "rss.xml"],
  ["atom", "atom.xml"],
  ["json", "feed.json"],
];

describe("feeds hold the newest 50 items; lists and the sitemap keep the whole archive", () => {
  // Newest first: the three fresh stories, then archive-55 back to archive-09.
  const newest50 = [
    "fresh-today",
    "fresh-yesterday",
    "two-days-old",
    ...archive
      .slice(-47)
      .reverse()
      .map((a) => a.slug),
  ].map((slug) => `${SITE}/articles/${slug}/`);

  it.each(FORMATS)("the site feed (%s) carries exactly the newest 50", (format, file) => {
    expect(readFeed(format, read(file)).items.map((item) => item.id)).toEqual(newest50);
  });

  it.each(FORMATS)("the Data desk's feed (%s) carries its newest 50 of 58", (format, file) => {
    const ids = readFeed(format, read(`authors/data-desk/${file}`)).items.map((item) => item.id);
    expect(ids).toHaveLength(50);
    expect(ids[0]).toBe(`${SITE}/articles/fresh-yesterday/`);
    expect(ids.at(-1)).toBe(`${SITE}/articles/archive-08/`);
  });

  it("the Data desk's page is paginated like a tag's: six pages, the last with 8", () => {
    const listed = (path: string) =>
      tags(/<main[\s\S]*<\/main>/.exec(read(path))![0], "a")
        .map((a) => a.href!)
        .filter((href) => href.startsWith("/articles/"));
    const pages = ["", "2/", "3/", "4/", "5/", "6/"].map((p) => listed(`authors/data-desk/${p}index.html`));
    // 55 archive stories, two fresh ones and the real six-month data piece (25 July 2025).
    expect(pages.map((p) => p.length)).toEqual([10, 10, 10, 10, 10, 8]);
    expect(exists("authors/data-desk/7/index.html")).toBe(false);
    expect(new Set(pages.flat()).size).toBe(58);
    expect(textOf(read("authors/data-desk/2/index.html"), "<title>", "title")).toBe(
      "Data desk, page 2 of 6 | Market Desk",
    );
    // The profile markup is the first page's.
    expect(read("authors/data-desk/index.html")).toContain('"@type":"ProfilePage"');
    expect(read("authors/data-desk/2/index.html")).not.toContain('"@type":"ProfilePage"');
  });

  it("the sitemap lists every article, the oldest archive story included", () => {
    const sitemap = read("sitemap-0.xml");
    for (const { slug } of archive) expect(sitemap).toContain(`<loc>${SITE}/articles/${slug}/</loc>`);
  });
});

describe("the news sitemap, built on 1 October 2025", () => {
  const parser = new XMLParser({ isArray: (name) => name === "url" });

  it("lists the articles of 1 October and 30 September only, with the publication, date and headline", () => {
    const xml = read("news-sitemap.xml");
    expect(xmlError(xml)).toBeUndefined();
    expect(parser.parse(xml).urlset.url).toEqual([
      {
        loc: `${SITE}/articles/fresh-today/`,
        "news:news": {
          "news:publication": { "news:name": "Market Desk", "news:language": "en" },
          "news:publication_date": "2025-10-01",
          "news:title": "A fresh story signed by two desks",
        },
      },
      {
        loc: `${SITE}/articles/fresh-yesterday/`,
        "news:news": {
          "news:publication": { "news:name": "Market Desk", "news:language": "en" },
          "news:publication_date": "2025-09-30",
          "news:title": HOSTILE_TITLE,
        },
      },
    ]);
  });
});

describe("several authors, and a correction", () => {
  const page = "articles/fresh-today/index.html";

  it("names both desks in the byline, each linked to its page, and in the JSON-LD", () => {
    const byline = /<span data-byline[^>]*>([\s\S]*?)<\/span>/.exec(read(page))![1]!;
    expect(DomUtils.textContent(parseDocument(byline))).toBe("By Technology desk and China desk");
    expect(tags(byline, "a").map((a) => a.href)).toEqual([
      "/authors/technology-desk/",
      "/authors/china-desk/",
    ]);
    expect((jsonLd(page).author as { name: string; url: string }[]).map((a) => [a.name, a.url])).toEqual([
      ["Technology desk", `${SITE}/authors/technology-desk/`],
      ["China desk", `${SITE}/authors/china-desk/`],
    ]);
    expect(jsonLd(page)["@type"]).toBe("BackgroundNewsArticle");
  });

  it("shows a correction at the top of the article, and dates the JSON-LD and sitemap by it", () => {
    const doc = read("articles/nvidia-record-one-day-loss/index.html");
    const notes = /<aside aria-label="Corrections and updates"[\s\S]*?<\/aside>/.exec(doc)![0];
    expect(DomUtils.textContent(parseDocument(notes)).replace(/\s+/g, " ").trim()).toBe(
      "Correction, 3 February 2025: An earlier version put the loss of market value at $600 billion; it was close to $600 billion.",
    );
    expect(doc.indexOf(notes)).toBeLessThan(doc.indexOf('class="prose-article'));
    const ld = jsonLd("articles/nvidia-record-one-day-loss/index.html");
    expect([ld.datePublished, ld.dateModified]).toEqual([
      "2025-01-27T00:00:00.000Z",
      "2025-02-03T00:00:00.000Z",
    ]);
    expect(meta(doc, "article:modified_time")).toBe("2025-02-03T00:00:00.000Z");
    expect(read("sitemap-0.xml")).toContain(
      `<loc>${SITE}/articles/nvidia-record-one-day-loss/</loc><lastmod>2025-02-03T00:00:00.000Z</lastmod>`,
    );
  });

  it("keeps the corrected item's id and date in every feed, with the note on top and the new modified date", () => {
    for (const [format, file] of FORMATS) {
      const id = `${SITE}/articles/nvidia-record-one-day-loss/`;
      const corrected = readFeed(format, read(`tickers/smci/${file}`)).items.find((item) => item.id === id)!;
      const original = readFeed(format, readDist(`tickers/smci/${file}`)).items.find(
        (item) => item.id === id,
      )!;
      expect(corrected.id, format).toBe(original.id);
      expect(corrected.published, format).toBe(original.published);
      expect(corrected.contentHtml, format).toBe(
        "<p><strong>Correction, 3 February 2025:</strong> An earlier version put the loss of market value at $600 billion; it was close to $600 billion.</p>" +
          original.contentHtml,
      );
      expect(corrected.modified, format).toBe(
        format === "rss" ? original.modified : "2025-02-03T00:00:00.000Z",
      );
    }
  });

  it("lists every correction on /corrections/, newest first, linked to its article", () => {
    const doc = read("corrections/index.html");
    const entries = [...doc.matchAll(/<li[^>]*data-correction="([^"]+)"[\s\S]*?<\/li>/g)].map((m) => ({
      slug: m[1],
      lines: DomUtils.findAll((e) => ["p", "h2"].includes(e.name), parseDocument(m[0]).children).map((e) =>
        DomUtils.textContent(e).trim(),
      ),
      href: tags(m[0], "a")[0]?.href,
    }));
    expect(entries).toEqual([
      {
        slug: "fresh-today",
        lines: [
          "1 October 2025",
          "A fresh story signed by two desks",
          "Corrected the name of the second desk.",
        ],
        href: "/articles/fresh-today/",
      },
      {
        slug: "nvidia-record-one-day-loss",
        lines: [
          "3 February 2025",
          "Nvidia loses close to $600bn of value in a single day",
          "An earlier version put the loss of market value at $600 billion; it was close to $600 billion.",
        ],
        href: "/articles/nvidia-record-one-day-loss/",
      },
    ]);
  });
});

describe("text in feeds stays text", () => {
  it.each(FORMATS)("a headline and dek with markup come back as written (%s)", (format, file) => {
    const item = readFeed(format, read(file)).items.find(
      (i) => i.id === `${SITE}/articles/fresh-yesterday/`,
    )!;
    expect(item.title).toBe(HOSTILE_TITLE);
    expect(item.summary).toBe(HOSTILE_DEK);
  });

  it("RSS and Atom hold them as escaped HTML that a reader renders as that text, not as markup", () => {
    const xml = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === "item" || n === "entry" });
    const rss = xml.parse(read("rss.xml")).rss.channel.item[1];
    const atom = xml.parse(read("atom.xml")).feed.entry[1];
    const asHtml = (html: string) => {
      const document = parseDocument(html);
      return [DomUtils.findAll(() => true, document.children).length, DomUtils.textContent(document)];
    };
    expect([rss.title, rss.description].map(asHtml)).toEqual([
      [0, HOSTILE_TITLE],
      [0, HOSTILE_DEK],
    ]);
    expect([atom.title["#text"], atom.summary["#text"]].map(asHtml)).toEqual([
      [0, HOSTILE_TITLE],
      [0, HOSTILE_DEK],
    ]);
  });
});
