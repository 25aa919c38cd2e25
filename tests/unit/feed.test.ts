import { describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import {
  buildFeed,
  chartImagePath,
  cleanFeedHtml,
  feedItem,
  leadImageHtml,
  siteChannel,
  tagChannel,
  tickerChannel,
  type FeedArticle,
  type FeedSources,
} from "../../src/lib/feed/index.ts";
import { DomUtils, parseDocument } from "htmlparser2";
import { xmlError } from "../support/feed";
import { NVDA } from "../support/tickers.ts";
import type { Tag, Ticker } from "../../src/lib/content/index.ts";

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

const article = (id: string, date: string, extra: Partial<FeedArticle["data"]> = {}): FeedArticle => ({
  id,
  data: {
    title: `Title of ${id}`,
    description: `Dek of ${id}`,
    date,
    author: "markets-team",
    tags: ["nvidia"],
    tickers: ["nvda"],
    ...extra,
  },
});

const sources = (ids: string[]): FeedSources => ({
  tagById: tags,
  tickerById: tickers,
  html: new Map(ids.map((id) => [id, `<p>Body of ${id} &amp; more</p>`])),
});

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ["item", "category"].includes(name),
});

describe("buildFeed", () => {
  const newer = article("rebound", "2025-01-28", {
    title: "Nvidia <rebounds> & recovers",
    tags: ["nvidia", "us-china"],
    tickers: ["nvda", "ixic"],
  });
  const older = article("rout", "2025-01-27", { author: "newsdesk" });

  async function feed() {
    const xml = await buildFeed(
      tagChannel(tags.get("nvidia")!),
      [newer, older],
      sources(["rebound", "rout"]),
    );
    expect(xmlError(xml)).toBeUndefined();
    return { xml, rss: parser.parse(xml).rss };
  }

  it("writes an RSS 2.0 channel with language, lastBuildDate from the newest item, and atom:link self", async () => {
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

  it("writes each item with permalink guid, RFC 822 date, dek, full HTML, categories and author", async () => {
    const { rss } = await feed();
    const [first, second] = rss.channel.item;
    expect(first.title).toBe("Nvidia <rebounds> & recovers");
    expect(first.link).toBe("https://marketdesk.example/articles/rebound/");
    expect(first.guid).toEqual({ "#text": first.link, "@_isPermaLink": "true" });
    expect(first.pubDate).toBe("Tue, 28 Jan 2025 00:00:00 GMT");
    expect(first.description).toBe("Dek of rebound");
    expect(first["content:encoded"]).toBe("<p>Body of rebound &amp; more</p>");
    expect(first.category).toEqual(["Nvidia", "US–China", "NVDA", "^IXIC"]);
    expect(first["dc:creator"]).toBe("Market Desk markets team");
    expect(second.pubDate).toBe("Mon, 27 Jan 2025 00:00:00 GMT");
    expect(second["dc:creator"]).toBe("Market Desk staff");
  });

  it("carries a dek and a channel description as text, even to a reader that renders <description> as HTML", async () => {
    const dek = '<img src=x onerror="alert(1)"> S&P 500 <b>up</b> &amp; away';
    const tag: Tag = { id: "nvidia", label: "Nvidia", description: "<script>go()</script> chips" };
    const xml = await buildFeed(
      tagChannel(tag),
      [article("rebound", "2025-01-28", { description: dek })],
      sources(["rebound"]),
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
      "<description>&amp;lt;img src=x onerror=&amp;quot;alert(1)&amp;quot;&amp;gt; S&amp;amp;P 500 &amp;lt;b&amp;gt;up&amp;lt;/b&amp;gt; &amp;amp;amp; away</description>",
    );
  });

  it("gives the same bytes for the same input", async () => {
    expect((await feed()).xml).toBe((await feed()).xml);
  });

  it("omits lastBuildDate from a feed with no items", async () => {
    const xml = await buildFeed(siteChannel(), [], sources([]));
    expect(parser.parse(xml).rss.channel.lastBuildDate).toBeUndefined();
  });

  it("names the article when a tag, ticker or rendered body is missing", () => {
    expect(() => feedItem(article("a", "2025-01-01", { tags: ["nope"] }), sources(["a"]))).toThrow(
      'feed: article "a" has no tag "nope"',
    );
    expect(() => feedItem(article("a", "2025-01-01", { tickers: ["zzz"] }), sources(["a"]))).toThrow(
      'feed: article "a" has no ticker "zzz"',
    );
    expect(() => feedItem(article("a", "2025-01-01"), sources([]))).toThrow(
      'feed: article "a" has no rendered body "a"',
    );
  });
});

describe("channels", () => {
  it("point at the page they follow and at their own URL", () => {
    expect(siteChannel()).toMatchObject({ title: "Market Desk", page: "/", self: "/rss.xml" });
    expect(tickerChannel(tickers.get("ixic")!)).toMatchObject({
      title: "Nasdaq Composite (^IXIC) | Market Desk",
      page: "/tickers/ixic/",
      self: "/tickers/ixic/rss.xml",
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
