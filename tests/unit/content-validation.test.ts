/**
 * One test per validation rule: each feeds a small piece of bad content to the same functions the
 * build uses and checks the message names the file and the field, the bad value and what is accepted.
 */
import { describe, expect, it } from "vitest";
import { NVDA as nvda } from "../support/tickers.ts";
import { z } from "astro/zod";
import {
  ContentError,
  parseContent,
  checkFrontmatter,
  checkReferences,
  type ArticleRef,
  type SnapshotRef,
  authorsFileSchema,
  tagsFileSchema,
  tickersFileSchema,
  type Author,
  type Tag,
  type Ticker,
} from "../../src/lib/content/index.ts";
import { checkSnapshot } from "../../src/lib/prices/index.ts";

/** The problems `parseContent` reports, or [] when the input is valid. */
function problems(schema: z.ZodType, data: unknown, file: string, root?: string): string[] {
  try {
    parseContent(schema, data, file, root);
    return [];
  } catch (error) {
    if (error instanceof ContentError) return [...error.problems];
    throw error;
  }
}

const ARTICLE_FILE = "content/articles/nvidia-rout.mdx";
const validArticle = {
  title: "Nvidia loses close to $600 billion in a day",
  description:
    "The chipmaker's shares fell hardest of any big US company as DeepSeek's cheap models rattled investors.",
  date: "2025-01-27",
  authors: ["markets-desk"],
  tickers: ["nvda", "ixic"],
  tags: ["nvidia", "markets"],
};
const articleProblems = (changes: Record<string, unknown>, drop: readonly string[] = []) => {
  const data = Object.fromEntries(
    Object.entries({ ...validArticle, ...changes }).filter(([key]) => !drop.includes(key)),
  );
  return checkFrontmatter(ARTICLE_FILE, data).problems;
};

