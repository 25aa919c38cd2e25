import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DomUtils, parseDocument } from "htmlparser2";
import { parse as parseYaml } from "yaml";
import { DIST, distFiles, readDist } from "../support/dist";
import { parseFeed, readFeed, xmlError, type FeedFormatName, type ParsedItem } from "../support/feed";
import { site } from "../../src/lib/site/index.ts";

// ---------------------------------------------------------------------------------------------------
// What the feeds should hold, read straight from content/ (not through the code that builds them).

interface Source {
  slug: string;
  title: string;
  description: string;
  date: string;
  /** The day it last changed: its latest correction or update, else its date. */
  modified: string;
  authors: string[];
  format: string;
  tags: string[];
  tickers: string[];
  draft: boolean;
  body: string;
}

function readArticle(file: string): Source {
  const text = readFileSync(join("content/articles", file), "utf8");
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: no frontmatter`);
  const data = parseYaml(match[1]!) as Record<string, unknown>;
  const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
  const date = day(data.date);
  const notes = [
    ...((data.updates as { date: unknown }[]) ?? []),
    ...((data.corrections as { date: unknown }[]) ?? []),
  ];
  return {
    slug: file.replace(/\.mdx$/, ""),
    title: String(data.title),
    description: String(data.description),
    date,
    modified: notes.map((n) => day(n.date)).reduce((a, b) => (b > a ? b : a), date),
    authors: data.authors as string[],
    format: (data.format as string | undefined) ?? "news",
    tags: (data.tags as string[] | undefined) ?? [],
    tickers: (data.tickers as string[] | undefined) ?? [],
    draft: data.draft === true,
    body: match[2]!,
  };
}

const today = process.env.BUILD_DATE ?? new Date().toISOString().slice(0, 10);
const published = readdirSync("content/articles")
  .filter((f) => f.endsWith(".mdx") && !f.startsWith("_"))
  .map(readArticle)
  .filter((a) => !a.draft && a.date <= today);
const bySlug = new Map(published.map((a) => [a.slug, a]));
const tickerSymbols = new Map(
  (parseYaml(readFileSync("content/tickers.yaml", "utf8")) as { id: string; symbol: string }[]).map((t) => [
    t.id,
    t.symbol,
  ]),
);
const authorNames = new Map(
  (parseYaml(readFileSync("content/authors.yaml", "utf8")) as { id: string; name: string }[]).map((a) => [
    a.id,
    a.name,
  ]),
);
/** The format labels, as written here (not read from the code that writes the feeds). */
const formatLabels: Record<string, string> = {
  news: "News",
  analysis: "Analysis",
  explainer: "Explainer",
  "market-wrap": "Market wrap",
  data: "Data",
};
const tagLabels = new Map(
  (parseYaml(readFileSync("content/tags.yaml", "utf8")) as { id: string; label: string }[]).map((t) => [
    t.id,
    t.label,
  ]),
);

/** Feed file -> the slugs it must carry. */
const expectedFeeds = new Map<string, Set<string>>([["rss.xml", new Set(published.map((a) => a.slug))]]);
for (const article of published) {
  for (const tag of article.tags) {
    const file = `tags/${tag}/rss.xml`;
    expectedFeeds.set(file, (expectedFeeds.get(file) ?? new Set()).add(article.slug));
  }
  for (const ticker of article.tickers) {
    const file = `tickers/${ticker}/rss.xml`;
    expectedFeeds.set(file, (expectedFeeds.get(file) ?? new Set()).add(article.slug));
  }
  for (const author of article.authors) {
    const file = `authors/${author}/rss.xml`;
    expectedFeeds.set(file, (expectedFeeds.get(file) ?? new Set()).add(article.slug));
  }
}

/** Every feed is published in three formats, side by side. */
const FORMAT_FILES: Record<FeedFormatName, string> = { rss: "rss.xml", atom: "atom.xml", json: "feed.json" };
const inFormat = (rssFile: string, format: FeedFormatName) =>
  rssFile.replace(/rss\.xml$/, FORMAT_FILES[format]);

const feedFiles = distFiles(".xml").filter((f) => f.endsWith("rss.xml"));
const feeds = new Map(feedFiles.map((file) => [file, parseFeed(readDist(file), file)]));
const slugOf = (link: string) => /\/articles\/([^/]+)\/$/.exec(new URL(link).pathname)?.[1] ?? link;

/** Prose as an editor types it and as the renderer prints it, made comparable. */
const normalise = (text: string) =>
  text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ").trim();

/**
 * The prose of an MDX body as plain text: each paragraph (no headings, tables, lists or component
 * blocks) with link markup and emphasis removed, cut at its inline components (whose text the data
 * give), keeping the pieces of three words or more.
 */
function proseFragments(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "" && !/^[#<>|!\-*\d{]/.test(p))
    .flatMap((p) =>
      p
        .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
        .replace(/[*_`]/g, "")
        .split(/<[A-Z][A-Za-z]*\b[^>]*\/>/),
    )
    .map(normalise)
    .filter((fragment) => fragment.split(" ").length >= 3);
}

