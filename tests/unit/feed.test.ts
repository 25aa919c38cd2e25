import { describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { DomUtils, parseDocument } from "htmlparser2";
import {
  authorChannel,
  buildFeed,
  chartImagePath,
  carriedByFeeds,
  cleanFeedHtml,
  FEED_SIZE,
  feedEntry,
  leadImageHtml,
  siteChannel,
  tagChannel,
  tickerChannel,
  type FeedArticle,
  type FeedSources,
} from "../../src/lib/feed/index.ts";
import { readFeed, xmlError, type ReadEntry } from "../support/feed";
import { NVDA } from "../support/tickers.ts";
import { articleGroups, type Author, type Tag, type Ticker } from "../../src/lib/content/index.ts";

const PAGE = "https://marketdesk.example/articles/some-story/";

describe("chartImagePath", () => {
  it("names the file by its content: same SVG, same file; different SVG, different file", () => {
    const a = '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0L1 1"/></svg>';
    const b = '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0L1 2"/></svg>';
    // The first 16 hex digits of the SVG's SHA-256 (worked out with sha256sum).
    expect(chartImagePath(a)).toBe("/charts/6a10d486e441c432.svg");
    expect(chartImagePath(a)).not.toBe(chartImagePath(b));
  });
});

const tags = new Map<string, Tag>([
  ["nvidia", { id: "nvidia", label: "Nvidia", description: "The chip designer." }],
  ["us-china", { id: "us-china", label: "US–China", description: "Rivalry & trade." }],
]);
const tickers = new Map<string, Ticker>([
  ["nvda", NVDA],
  ["ixic", { ...NVDA, id: "ixic", symbol: "^IXIC", name: "Nasdaq Composite", kind: "index" }],
]);
const desk = (id: string, name: string): Author => ({
  id,
  name,
  kind: "organization",
  role: "A beat",
  bio: `The ${name}.`,
  links: [],
});
const authors = new Map<string, Author>([
  ["markets-desk", desk("markets-desk", "Markets desk")],
  ["news-desk", desk("news-desk", "News desk")],
  ["data-desk", desk("data-desk", "Data desk")],
]);

const article = (id: string, date: string, extra: Partial<FeedArticle["data"]> = {}): FeedArticle => ({
  id,
  data: {
    title: `Title of ${id}`,
    description: `Dek of ${id}`,
    date,
    authors: ["markets-desk"],
    format: "news",
    tags: ["nvidia"],
    tickers: ["nvda"],
    updates: [],
    corrections: [],
    ...extra,
  },
});

const sources = (ids: string[]): FeedSources => ({
  tagById: tags,
  tickerById: tickers,
  authorById: authors,
  html: new Map(ids.map((id) => [id, `<p>Body of ${id} &amp; more</p>`])),
});

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ["item", "category", "dc:creator"].includes(name),
});

const TODAY = "2025-03-01";
const FORMATS = ["rss", "atom", "json"] as const;