describe("article frontmatter", () => {
  it("accepts a valid article and fills defaults", () => {
    expect(checkFrontmatter(ARTICLE_FILE, validArticle)).toEqual({
      data: { ...validArticle, format: "news", draft: false, updates: [], corrections: [] },
      problems: [],
    });
    expect(checkFrontmatter(ARTICLE_FILE, { ...validArticle, tickers: undefined }).data?.tickers).toEqual([]);
  });

  it("accepts an unquoted YAML date (a Date at UTC midnight) as its calendar date", () => {
    const { data } = checkFrontmatter(ARTICLE_FILE, {
      ...validArticle,
      date: new Date("2025-01-27T00:00:00Z"),
    });
    expect(data?.date).toBe("2025-01-27");
  });

  it.each([
    [
      "title is required",
      {},
      ["title"],
      "content/articles/nvidia-rout.mdx: title: is required: the headline",
    ],
    [
      "title is at most 120 characters",
      { title: "N".repeat(121) },
      [],
      "content/articles/nvidia-rout.mdx: title: is 121 characters long; a headline may have at most 120",
    ],
    [
      "description has at least 50 characters",
      { description: "Too short." },
      [],
      "content/articles/nvidia-rout.mdx: description: is 10 characters long; a dek needs 50 to 300 characters",
    ],
    [
      "description has at most 300 characters",
      { description: "d".repeat(301) },
      [],
      "content/articles/nvidia-rout.mdx: description: is 301 characters long; a dek needs 50 to 300 characters",
    ],
    [
      "date is a real calendar date",
      { date: "2025-02-30" },
      [],
      'content/articles/nvidia-rout.mdx: date: "2025-02-30" is not a calendar date; write YYYY-MM-DD, e.g. 2025-01-27',
    ],
    [
      "date is required",
      {},
      ["date"],
      "content/articles/nvidia-rout.mdx: date: is required: a date written YYYY-MM-DD, e.g. 2025-01-27",
    ],
    [
      "authors are required",
      {},
      ["authors"],
      "content/articles/nvidia-rout.mdx: authors: is required: a list of author ids, e.g. [markets-desk]",
    ],
    [
      "authors are a list",
      { authors: "markets-desk" },
      [],
      'content/articles/nvidia-rout.mdx: authors: "markets-desk" is not a list of author ids, e.g. [markets-desk]',
    ],
    [
      "at least one author",
      { authors: [] },
      [],
      "content/articles/nvidia-rout.mdx: authors: is empty; name at least one author from content/authors.yaml",
    ],
    [
      "authors are not repeated",
      { authors: ["data-desk", "data-desk"] },
      [],
      'content/articles/nvidia-rout.mdx: authors[1]: "data-desk" is listed twice; list each author once',
    ],
    [
      "author ids are slugs",
      { authors: ["Markets desk"] },
      [],
      'content/articles/nvidia-rout.mdx: authors[0]: "Markets desk" is not a valid author id: use lowercase letters, digits and single hyphens, e.g. "us-china"',
    ],
    [
      "format is one of the formats",
      { format: "opinion" },
      [],
      'content/articles/nvidia-rout.mdx: format: "opinion" is not an article format; use one of news, analysis, explainer, market-wrap, data',
    ],
    [
      "an update has a date",
      { updates: [{ text: "Added the close." }] },
      [],
      "content/articles/nvidia-rout.mdx: updates[0].date: is required: a date written YYYY-MM-DD, e.g. 2025-01-27",
    ],
    [
      "an update has its text",
      { updates: [{ date: "2025-01-28" }] },
      [],
      "content/articles/nvidia-rout.mdx: updates[0].text: is required: what the update changed, in a sentence or two",
    ],
    [
      "a correction's text is not empty",
      { corrections: [{ date: "2025-01-28", text: "  " }] },
      [],
      "content/articles/nvidia-rout.mdx: corrections[0].text: is empty: what the correction changed, in a sentence or two",
    ],
    [
      "an update is not dated before the article",
      { updates: [{ date: "2025-01-20", text: "Added the close." }] },
      [],
      "content/articles/nvidia-rout.mdx: updates[0].date: 2025-01-20 is before the publication date 2025-01-27; date the update on or after 2025-01-27",
    ],
    [
      "a correction is not dated before the article",
      {
        corrections: [
          { date: "2025-01-28", text: "Fixed a name." },
          { date: "2025-01-26", text: "Fixed a date." },
        ],
      },
      [],
      "content/articles/nvidia-rout.mdx: corrections[1].date: 2025-01-26 is before the publication date 2025-01-27; date the correction on or after 2025-01-27",
    ],
    [
      "notes are a list",
      { corrections: "Fixed a name." },
      [],
      'content/articles/nvidia-rout.mdx: corrections: "Fixed a name." is not a list of corrections, each { date, text }',
    ],
    [
      "a note has only a date and a text",
      { updates: [{ date: "2025-01-28", text: "Added the close.", by: "jane" }] },
      [],
      "content/articles/nvidia-rout.mdx: updates[0].by: is not a known field; the fields are date, text",
    ],
    [
      "ticker ids are slugs",
      { tickers: ["nvda", "NVDA"] },
      [],
      'content/articles/nvidia-rout.mdx: tickers[1]: "NVDA" is not a valid ticker id: use lowercase letters, digits and single hyphens, e.g. "us-china"',
    ],
    [
      "tickers are not repeated",
      { tickers: ["nvda", "nvda"] },
      [],
      'content/articles/nvidia-rout.mdx: tickers[1]: "nvda" is listed twice; list each ticker once',
    ],
    [
      "at least one tag",
      { tags: [] },
      [],
      "content/articles/nvidia-rout.mdx: tags: is empty; give 1 to 8 tags from content/tags.yaml",
    ],
    [
      "at most 8 tags",
      { tags: ["a", "b", "c", "d", "e", "f", "g", "h", "i"] },
      [],
      "content/articles/nvidia-rout.mdx: tags: has 9 tags; an article may have at most 8",
    ],
    [
      "tags are lowercase kebab-case",
      { tags: ["US China"] },
      [],
      'content/articles/nvidia-rout.mdx: tags[0]: "US China" is not a valid tag: use lowercase letters, digits and single hyphens, e.g. "us-china"',
    ],
    [
      "tags are not repeated",
      { tags: ["markets", "markets"] },
      [],
      'content/articles/nvidia-rout.mdx: tags[1]: "markets" is listed twice; list each tag once',
    ],
    [
      "draft is a boolean",
      { draft: "yes" },
      [],
      'content/articles/nvidia-rout.mdx: draft: "yes" is not true or false',
    ],
    [
      "unknown fields are rejected (typos)",
      { tikcers: ["nvda"] },
      [],
      "content/articles/nvidia-rout.mdx: tikcers: is not a known field; the fields are title, description, date, authors, format, tickers, tags, draft, image, updates, corrections",
    ],
    [
      "an image has a text alternative",
      { image: { src: "./chart.png" } },
      [],
      "content/articles/nvidia-rout.mdx: image.alt: is required: a text alternative describing the image",
    ],
    [
      "an image is a path",
      { image: { src: 5, alt: "A chart" } },
      [],
      "content/articles/nvidia-rout.mdx: image.src: 5 is not the path of an image file next to the article, e.g. ./chart.png",
    ],
    [
      "frontmatter is a set of fields",
      null,
      [],
      "content/articles/nvidia-rout.mdx: (frontmatter): null is not an object of fields",
    ],
  ] as const)("%s", (_rule, changes, drop, message) => {
    const found =
      changes === null ? checkFrontmatter(ARTICLE_FILE, null).problems : articleProblems(changes, drop);
    expect(found).toContain(message);
  });
  it("refuses a correction or an update dated after the build date, naming the build date", () => {
    const data = {
      ...validArticle,
      updates: [{ date: "2025-01-28", text: "Added Tuesday's close." }],
      corrections: [{ date: "2025-02-01", text: "Fixed the size of the loss." }],
    };
    expect(checkFrontmatter(ARTICLE_FILE, data, "2025-01-31").problems).toEqual([
      "content/articles/nvidia-rout.mdx: corrections[0].date: 2025-02-01 is after the build date 2025-01-31; date the correction on the day it is made, not ahead",
    ]);
    expect(checkFrontmatter(ARTICLE_FILE, data, "2025-01-27").problems).toEqual([
      "content/articles/nvidia-rout.mdx: updates[0].date: 2025-01-28 is after the build date 2025-01-27; date the update on the day it is made, not ahead",
      "content/articles/nvidia-rout.mdx: corrections[0].date: 2025-02-01 is after the build date 2025-01-27; date the correction on the day it is made, not ahead",
    ]);
    // On the build date itself, both stand.
    expect(checkFrontmatter(ARTICLE_FILE, data, "2025-02-01")).toEqual({
      data: { ...data, format: "news", draft: false },
      problems: [],
    });
  });
});