/** The dist/ file a site URL is served from, or undefined for a URL off the site. */
function distFileOf(url: string): string | undefined {
  if (!url.startsWith(`${site.url}/`)) return undefined;
  const path = decodeURIComponent(new URL(url).pathname);
  return path.endsWith("/") ? join(DIST, path, "index.html") : join(DIST, path);
}

function items(): { file: string; item: ParsedItem }[] {
  return [...feeds].flatMap(([file, feed]) => feed.channel.item.map((item) => ({ file, item })));
}

// ---------------------------------------------------------------------------------------------------

describe("the feeds built", () => {
  it("are exactly the site feed, one per tag with articles and one per ticker with articles", () => {
    expect(published.length).toBeGreaterThan(0);
    expect([...feeds.keys()].sort()).toEqual([...expectedFeeds.keys()].sort());
  });

  it.each(feedFiles)("%s carries every published article it should, newest first, once", (file) => {
    const list = feeds.get(file)!.channel.item;
    const slugs = list.map((item) => slugOf(item.link));
    expect(new Set(slugs)).toEqual(expectedFeeds.get(file));
    expect(slugs).toHaveLength(new Set(slugs).size);
    const dates = list.map((item) => Date.parse(item.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });
});

describe.each(feedFiles)("%s", (file) => {
  const feed = feeds.get(file)!;

  it("is well-formed RSS 2.0 with the required channel elements", () => {
    expect(xmlError(readDist(file))).toBeUndefined();
    expect(feed["@_version"]).toBe("2.0");
    expect(feed.channel.title).toMatch(new RegExp(`${site.name}$`));
    expect(feed.channel.description.length).toBeGreaterThan(10);
    expect(feed.channel.link).toBe(`${site.url}/${file.replace(/rss\.xml$/, "")}`);
    expect(feed.channel.language).toBe(site.lang);
    expect(existsSync(distFileOf(feed.channel.link)!), `${feed.channel.link} is built`).toBe(true);
  });

  it("names itself with atom:link rel=self and dates itself by its items' latest change", () => {
    expect(feed.channel["atom:link"]).toEqual({
      "@_href": `${site.url}/${file}`,
      "@_rel": "self",
      "@_type": "application/rss+xml",
    });
    const newest = feed.channel.item
      .map((item) => bySlug.get(slugOf(item.link))!.modified)
      .reduce((a, b) => (b > a ? b : a));
    expect(feed.channel.lastBuildDate).toBe(new Date(`${newest}T00:00:00Z`).toUTCString());
  });

  it("is published as Atom 1.0 and JSON Feed 1.1 too, with the same items, ids, dates and content", () => {
    const [rss, atom, json] = (["rss", "atom", "json"] as const).map((format) =>
      readFeed(format, readDist(inFormat(file, format))),
    );
    expect(atom!.self).toBe(`${site.url}/${inFormat(file, "atom")}`);
    expect(json!.self).toBe(`${site.url}/${inFormat(file, "json")}`);
    for (const other of [atom!, json!]) {
      expect(other.title).toBe(rss!.title);
      expect(other.home).toBe(rss!.home);
      expect(other.items.length).toBe(rss!.items.length);
      other.items.forEach((item, i) => {
        // RSS has no modified date: compare everything else.
        expect({ ...item, modified: "" }, item.id).toEqual({ ...rss!.items[i]!, modified: "" });
        expect(item.modified, item.id).toBe(`${bySlug.get(slugOf(item.url))!.modified}T00:00:00.000Z`);
      });
    }
  });

  it("holds at most the newest 50 articles", () => {
    expect(feed.channel.item.length).toBeLessThanOrEqual(50);
  });
});

describe.each(items().filter(({ file }) => file === "rss.xml"))("site feed item $item.link", ({ item }) => {
  const source = bySlug.get(slugOf(item.link))!;

  it("links to a built article page and uses that permanent URL as guid", () => {
    expect(source).toBeDefined();
    expect(item.link).toBe(`${site.url}/articles/${source.slug}/`);
    expect(existsSync(distFileOf(item.link)!)).toBe(true);
    expect(item.guid).toEqual({ "#text": item.link, "@_isPermaLink": "true" });
    expect(item.title).toBe(source.title);
  });

  it("is dated by the article's date in RFC 822", () => {
    expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} 00:00:00 GMT$/);
    expect(new Date(item.pubDate).toISOString().slice(0, 10)).toBe(source.date);
  });

  it("has the dek, every author, and a category for the format, each tag and each ticker symbol", () => {
    // <description> holds HTML: read as HTML, it is the dek as written, with no element in it.
    const dek = parseDocument(item.description);
    expect(DomUtils.findAll(() => true, dek.children)).toEqual([]);
    expect(DomUtils.textContent(dek)).toBe(source.description);
    expect(item["dc:creator"]).toEqual(source.authors.map((a) => authorNames.get(a)));
    expect(item.category).toEqual([
      formatLabels[source.format],
      ...source.tags.map((t) => tagLabels.get(t)),
      ...source.tickers.map((t) => tickerSymbols.get(t)),
    ]);
  });

  it.each(["rss", "atom", "json"] as const)(
    "reads, in a feed parser, with the headline and dek exactly as written (%s)",
    (format) => {
      const read = readFeed(format, readDist(inFormat("rss.xml", format)));
      const entry = read.items.find((e) => e.url === item.link)!;
      expect(entry.title).toBe(source.title);
      expect(entry.summary).toBe(source.description);
      expect(entry.published).toBe(`${source.date}T00:00:00.000Z`);
    },
  );

  const html = item["content:encoded"];
  const document = parseDocument(html);

  it("carries the whole article body as HTML", () => {
    const text = normalise(DomUtils.textContent(document));
    const fragments = proseFragments(source.body);
    expect(fragments.length).toBeGreaterThan(0);
    for (const fragment of fragments) expect(text).toContain(fragment);
  });

  it("has only absolute link and image URLs, and nothing that needs scripts or the site's CSS", () => {
    const elements = DomUtils.findAll(() => true, document.children);
    for (const element of elements) {
      for (const name of ["href", "src"]) {
        const value = element.attribs[name];
        if (value !== undefined) expect(value, `${element.name} ${name}`).toMatch(/^(https?:|mailto:)/);
      }
      expect(Object.keys(element.attribs).filter((name) => /^(style|on|class$|data-)/.test(name))).toEqual(
        [],
      );
      expect(["script", "style", "canvas", "template", "iframe"]).not.toContain(element.name);
    }
  });

  it("links only to pages and files that exist on the site", () => {
    const urls = DomUtils.findAll((e) => "href" in e.attribs || "src" in e.attribs, document.children).map(
      (e) => (e.attribs.href ?? e.attribs.src)!.replace(/#.*$/, ""),
    );
    const internal = urls.filter((url) => distFileOf(url) !== undefined);
    expect(internal.length).toBeGreaterThan(0);
    for (const url of internal) expect(existsSync(distFileOf(url)!), `${url} is built`).toBe(true);
  });

  it("shows each chart as a static image file from dist/ with its caption", () => {
    const charts = (source.body.match(/<(PriceChart|CompareChart)\b/g) ?? []).length;
    const figures = DomUtils.findAll((e) => e.name === "figure", document.children).filter((figure) =>
      DomUtils.findOne((e) => e.name === "img", figure.children),
    );
    expect(figures).toHaveLength(charts);
    for (const figure of figures) {
      const img = DomUtils.findOne((e) => e.name === "img", figure.children)!;
      const src = img.attribs.src ?? "";
      expect(src).toMatch(new RegExp(`^${site.url}/charts/[^/]+\\.svg$`));
      const file = distFileOf(src)!;
      expect(existsSync(file), `${src} is in dist/`).toBe(true);
      const svg = readFileSync(file, "utf8");
      expect(xmlError(svg)).toBeUndefined();
      expect(svg).toMatch(/^(<\?xml[^>]*>\s*)?<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(img.attribs.alt?.trim()).toBeTruthy();
      expect(Number(img.attribs.width)).toBeGreaterThan(0);
      expect(Number(img.attribs.height)).toBeGreaterThan(0);
      const caption = DomUtils.findOne((e) => e.name === "figcaption", figure.children);
      expect(caption && DomUtils.textContent(caption).trim().length).toBeGreaterThan(20);
    }
  });
});

describe("every item in every feed", () => {
  it("has a guid unique within its feed, the same in every feed that carries the article", () => {
    const guidBySlug = new Map<string, string>();
    for (const [file, feed] of feeds) {
      const guids = feed.channel.item.map((item) => item.guid["#text"]);
      expect(new Set(guids).size, file).toBe(guids.length);
      for (const item of feed.channel.item) {
        const slug = slugOf(item.link);
        expect(item.guid["#text"], `${file} ${slug}`).toBe(guidBySlug.get(slug) ?? item.guid["#text"]);
        guidBySlug.set(slug, item.guid["#text"]);
      }
    }
  });

  it("is the same item as in the site feed", () => {
    const inSiteFeed = new Map(feeds.get("rss.xml")!.channel.item.map((item) => [item.link, item]));
    for (const { file, item } of items())
      expect(item, `${file} ${item.link}`).toEqual(inSiteFeed.get(item.link));
  });
});