describe("buildFeed: RSS 2.0", () => {
  const newer = article("rebound", "2025-01-28", {
    title: "Nvidia rebounds & recovers",
    format: "analysis",
    tags: ["nvidia", "us-china"],
    tickers: ["nvda", "ixic"],
    authors: ["markets-desk", "data-desk"],
  });
  const older = article("rout", "2025-01-27", { authors: ["news-desk"] });

  async function feed() {
    const xml = await buildFeed(
      "rss",
      tagChannel(tags.get("nvidia")!),
      [newer, older],
      sources(["rebound", "rout"]),
      TODAY,
    );
    expect(xmlError(xml)).toBeUndefined();
    return { xml, rss: parser.parse(xml).rss };
  }

  it("writes a channel with language, lastBuildDate from the newest change, and atom:link self", async () => {
    const { rss } = await feed();
    expect(rss["@_version"]).toBe("2.0");
    expect(rss.channel.title).toBe("Nvidia | Market Desk");
    expect(rss.channel.link).toBe("https://marketdesk.example/tags/nvidia/");
    expect(rss.channel.description).toBe("The chip designer.");
    expect(rss.channel.language).toBe("en");
    expect(rss.channel.lastBuildDate).toBe("Tue, 28 Jan 2025 00:00:00 GMT");
    expect(rss.channel["atom:link"]).toEqual({
      "@_href": "https://marketdesk.example/tags/nvidia/rss.xml",
      "@_rel": "self",
      "@_type": "application/rss+xml",
    });
    expect(rss["@_xmlns:atom"]).toBe("http://www.w3.org/2005/Atom");
  });

  it("writes each item with permalink guid, RFC 822 date, dek, full HTML, categories and every author", async () => {
    const { rss } = await feed();
    const [first, second] = rss.channel.item;
    // Plain text travels as escaped HTML: "&" is "&amp;" once the XML is read.
    expect(first.title).toBe("Nvidia rebounds &amp; recovers");
    expect(first.link).toBe("https://marketdesk.example/articles/rebound/");
    expect(first.guid).toEqual({ "#text": first.link, "@_isPermaLink": "true" });
    expect(first.pubDate).toBe("Tue, 28 Jan 2025 00:00:00 GMT");
    expect(first.description).toBe("Dek of rebound");
    expect(first["content:encoded"]).toBe("<p>Body of rebound &amp; more</p>");
    expect(first.category).toEqual(["Analysis", "Nvidia", "US–China", "NVDA", "^IXIC"]);
    expect(first["dc:creator"]).toEqual(["Markets desk", "Data desk"]);
    expect(second.pubDate).toBe("Mon, 27 Jan 2025 00:00:00 GMT");
    expect(second.category).toEqual(["News", "Nvidia", "NVDA"]);
    expect(second["dc:creator"]).toEqual(["News desk"]);
  });

  it("carries a dek and a channel description as text, even to a reader that renders <description> as HTML", async () => {
    const dek = '<img src=x onerror="alert(1)"> S&P 500 <b>up</b> &amp; away';
    const tag: Tag = { id: "nvidia", label: "Nvidia", description: "<script>go()</script> chips" };
    const xml = await buildFeed(
      "rss",
      tagChannel(tag),
      [article("rebound", "2025-01-28", { description: dek })],
      sources(["rebound"]),
      TODAY,
    );
    expect(xmlError(xml)).toBeUndefined();
    const rss = parser.parse(xml).rss;
    const asHtml = (value: string) => {
      const document = parseDocument(value);
      return {
        elements: DomUtils.findAll(() => true, document.children).length,
        text: DomUtils.textContent(document),
      };
    };
    expect(asHtml(rss.channel.item[0].description)).toEqual({ elements: 0, text: dek });
    expect(asHtml(rss.channel.description)).toEqual({ elements: 0, text: "<script>go()</script> chips" });
    // Written out by hand: escaped as HTML, then as XML.
    expect(xml).toContain(
      "<description>&amp;lt;img src=x onerror=&quot;alert(1)&quot;&amp;gt; S&amp;amp;P 500 &amp;lt;b&amp;gt;up&amp;lt;/b&amp;gt; &amp;amp;amp; away</description>",
    );
  });

  it("gives the same bytes for the same input", async () => {
    expect((await feed()).xml).toBe((await feed()).xml);
  });

  it("omits lastBuildDate from a feed with no items", async () => {
    const xml = await buildFeed("rss", siteChannel(), [], sources([]), TODAY);
    expect(parser.parse(xml).rss.channel.lastBuildDate).toBeUndefined();
  });
});

describe("feedEntry, the one item builder", () => {
  it("names the article when a tag, ticker, author or rendered body is missing", () => {
    expect(() => feedEntry(article("a", "2025-01-01", { tags: ["nope"] }), sources(["a"]))).toThrow(
      'feed: article "a" has no tag "nope"',
    );
    expect(() => feedEntry(article("a", "2025-01-01", { tickers: ["zzz"] }), sources(["a"]))).toThrow(
      'feed: article "a" has no ticker "zzz"',
    );
    expect(() => feedEntry(article("a", "2025-01-01", { authors: ["jane"] }), sources(["a"]))).toThrow(
      'feed: article "a" has no author "jane"',
    );
    expect(() => feedEntry(article("a", "2025-01-01"), sources([]))).toThrow(
      'feed: article "a" has no rendered body "a"',
    );
  });

  it("puts corrections, then updates, newest first, before the body, and dates the change", () => {
    const entry = feedEntry(
      article("a", "2025-01-27", {
        updates: [
          { date: "2025-01-28", text: "Added Tuesday's close." },
          { date: "2025-01-29", text: "Added Wednesday's." },
        ],
        corrections: [{ date: "2025-01-30", text: "The fall was 16.97%, not 17% & more." }],
      }),
      sources(["a"]),
    );
    expect(entry.contentHtml).toBe(
      "<p><strong>Correction, 30 January 2025:</strong> The fall was 16.97%, not 17% &amp; more.</p>" +
        "<p><strong>Updated 29 January 2025:</strong> Added Wednesday's.</p>" +
        "<p><strong>Updated 28 January 2025:</strong> Added Tuesday's close.</p>" +
        "<p>Body of a &amp; more</p>",
    );
    expect(entry).toMatchObject({ published: "2025-01-27", modified: "2025-01-30" });
  });
});