const SNAPSHOT_FILE = "content/prices/nvda.json";
const source = {
  from: "2025-01-24",
  to: "2025-01-27",
  provider: "file",
  symbol: "NVDA",
  name: "Exchange data",
  reference: "owner/repo:data/NVDA.csv@abc123",
  retrieved: "2025-07-01",
  basis: "as-traded",
};
const validSnapshot = {
  ticker: "nvda",
  currency: "USD",
  basis: "as-traded",
  sources: [source],
  bars: [
    { date: "2025-01-24", open: 148.87, high: 149.02, low: 142.48, close: 142.62, volume: 234657600 },
    { date: "2025-01-27", open: 124.8, high: 128.4, low: 116.7, close: 118.42, volume: 818830900 },
  ],
};
type BarChanges = Record<string, unknown>;
const snapshotProblems = (changes: Record<string, unknown> = {}, secondBar: BarChanges = {}) =>
  checkSnapshot(SNAPSHOT_FILE, {
    ...validSnapshot,
    ...changes,
    bars: changes.bars ?? [validSnapshot.bars[0], { ...validSnapshot.bars[1], ...secondBar }],
  }).problems;

/** BYD's real bars either side of its 3:1 bonus issue of 2025-06-10 (content/prices/byd.json). */
const bydBars = [
  { date: "2025-06-09", open: 406.8, high: 406.8, low: 388, close: 396.6, volume: 20175445 },
  { date: "2025-06-10", open: 132.4, high: 136.2, low: 130.1, close: 135.6, volume: 39625855 },
];
const bonusIssue = {
  date: "2025-06-10",
  kind: "bonus-issue",
  ratio: { from: 1, to: 3 },
  source: "HKEX notice",
};
const bydSnapshot = (changes: Record<string, unknown>) =>
  checkSnapshot("content/prices/byd.json", {
    ticker: "byd",
    currency: "HKD",
    basis: "as-traded",
    sources: [{ ...source, from: "2025-06-09", to: "2025-06-10", symbol: "1211.HK" }],
    bars: bydBars,
    ...changes,
  }).problems;

