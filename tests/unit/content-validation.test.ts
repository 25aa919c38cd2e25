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
  tagsFileSchema,
  tickersFileSchema,
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
  author: "newsdesk",
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
      data: { ...validArticle, draft: false },
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
      "updated is not before date",
      { updated: "2025-01-20" },
      [],
      "content/articles/nvidia-rout.mdx: updated: 2025-01-20 is before the publication date 2025-01-27; updated must be on or after date",
    ],
    [
      "author is a defined author",
      { author: "jane" },
      [],
      'content/articles/nvidia-rout.mdx: author: "jane" is not an author; use one of newsdesk, markets-team (authors are defined in src/lib/site/config.ts)',
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
      "content/articles/nvidia-rout.mdx: tikcers: is not a known field; the fields are title, description, date, updated, author, tickers, tags, draft, image",
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
});

const SNAPSHOT_FILE = "content/prices/nvda.json";
const validSnapshot = {
  ticker: "nvda",
  currency: "USD",
  adjusted: "none",
  source: { name: "Exchange data", reference: "owner/repo:data/NVDA.csv@abc123", retrieved: "2025-07-01" },
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
      "adjustment is one of the known kinds",
      { adjusted: "dividends" },
      {},
      'content/prices/nvda.json: adjusted: "dividends" is not an adjustment; use one of none, split, split-dividend',
    ],
    [
      "the source is given",
      { source: undefined },
      {},
      "content/prices/nvda.json: source: is required: an object of fields",
    ],
    [
      "source notes are text",
      { source: { ...validSnapshot.source, notes: 5 } },
      {},
      "content/prices/nvda.json: source.notes: 5 is not text, or leave the field out",
    ],
    [
      "the source says when the data were retrieved",
      { source: { name: "x", reference: "y" } },
      {},
      "content/prices/nvda.json: source.retrieved: is required: a date written YYYY-MM-DD, e.g. 2025-01-27",
    ],
  ] as const)("%s", (_rule, changes, secondBar, message) => {
    expect(snapshotProblems(changes, secondBar)).toContain(message);
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

describe("tags", () => {
  it("tag ids are unique", () => {
    const tag = { id: "markets", label: "Markets", description: "Share prices." };
    expect(problems(tagsFileSchema, [tag, tag], "content/tags.yaml")).toContain(
      'content/tags.yaml: [1]: "markets" is listed twice; list each tag id once',
    );
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