describe("the three formats", () => {
  const corrected = article("corrected", "2025-02-11", {
    authors: ["news-desk", "data-desk"],
    format: "explainer",
    tags: ["nvidia", "us-china"],
    tickers: ["ixic"],
    corrections: [{ date: "2025-02-13", text: "Corrected the index's close." }],
    updates: [{ date: "2025-02-12", text: "Added the next session." }],
  });
  const plain = article("plain", "2025-01-27");
  const list = [corrected, plain];
  const read = async (format: (typeof FORMATS)[number], articles = list) =>
    readFeed(
      format,
      await buildFeed(
        format,
        authorChannel(authors.get("news-desk")!),
        articles,
        sources(["corrected", "plain"]),
        TODAY,
      ),
    );

  it.each(FORMATS)("%s is a valid feed that names itself and the page it follows", async (format) => {
    const feed = await read(format);
    expect(feed.title).toBe("News desk | Market Desk");
    expect(feed.description).toBe("The News desk.");
    expect(feed.home).toBe("https://marketdesk.example/authors/news-desk/");
    expect(feed.self).toBe(
      `https://marketdesk.example/authors/news-desk/${{ rss: "rss.xml", atom: "atom.xml", json: "feed.json" }[format]}`,
    );
  });

  it("carry the same items, ids, dates, authors, categories and content, item by item", async () => {
    const [rss, atom, json] = await Promise.all(FORMATS.map((format) => read(format)));
    expect(json!.items).toEqual([
      {
        id: "https://marketdesk.example/articles/corrected/",
        url: "https://marketdesk.example/articles/corrected/",
        title: "Title of corrected",
        summary: "Dek of corrected",
        contentHtml:
          "<p><strong>Correction, 13 February 2025:</strong> Corrected the index's close.</p>" +
          "<p><strong>Updated 12 February 2025:</strong> Added the next session.</p>" +
          "<p>Body of corrected &amp; more</p>",
        published: "2025-02-11T00:00:00.000Z",
        modified: "2025-02-13T00:00:00.000Z",
        authors: ["News desk", "Data desk"],
        categories: ["Explainer", "Nvidia", "US–China", "^IXIC"],
      },
      {
        id: "https://marketdesk.example/articles/plain/",
        url: "https://marketdesk.example/articles/plain/",
        title: "Title of plain",
        summary: "Dek of plain",
        contentHtml: "<p>Body of plain &amp; more</p>",
        published: "2025-01-27T00:00:00.000Z",
        modified: "2025-01-27T00:00:00.000Z",
        authors: ["Markets desk"],
        categories: ["News", "Nvidia", "NVDA"],
      },
    ]);
    expect(atom!.items).toEqual(json!.items);
    // RSS has no modified date; everything else is the same.
    const withoutModified = (items: ReadEntry[]) => items.map((item) => ({ ...item, modified: "" }));
    expect(withoutModified(rss!.items)).toEqual(withoutModified(json!.items));
  });

  it("keep an item's id and publication date when a correction or an update is added", async () => {
    const untouched = article("corrected", "2025-02-11", { ...corrected.data, corrections: [], updates: [] });
    for (const format of FORMATS) {
      const before = (await read(format, [untouched, plain])).items[0]!;
      const after = (await read(format, list)).items[0]!;
      expect([after.id, after.published], format).toEqual([before.id, before.published]);
      expect(after.contentHtml.endsWith(before.contentHtml), format).toBe(true);
    }
  });

  it(`hold the newest ${FEED_SIZE} items, newest first`, async () => {
    const many = Array.from({ length: FEED_SIZE + 5 }, (_, i) =>
      article(`a${i}`, `2025-0${1 + Math.floor(i / 28)}-${String((i % 28) + 1).padStart(2, "0")}`),
    ).reverse();
    const bodies = sources(many.map((a) => a.id));
    for (const format of FORMATS) {
      const feed = readFeed(format, await buildFeed(format, siteChannel(), many, bodies, TODAY));
      expect(
        feed.items.map((item) => item.id),
        format,
      ).toEqual(many.slice(0, FEED_SIZE).map((a) => `https://marketdesk.example/articles/${a.id}/`));
    }
    expect(FEED_SIZE).toBe(50);
  });

  it("date an empty Atom feed by the build date; the others are valid with no items", async () => {
    for (const format of FORMATS) {
      expect(readFeed(format, await buildFeed(format, siteChannel(), [], sources([]), TODAY)).items).toEqual(
        [],
      );
    }
    const atom = await buildFeed("atom", siteChannel(), [], sources([]), TODAY);
    expect(parser.parse(atom).feed.updated).toBe("2025-03-01T00:00:00.000Z");
  });
});