describe("price snapshots", () => {
  it("accepts a valid snapshot", () => {
    expect(snapshotProblems()).toEqual([]);
  });

  it.each([
    [
      "at least 2 bars",
      { bars: [validSnapshot.bars[0]] },
      {},
      "content/prices/nvda.json: bars: has 1 bar(s); a snapshot needs at least 2",
    ],
    [
      "bar dates are calendar dates",
      {},
      { date: "2025-13-01" },
      'content/prices/nvda.json: bars[1].date: "2025-13-01" is not a calendar date; write YYYY-MM-DD, e.g. 2025-01-27',
    ],
    [
      "bars are on weekdays",
      {},
      { date: "2025-01-25" },
      "content/prices/nvda.json: bars[1].date: 2025-01-25 is a Saturday; exchanges do not trade at weekends, so the source's dates are wrong (check its time zone)",
    ],
    [
      "bar dates ascend",
      {},
      { date: "2025-01-23" },
      "content/prices/nvda.json: bars[1].date: 2025-01-23 comes after 2025-01-24; bars must be in strictly ascending date order",
    ],
    [
      "bar dates are unique",
      {},
      { date: "2025-01-24" },
      "content/prices/nvda.json: bars[1].date: 2025-01-24 appears twice; each trading day has one bar",
    ],
    [
      "prices are above 0",
      {},
      { open: 0 },
      "content/prices/nvda.json: bars[1].open: 0 is not above 0; prices must be positive",
    ],
    [
      "prices are numbers",
      {},
      { close: "118.42" },
      'content/prices/nvda.json: bars[1].close: "118.42" is not a number: the closing price',
    ],
    [
      "prices are finite",
      {},
      { high: Number.POSITIVE_INFINITY },
      "content/prices/nvda.json: bars[1].high: Infinity is not a number: the highest price",
    ],
    [
      "prices lie in a sane range",
      {},
      { high: 1e308 },
      "content/prices/nvda.json: bars[1].high: 1e+308 is outside the range a price can take (0.0001 to 10,000,000); check the source for a broken number",
    ],
    [
      "low is at or below open and close",
      {},
      { low: 120 },
      "content/prices/nvda.json: bars[1].low: 120 is above min(open, close) = 118.42; the low must be at or below both",
    ],
    [
      "high is at or above open and close",
      {},
      { high: 124 },
      "content/prices/nvda.json: bars[1].high: 124 is below max(open, close) = 124.8; the high must be at or above both",
    ],
    [
      "volume is a whole number",
      {},
      { volume: 10.5 },
      "content/prices/nvda.json: bars[1].volume: 10.5 is not a whole number of shares",
    ],
    [
      "volume is not negative",
      {},
      { volume: -5 },
      "content/prices/nvda.json: bars[1].volume: -5 is negative; volume must be 0 or more",
    ],
    [
      "a missing volume is an error while volume is reported",
      {},
      { volume: undefined },
      'content/prices/nvda.json: bars[1].volume: is missing on 2025-01-27; every bar needs its volume (a blank is not 0), or set volume: "not-reported" when the source gives none',
    ],
    [
      "bars have no unknown fields",
      {},
      { adjClose: 118.4 },
      "content/prices/nvda.json: bars[1].adjClose: is not a known field; the fields are date, open, high, low, close, volume",
    ],
    [
      "prices are stored as traded",
      { basis: "split-adjusted" },
      {},
      'content/prices/nvda.json: basis: "split-adjusted" is not a basis; use one of as-traded; store prices as traded and record splits in events',
    ],
    [
      "the old adjusted field is refused, naming the fields",
      { adjusted: "none" },
      {},
      "content/prices/nvda.json: adjusted: is not a known field; the fields are ticker, currency, basis, volume, sources, events, gaps, restatements, bars",
    ],
    [
      "the sources are given",
      { sources: [] },
      {},
      "content/prices/nvda.json: sources: is empty; say where the bars came from",
    ],
    [
      "a source has no unknown fields",
      { sources: [{ ...source, url: "x" }] },
      {},
      "content/prices/nvda.json: sources[0].url: is not a known field; the fields are from, to, provider, symbol, name, reference, retrieved, basis, notes",
    ],
    [
      "the sources cover every bar",
      { sources: [{ ...source, to: "2025-01-24" }] },
      {},
      "content/prices/nvda.json: sources: no source covers the bars from 2025-01-27 to 2025-01-27; add one, or extend the last source's to",
    ],
    [
      "a source starts where the previous one ended",
      { sources: [{ ...source, from: "2025-01-27" }] },
      {},
      "content/prices/nvda.json: sources[0].from: 2025-01-27 should be 2025-01-24, the first bar after the previous source; the sources cover the bars in order",
    ],
    [
      "the time of retrieval is a UTC time or a date",
      { sources: [{ ...source, retrieved: "1 July 2025" }] },
      {},
      'content/prices/nvda.json: sources[0].retrieved: "1 July 2025" is not a time of retrieval; write 2026-12-01T21:35:00Z (UTC), or the date 2026-12-01',
    ],
    [
      "a source's basis is one of the known ones",
      { sources: [{ ...source, basis: "dividend-adjusted" }] },
      {},
      'content/prices/nvda.json: sources[0].basis: "dividend-adjusted" is not a basis; use one of as-traded, split-adjusted',
    ],
    [
      "a gap is a day without a bar",
      { gaps: [{ date: "2025-01-27", reason: "x" }] },
      {},
      "content/prices/nvda.json: gaps[0].date: 2025-01-27 has a bar; a gap is a trading day the data do not have",
    ],
    [
      "a gap has its reason",
      { gaps: [{ date: "2025-01-24", reason: " " }] },
      {},
      "content/prices/nvda.json: gaps[0].reason: is empty: why the day is missing, e.g. every source for it is dividend-adjusted",
    ],
  ] as const)("%s", (_rule, changes, secondBar, message) => {
    expect(snapshotProblems(changes, secondBar)).toContain(message);
  });

  it("accepts bars without volume when the snapshot says it is not reported, and only then", () => {
    const bars = validSnapshot.bars.map((bar) => ({ ...bar, volume: undefined }));
    expect(snapshotProblems({ volume: "not-reported", bars })).toEqual([]);
    expect(snapshotProblems({ volume: "not-reported" })).toContain(
      'content/prices/nvda.json: bars[0].volume: 2025-01-24 has a volume, but the snapshot says volume: "not-reported"; give every bar its volume and set volume: "reported", or remove them all',
    );
  });

  it("refuses a close more than 60% from the previous one unless an event explains it (BYD's bonus issue)", () => {
    expect(bydSnapshot({})).toEqual([
      "content/prices/byd.json: bars[1].close: 135.6 on 2025-06-10 is -65.8% from the previous close 396.6 (2025-06-09); a close may move at most 60% in a day unless an event explains it: check the source, then record the split or bonus issue (kind, ratio, source) or the documented event in events",
    ]);
    expect(bydSnapshot({ events: [bonusIssue] })).toEqual([]);
  });

  it("checks the move on one basis after a split, so a wrong ratio is caught", () => {
    // 396.6 / 10 = 39.66, so 135.6 would be +241.9% after a 10-for-1 split.
    expect(bydSnapshot({ events: [{ ...bonusIssue, ratio: { from: 1, to: 10 } }] })).toEqual([
      "content/prices/byd.json: bars[1].close: 135.6 on 2025-06-10 is +241.9% from the previous close 396.6 (2025-06-09) even after its bonus-issue (10 for 1); a close may move at most 60% in a day unless an event explains it: check the source, then record the split or bonus issue (kind, ratio, source) or the documented event in events",
    ]);
  });

  it("accepts a large move explained by another documented event", () => {
    const event = { date: "2025-06-10", kind: "other", source: "a documented event" };
    expect(bydSnapshot({ events: [event] })).toEqual([]);
  });

  it("needs a ratio for a split and none for other events", () => {
    expect(bydSnapshot({ events: [{ ...bonusIssue, ratio: undefined }] })).toContain(
      "content/prices/byd.json: events[0].ratio: is required for a bonus-issue: write ratio: { from: 1, to: 3 } for 3 new shares for each old one",
    );
    expect(bydSnapshot({ events: [{ ...bonusIssue, kind: "listing" }] })).toContain(
      "content/prices/byd.json: events[0].ratio: only a split or bonus issue has a ratio; leave it out of a listing event",
    );
  });

  it("puts an event inside the data on a trading day of the data", () => {
    expect(bydSnapshot({ events: [bonusIssue, { ...bonusIssue, date: "2025-06-11" }] })).toEqual([]);
    const bars = [bydBars[0], { ...bydBars[1], date: "2025-06-12" }];
    expect(
      bydSnapshot({
        bars,
        sources: [{ ...source, from: "2025-06-09", to: "2025-06-12", symbol: "1211.HK" }],
        events: [bonusIssue],
      }),
    ).toContain(
      "content/prices/byd.json: events[0].date: 2025-06-10 has no bar; an event inside the data takes effect on a trading day of the data",
    );
  });

  it("a snapshot is a set of fields (the whole file, not a frontmatter)", () => {
    expect(checkSnapshot(SNAPSHOT_FILE, []).problems).toEqual([
      "content/prices/nvda.json: (whole file): [] is not an object of fields",
    ]);
  });
});

const TICKERS_FILE = "content/tickers.yaml";
const byd: Ticker = { ...nvda, id: "byd", symbol: "1211.HK", name: "BYD", exchange: "HKEX", currency: "HKD" };

describe("tickers", () => {
  it("accepts valid tickers", () => {
    expect(problems(tickersFileSchema, [nvda, byd], TICKERS_FILE)).toEqual([]);
  });

  it.each([
    [
      "ids are URL slugs",
      { id: "NV DA" },
      'content/tickers.yaml: [1].id: "NV DA" is not a valid ticker id: use lowercase letters, digits and single hyphens, e.g. "us-china"',
    ],
    [
      "ids are unique",
      { id: "nvda" },
      'content/tickers.yaml: [1].id: "nvda" is used by an earlier ticker; ids must be unique',
    ],
    [
      "currency is an ISO 4217 code",
      { currency: "HK$" },
      'content/tickers.yaml: [1].currency: "HK$" is not an ISO 4217 currency code; use e.g. USD or HKD',
    ],
    [
      "kind is one of the known kinds",
      { kind: "share" },
      'content/tickers.yaml: [1].kind: "share" is not a kind; use one of stock, adr, index, etf',
    ],
    [
      "timezone is an IANA zone",
      { timezone: "HKT" },
      'content/tickers.yaml: [1].timezone: "HKT" is not an IANA time zone; use e.g. America/New_York or Asia/Hong_Kong',
    ],
    [
      "a description has text",
      { description: " " },
      "content/tickers.yaml: [1].description: is empty: one or two sentences about the instrument, or leave the field out",
    ],
    [
      "symbol is required",
      { symbol: undefined },
      "content/tickers.yaml: [1].symbol: is required: the symbol as displayed, e.g. NVDA or 1211.HK",
    ],
  ] as const)("%s", (_rule, changes, message) => {
    expect(problems(tickersFileSchema, [nvda, { ...byd, ...changes }], TICKERS_FILE)).toContain(message);
  });
});