describe("text in feeds stays text", () => {
  // What a careless or hostile contributor might write in a headline, a dek, a tag label or a name.
  const cases = [
    "AT&T & <b>bold</b> claims",
    'An <img src=x onerror="alert(1)"> in a dek that a reader renders as HTML, then more words to fill it',
    "Literal entity text: &amp; &lt;script&gt; &#60;b&#62; stays as written",
    "Quotes \"double\" and 'single', a CDATA end ]]> and a < b > c",
  ];
  // Names are plain text by their schema (no markup, no entities); what they may hold still comes back.
  const NAME = `Charts & "data" desk's`;
  const hostile = (text: string): FeedArticle =>
    article("hostile", "2025-02-03", { title: text, description: text, tags: ["odd"], authors: ["odd"] });
  const oddSources = (text: string): FeedSources => ({
    ...sources(["hostile"]),
    tagById: new Map([["odd", { id: "odd", label: text, description: text }]]),
    authorById: new Map([["odd", desk("odd", NAME)]]),
  });

  it.each(FORMATS.flatMap((format) => cases.map((text) => [format, text] as const)))(
    "%s: %s comes back as written",
    async (format, text) => {
      const xml = await buildFeed(
        format,
        tagChannel({ id: "odd", label: text, description: text }),
        [hostile(text)],
        oddSources(text),
        TODAY,
      );
      const feed = readFeed(format, xml);
      const [item] = feed.items;
      expect(feed.title).toBe(`${text} | Market Desk`);
      expect(feed.description).toBe(text);
      expect(item!.title).toBe(text);
      expect(item!.summary).toBe(text);
      expect(item!.categories).toEqual(["News", text, "NVDA"]);
      expect(item!.authors).toEqual([NAME]);
    },
  );

  it.each(cases)(
    "RSS: a reader that renders the description as HTML gets text, not markup: %s",
    async (text) => {
      const xml = await buildFeed("rss", siteChannel(), [hostile(text)], oddSources(text), TODAY);
      const item = parser.parse(xml).rss.channel.item[0];
      const asHtml = (html: unknown) => {
        const document = parseDocument(String(html));
        return {
          elements: DomUtils.findAll(() => true, document.children),
          text: DomUtils.textContent(document),
        };
      };
      const fields = [item.title, item.description, item.category[1]].map(asHtml);
      expect(fields).toEqual([0, 1, 2].map(() => ({ elements: [], text })));
      expect(asHtml(item["dc:creator"][0])).toEqual({ elements: [], text: NAME });
    },
  );

  it.each(cases)("Atom: titles and summaries are type html holding escaped text: %s", async (text) => {
    const xml = await buildFeed("atom", siteChannel(), [hostile(text)], oddSources(text), TODAY);
    const entry = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === "entry" }).parse(xml).feed
      .entry[0];
    for (const field of [entry.title, entry.summary]) {
      expect(field["@_type"]).toBe("html");
      const document = parseDocument(String(field["#text"]));
      expect(DomUtils.findAll(() => true, document.children)).toEqual([]);
      expect(DomUtils.textContent(document)).toBe(text);
    }
  });
});