describe("a ticker's benchmark", () => {
  const ixic: Ticker = { ...nvda, id: "ixic", symbol: "^IXIC", name: "Nasdaq Composite", kind: "index" };

  it("is another ticker of the file, of kind index", () => {
    expect(problems(tickersFileSchema, [{ ...nvda, benchmark: "ixic" }, ixic], TICKERS_FILE)).toEqual([]);
  });

  it.each([
    [
      "an unknown ticker",
      { benchmark: "spx" },
      'content/tickers.yaml: [0].benchmark: "spx" is not a ticker in this file (known: ixic)',
    ],
    [
      "a ticker that is not an index",
      { benchmark: "byd" },
      'content/tickers.yaml: [0].benchmark: "byd" is a stock, not an index; a benchmark is a ticker of kind index',
    ],
    [
      "the ticker itself",
      { benchmark: "nvda" },
      'content/tickers.yaml: [0].benchmark: "nvda" is the ticker itself; a benchmark is another ticker, an index',
    ],
    [
      "not a ticker id",
      { benchmark: "^IXIC" },
      'content/tickers.yaml: [0].benchmark: "^IXIC" is not a valid ticker id: use lowercase letters, digits and single hyphens, e.g. "us-china"',
    ],
  ] as const)("refuses %s", (_rule, changes, message) => {
    expect(problems(tickersFileSchema, [{ ...nvda, ...changes }, byd, ixic], TICKERS_FILE)).toEqual([
      message,
    ]);
  });
});