describe("channels", () => {
  it("point at the page they follow and at their own files in every format", () => {
    expect(siteChannel()).toMatchObject({
      title: "Market Desk",
      page: "/",
      files: { rss: "/rss.xml", atom: "/atom.xml", json: "/feed.json" },
    });
    expect(tickerChannel(tickers.get("ixic")!)).toMatchObject({
      title: "Nasdaq Composite (^IXIC) | Market Desk",
      page: "/tickers/ixic/",
      files: {
        rss: "/tickers/ixic/rss.xml",
        atom: "/tickers/ixic/atom.xml",
        json: "/tickers/ixic/feed.json",
      },
    });
    expect(authorChannel(authors.get("data-desk")!)).toEqual({
      title: "Data desk | Market Desk",
      description: "The Data desk.",
      page: "/authors/data-desk/",
      files: {
        rss: "/authors/data-desk/rss.xml",
        atom: "/authors/data-desk/atom.xml",
        json: "/authors/data-desk/feed.json",
      },
    });
  });
});

describe("xmlError, the well-formedness check the feed tests use", () => {
  it("accepts a well-formed document and names what is wrong with a broken one", () => {
    expect(xmlError('<?xml version="1.0"?><rss><c a="1">&amp; &#8217;<d/></c></rss>')).toBeUndefined();
    expect(xmlError("<rss><c></rss>")).toMatch(/close tag/);
    expect(xmlError("<rss>S&P</rss>")).toBeDefined();
    expect(xmlError("<rss>&nbsp;</rss>")).toMatch(/undefined entity/);
    expect(xmlError("<rss/><rss/>")).toMatch(/only one root/);
    expect(xmlError("<rss><content:encoded/></rss>")).toMatch(/unbound namespace prefix/);
  });
});

describe("leadImageHtml", () => {
  it("writes the image with escaped alt text, ready for cleanFeedHtml to make its URL absolute", () => {
    const html = leadImageHtml({
      src: "/_astro/lead.Ab12.jpg",
      alt: "BYD's \"God's Eye\" & more",
      width: 1200,
      height: 675,
    });
    expect(cleanFeedHtml(html, PAGE)).toBe(
      '<figure><img src="https://marketdesk.example/_astro/lead.Ab12.jpg" alt="BYD&#x27;s &quot;God&#x27;s Eye&quot; &amp; more" width="1200" height="675"></figure>',
    );
  });
});

describe("carriedByFeeds", () => {
  const article = (
    id: string,
    tags: string[],
    tickers = ["nvda"],
    authors = ["ann"],
    date = "2025-01-27",
  ) => ({
    id,
    data: { title: id, date, draft: false, tags, tickers, authors },
  });
  const feeds = (articles: ReturnType<typeof article>[]) =>
    carriedByFeeds(articleGroups(articles, { today: "2025-12-31", showUnpublished: false }));
  // 55 articles of one day in one tag, ticker and author, then an older one alone in its tag.
  const busy = Array.from({ length: 55 }, (_, i) =>
    article(`busy-${String(i).padStart(2, "0")}`, ["nvidia"]),
  );
  const lone = article("lone-old", ["us-china"], ["nvda"], ["ann"], "2024-06-03");

  it("carries the newest 50 of every feed, and an old article that a small tag's feed still holds", () => {
    expect([...feeds([...busy, lone])].sort()).toEqual([
      ...Array.from({ length: 50 }, (_, i) => `busy-${String(i).padStart(2, "0")}`),
      "lone-old",
    ]);
  });

  it("counts each ticker's and author's feed on its own", () => {
    const other = article("other-author", ["nvidia"], ["nvda"], ["bob"]);
    const viaTicker = article("other-ticker", ["nvidia"], ["ixic"]);
    const carried = feeds([...busy, other, viaTicker]);
    expect(carried.has("other-author")).toBe(true);
    expect(carried.has("other-ticker")).toBe(true);
    expect(carried.has("busy-52")).toBe(false);
  });

  it("leaves out what no feed shows: a scheduled article", () => {
    const scheduled = article("scheduled", ["us-china"], ["ixic"], ["bob"], "2026-03-01");
    expect(feeds([...busy, scheduled]).has("scheduled")).toBe(false);
  });
});