describe("tags", () => {
  it("tag ids are unique", () => {
    const tag = { id: "markets", label: "Markets", description: "Share prices." };
    expect(problems(tagsFileSchema, [tag, tag], "content/tags.yaml")).toContain(
      'content/tags.yaml: [1]: "markets" is listed twice; list each tag id once',
    );
  });
});

const markets: Author = {
  id: "markets-desk",
  name: "Markets desk",
  kind: "organization",
  role: "Shares and indices",
  bio: "Covers how shares traded.",
  links: [],
};
const dataDesk: Author = { ...markets, id: "data-desk", name: "Data desk" };

describe("authors", () => {
  const AUTHORS_FILE = "content/authors.yaml";
  const withoutLinks: Record<string, unknown> = { ...markets };
  delete withoutLinks.links;

  it("accepts authors, with links optional", () => {
    expect(parseContent(authorsFileSchema, [withoutLinks], AUTHORS_FILE)).toEqual([markets]);
    const linked = {
      ...dataDesk,
      name: "Data & charts desk",
      links: [{ label: "Profile", url: "https://example.org/data" }],
    };
    expect(problems(authorsFileSchema, [markets, linked], AUTHORS_FILE)).toEqual([]);
  });

  it.each([
    [
      "ids are URL slugs",
      { id: "Data Desk" },
      'content/authors.yaml: [1].id: "Data Desk" is not a valid author id: use lowercase letters, digits and single hyphens, e.g. "us-china"',
    ],
    [
      "ids are unique",
      { id: "markets-desk" },
      'content/authors.yaml: [1]: "markets-desk" is listed twice; list each author id once',
    ],
    [
      "an author is a person or an organisation",
      { kind: "desk" },
      'content/authors.yaml: [1].kind: "desk" is not a kind of author; use one of organization, person',
    ],
    [
      "a name is plain text",
      { name: "Data <b>desk</b>" },
      'content/authors.yaml: [1].name: "Data <b>desk</b>" is not a plain name: write it without <, > or HTML entities such as &amp;',
    ],
    [
      "a name has no HTML entities",
      { name: "Data &amp; charts desk" },
      'content/authors.yaml: [1].name: "Data &amp; charts desk" is not a plain name: write it without <, > or HTML entities such as &amp;',
    ],
    [
      "a bio is required",
      { bio: undefined },
      "content/authors.yaml: [1].bio: is required: one to three sentences about the author, for their page",
    ],
    [
      "a role is not empty",
      { role: "" },
      "content/authors.yaml: [1].role: is empty: what the author covers, in a few words",
    ],
    [
      "a link is a full web address",
      { links: [{ label: "Profile", url: "example.org/data" }] },
      'content/authors.yaml: [1].links[0].url: "example.org/data" is not a web address; write it in full, starting https://',
    ],
    [
      "a link is not a script",
      { links: [{ label: "Profile", url: "javascript:alert(1)" }] },
      'content/authors.yaml: [1].links[0].url: "javascript:alert(1)" is not a web address; write it in full, starting https://',
    ],
    [
      "a link has a label",
      { links: [{ url: "https://example.org/data" }] },
      "content/authors.yaml: [1].links[0].label: is required: what the link is, e.g. Profile",
    ],
  ] as const)("%s", (_rule, changes, message) => {
    expect(problems(authorsFileSchema, [markets, { ...dataDesk, ...changes }], AUTHORS_FILE)).toContain(
      message,
    );
  });

  it("lists at least one author", () => {
    expect(problems(authorsFileSchema, [], AUTHORS_FILE)).toEqual([
      "content/authors.yaml: (whole file): lists no authors; add at least one",
    ]);
  });
});

describe("references across collections", () => {
  const tags: Tag[] = [
    { id: "nvidia", label: "Nvidia", description: "x" },
    { id: "markets", label: "Markets", description: "x" },
  ];
  const ref = (changes: Partial<ArticleRef> = {}): ArticleRef => ({
    file: ARTICLE_FILE,
    id: "nvidia-rout",
    tickers: ["nvda"],
    tags: ["nvidia"],
    authors: ["markets-desk"],
    ...changes,
  });
  const snapshots: SnapshotRef[] = [
    { file: "content/prices/nvda.json", id: "nvda", ticker: "nvda", currency: "USD" },
    { file: "content/prices/byd.json", id: "byd", ticker: "byd", currency: "HKD" },
  ];
  const check = (input: { articles?: ArticleRef[]; tickers?: Ticker[]; snapshots?: SnapshotRef[] }) =>
    checkReferences({
      articles: input.articles ?? [ref()],
      tickers: input.tickers ?? [nvda, byd],
      tags,
      authors: [markets, dataDesk],
      snapshots: input.snapshots ?? snapshots,
    });

  it("accepts content whose references all resolve", () => {
    expect(check({})).toEqual([]);
  });

  it("an article's tickers exist (the message lists the known ids)", () => {
    expect(check({ articles: [ref({ tickers: ["nvda", "nvdaa"] })] })).toEqual([
      'content/articles/nvidia-rout.mdx: tickers[1]: unknown ticker "nvdaa" (known: byd, nvda)',
    ]);
  });

  it("an article's tags are in the vocabulary", () => {
    expect(check({ articles: [ref({ tags: ["nvidia", "chips"] })] })).toEqual([
      'content/articles/nvidia-rout.mdx: tags[1]: unknown tag "chips"; use a tag from content/tags.yaml (known: markets, nvidia) or add it there',
    ]);
  });

  it("an article's authors are in content/authors.yaml", () => {
    expect(check({ articles: [ref({ authors: ["markets-desk", "jane-doe"] })] })).toEqual([
      'content/articles/nvidia-rout.mdx: authors[1]: unknown author "jane-doe"; use an author from content/authors.yaml (known: data-desk, markets-desk) or add them there',
    ]);
  });

  it("two article files cannot share a slug", () => {
    const other = ref({ file: "content/articles/2025/nvidia-rout.mdx" });
    expect(check({ articles: [ref(), other] })).toEqual([
      'content/articles/2025/nvidia-rout.mdx: (file name): slug "nvidia-rout" is already used by content/articles/nvidia-rout.mdx; each article needs a unique file name',
    ]);
  });

  it("a snapshot's currency is its ticker's", () => {
    const wrong = [snapshots[0]!, { ...snapshots[1]!, currency: "USD" }];
    expect(check({ snapshots: wrong })).toEqual([
      'content/prices/byd.json: currency: "USD" differs from byd\'s currency "HKD" in content/tickers.yaml; a snapshot\'s prices must be in its ticker\'s currency',
    ]);
  });

  it("every snapshot belongs to a ticker", () => {
    const extra = { file: "content/prices/tsla.json", id: "tsla", ticker: "tsla", currency: "USD" };
    expect(check({ snapshots: [...snapshots, extra] })).toEqual([
      'content/prices/tsla.json: ticker: unknown ticker "tsla"; every snapshot belongs to a ticker in content/tickers.yaml (known: byd, nvda)',
    ]);
  });

  it("a snapshot's ticker matches its file name", () => {
    const misnamed = [snapshots[0]!, { ...snapshots[1]!, file: "content/prices/bdy.json", id: "bdy" }];
    expect(check({ snapshots: misnamed })).toEqual([
      'content/prices/bdy.json: ticker: "byd" does not match the file name; name the file byd.json or set ticker to "bdy"',
    ]);
  });

  it("a snapshot without a ticker id or currency is left to its own check, and still counts as its file's", () => {
    // Its own check reports the missing field; byd.json is byd's snapshot, so "byd has no price
    // snapshot" would be a second, misleading problem.
    const noTicker = { ...snapshots[1]!, ticker: undefined };
    const noCurrency = { ...snapshots[0]!, currency: undefined };
    expect(check({ snapshots: [noCurrency, noTicker] })).toEqual([]);
  });

  it("every ticker has a snapshot", () => {
    expect(check({ snapshots: [snapshots[0]!] })).toEqual([
      'content/tickers.yaml: [1].id: ticker "byd" has no price snapshot; import one into content/prices/byd.json with npm run import-prices',
    ]);
  });
});
