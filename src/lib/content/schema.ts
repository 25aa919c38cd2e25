/**
 * Schemas of the site's content files: articles, tickers and tags (price snapshots: ../prices/snapshot.ts).
 * `src/content.config.ts` and `npm run check:content` both validate with these, and the tests feed them
 * bad fixtures, so an editor gets the same message everywhere.
 */
import { z } from "astro/zod";
import { knownIds, show } from "./errors.ts";
import { SLUG } from "./slug.ts";
import { calendarDate, choice, expected, nonEmpty, noDuplicates, slug, strict } from "./fields.ts";
import { ARTICLE_FORMATS, DEFAULT_FORMAT, type ArticleFormatId } from "./formats.ts";

// ---------------------------------------------------------------------------------------------------
// Tickers: content/tickers.yaml

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));
const TIME_ZONES = new Set(Intl.supportedValuesOf("timeZone"));

const tickerKinds = ["stock", "adr", "index", "etf"] as const;

/** A provider's name: `yahoo`, or `csv:<name>` for a configured CSV source. */
const PROVIDER = /^(yahoo|csv:[a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** One instrument the site tracks. */
export const tickerSchema = strict({
  /** URL slug and the id articles use: `nvda` gives /tickers/nvda/ and `tickers: [nvda]`. */
  id: slug("ticker id"),
  /** Symbol as readers know it: `NVDA`, `1211.HK`, `^IXIC`. */
  symbol: nonEmpty("the symbol as displayed, e.g. NVDA or 1211.HK"),
  /** Short display name used in captions and lists: "Nvidia", "Nasdaq Composite". */
  name: nonEmpty("a short display name, e.g. Nvidia"),
  /** Listing venue: "NASDAQ", "HKEX", "NYSE". */
  exchange: nonEmpty("the exchange, e.g. NASDAQ or HKEX"),
  /** ISO 4217 code of the prices: "USD", "HKD". */
  currency: z
    .string({ error: expected("an ISO 4217 currency code such as USD") })
    .refine((code) => CURRENCIES.has(code), {
      error: (issue) => `${show(issue.input)} is not an ISO 4217 currency code; use e.g. USD or HKD`,
    }),
  /** What kind of instrument: an index's figures are points, not money. */
  kind: choice(tickerKinds, "a kind"),
  /** IANA time zone of the exchange: "America/New_York", "Asia/Hong_Kong". */
  timezone: z
    .string({ error: expected("the exchange's IANA time zone, e.g. America/New_York") })
    .refine((zone) => TIME_ZONES.has(zone), {
      error: (issue) =>
        `${show(issue.input)} is not an IANA time zone; use e.g. America/New_York or Asia/Hong_Kong`,
    }),
  /** One or two sentences for the ticker page. */
  description: nonEmpty("one or two sentences about the instrument, or leave the field out").optional(),
  /**
   * Where `npm run update-prices` fetches new days: `yahoo`, or `csv:<name>` for a CSV source configured
   * in content/providers.yaml. Leave it out and the ticker is not updated.
   */
  provider: z
    .string({ error: expected("a provider: yahoo, or csv:<name>") })
    .regex(PROVIDER, {
      error: (issue) =>
        `${show(issue.input)} is not a provider; use yahoo, or csv:<name> (a source in content/providers.yaml)`,
    })
    .optional(),
  /** The instrument's symbol at each provider, which can differ from `symbol`: `yahoo: "^GSPC"`. */
  symbols: z
    .record(
      z.string().regex(PROVIDER, { error: "is not a provider name; use yahoo or csv:<name>" }),
      nonEmpty("the symbol at that provider, e.g. 1211.HK"),
      { error: expected('a map of provider to symbol, e.g. { yahoo: "1211.HK" }') },
    )
    .optional(),
  /**
   * Id of the index the ticker page's "compare with" control adds: another ticker of this file, of
   * kind `index` (`benchmark: ixic`). Leave it out when no index here fits (none for an index itself).
   */
  benchmark: slug("ticker id").optional(),
}).superRefine((ticker, ctx) => {
  if (ticker.provider !== undefined && ticker.symbols?.[ticker.provider] === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["symbols"],
      input: ticker.symbols,
      message: `has no symbol for the provider ${ticker.provider}; add symbols: { ${ticker.provider}: "<its symbol there>" }`,
    });
  }
});

export const tickersFileSchema = z
  .array(tickerSchema, { error: expected("a YAML list of tickers (each item starts with `- id:`)") })
  .min(1, { error: "lists no tickers; add at least one" })
  .superRefine((tickers, ctx) => {
    const seen = new Set<string>();
    tickers.forEach((ticker, index) => {
      if (seen.has(ticker.id)) {
        ctx.addIssue({
          code: "custom",
          path: [index, "id"],
          input: ticker.id,
          message: `${JSON.stringify(ticker.id)} is used by an earlier ticker; ids must be unique`,
        });
      }
      seen.add(ticker.id);
    });
    const byId = new Map(tickers.map((ticker) => [ticker.id, ticker]));
    tickers.forEach((ticker, index) => {
      // A benchmark that is not even an id has its own message from the field's schema.
      if (ticker.benchmark === undefined || !SLUG.test(ticker.benchmark)) return;
      const benchmark = byId.get(ticker.benchmark);
      const problem =
        ticker.benchmark === ticker.id
          ? "is the ticker itself; a benchmark is another ticker, an index"
          : !benchmark
            ? `is not a ticker in this file ${knownIds(tickers.filter((t) => t.kind === "index").map((t) => t.id))}`
            : benchmark.kind !== "index"
              ? `is a ${benchmark.kind}, not an index; a benchmark is a ticker of kind index`
              : undefined;
      if (problem) {
        ctx.addIssue({
          code: "custom",
          path: [index, "benchmark"],
          input: ticker.benchmark,
          message: `${JSON.stringify(ticker.benchmark)} ${problem}`,
        });
      }
    });
  });

// ---------------------------------------------------------------------------------------------------
// Tags: content/tags.yaml, the vocabulary articles draw from (one tag per idea).

export const tagSchema = strict({
  /** URL slug used in frontmatter and at /tags/<id>/. */
  id: slug("tag"),
  /** Display name: "US–China", "Electric vehicles". */
  label: nonEmpty("a display name, e.g. Electric vehicles"),
  /** What the tag covers: shown on its page and in its feed. */
  description: nonEmpty("a sentence saying what the tag covers"),
});

export const tagsFileSchema = z
  .array(tagSchema, { error: expected("a YAML list of tags (each item starts with `- id:`)") })
  .superRefine((tags, ctx) =>
    noDuplicates(
      tags.map((t) => t.id),
      ctx,
      "tag id",
    ),
  );

// ---------------------------------------------------------------------------------------------------
// Authors: content/authors.yaml, who signs articles. Desks are organisations; a person gets an entry
// only when a real person signs.

export const authorKinds = ["organization", "person"] as const;

/** A web address an author is known by elsewhere (a profile, a page). */
const webUrl = z.string({ error: expected("a web address starting https://") }).refine(
  (value) => {
    try {
      return ["https:", "http:"].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  },
  { error: (issue) => `${show(issue.input)} is not a web address; write it in full, starting https://` },
);

/** Markup or an HTML character reference: `<b>`, `&amp;`, `&#60;`. */
const MARKUP = /[<>]|&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

/** One byline: a desk or a person. */
export const authorSchema = strict({
  /** URL slug and the id articles use: `markets-desk` gives /authors/markets-desk/ and `authors: [markets-desk]`. */
  id: slug("author id"),
  /**
   * Name shown in bylines, feeds and structured data: "Markets desk". Plain text: feed formats carry
   * names where some readers take markup or entities as HTML, so neither is accepted.
   */
  name: nonEmpty("the name shown in bylines, e.g. Markets desk").refine((name) => !MARKUP.test(name), {
    error: (issue) =>
      `${show(issue.input)} is not a plain name: write it without <, > or HTML entities such as &amp;`,
  }),
  /** A desk (`organization`) or a person (`person`); structured data calls it Organization or Person. */
  kind: choice(authorKinds, "a kind of author"),
  /** What the author covers, a few words: "Share prices, indices and how investors read the news". */
  role: nonEmpty("what the author covers, in a few words"),
  /** One to three sentences for the author's page. */
  bio: nonEmpty("one to three sentences about the author, for their page"),
  /** Pages elsewhere that are the same author (structured data's sameAs). */
  links: z
    .array(
      strict({
        label: nonEmpty("what the link is, e.g. Profile"),
        url: webUrl,
      }),
      { error: expected("a list of links, each { label, url }") },
    )
    .default([]),
});

export const authorsFileSchema = z
  .array(authorSchema, { error: expected("a YAML list of authors (each item starts with `- id:`)") })
  .min(1, { error: "lists no authors; add at least one" })
  .superRefine((authors, ctx) =>
    noDuplicates(
      authors.map((a) => a.id),
      ctx,
      "author id",
    ),
  );

// ---------------------------------------------------------------------------------------------------
// Articles: content/articles/<slug>.mdx frontmatter

/** A dated note on an article: a correction (an error put right) or an update (news added). */
const note = (what: string) =>
  strict({
    /** The day the change was made; not before the article's date, not after the build date. */
    date: calendarDate,
    /** What changed, in a sentence or two of plain text. */
    text: nonEmpty(`what the ${what} changed, in a sentence or two`),
  });

const notes = (what: string) =>
  z.array(note(what), { error: expected(`a list of ${what}s, each { date, text }`) }).default([]);

/**
 * The article fields before and after the image, built once: Astro calls articleSchema for every
 * entry it parses, and building these zod schemas took 1.2 ms an article, thirty times the parse
 * itself (12 s of a 10,000-article build's content sync).
 */
const articleFieldsBeforeImage = {
  /** Headline, at most 120 characters. */
  title: nonEmpty("the headline").max(120, {
    error: (issue) =>
      `is ${String((issue.input as string).length)} characters long; a headline may have at most 120`,
  }),
  /** The dek: one or two sentences shown under the headline, in lists, meta tags and feeds. */
  description: z
    .string({ error: expected("the dek, 50 to 300 characters") })
    .trim()
    .min(50, {
      error: (issue) =>
        `is ${String((issue.input as string).length)} characters long; a dek needs 50 to 300 characters`,
    })
    .max(300, {
      error: (issue) =>
        `is ${String((issue.input as string).length)} characters long; a dek needs 50 to 300 characters`,
    }),
  /** Publication date. An article dated after the build date is scheduled: it goes live on that day. */
  date: calendarDate,
  /** Ids of the authors who sign it (content/authors.yaml), in byline order: at least one. */
  authors: z
    .array(slug("author id"), { error: expected("a list of author ids, e.g. [markets-desk]") })
    .min(1, { error: "is empty; name at least one author from content/authors.yaml" })
    .superRefine((ids, ctx) => noDuplicates(ids, ctx, "author")),
  /** What kind of article it is: shown as a label, and in structured data and feeds. */
  format: choice(
    Object.keys(ARTICLE_FORMATS) as [ArticleFormatId, ...ArticleFormatId[]],
    "an article format",
  ).default(DEFAULT_FORMAT),
  /** Ids of the tickers the article discusses (content/tickers.yaml). */
  tickers: z
    .array(slug("ticker id"), { error: expected("a list of ticker ids, e.g. [nvda, ixic]") })
    .superRefine((ids, ctx) => noDuplicates(ids, ctx, "ticker"))
    .default([]),
  /** 1 to 8 topic tags from content/tags.yaml. */
  tags: z
    .array(slug("tag"), { error: expected("a list of 1 to 8 tags, e.g. [deepseek, markets]") })
    .min(1, { error: "is empty; give 1 to 8 tags from content/tags.yaml" })
    .max(8, {
      error: (issue) => `has ${(issue.input as unknown[]).length} tags; an article may have at most 8`,
    })
    .superRefine((tags, ctx) => noDuplicates(tags, ctx, "tag")),
  /** Drafts are shown by the dev server only. */
  draft: z.boolean({ error: expected("true or false") }).default(false),
};

const articleNotes = {
  /** News added after publication, each dated: shown as "Updated <date>" lines with their notes. */
  updates: notes("update"),
  /** Errors put right after publication, each dated: shown as notes at the top of the article. */
  corrections: notes("correction"),
};

const imageAlt = nonEmpty("a text alternative describing the image");

/**
 * Builds the article schema. `image` is Astro's image() helper in the build, and a plain path check
 * where Astro is not running (scripts, tests).
 */
export function articleSchema<Image extends z.ZodType>(image: () => Image) {
  return strict({
    ...articleFieldsBeforeImage,
    /** Lead image, next to the article file, with its text alternative. */
    image: strict({ src: image(), alt: imageAlt }).optional(),
    ...articleNotes,
  }).superRefine((article, ctx) => {
    for (const key of ["updates", "corrections"] as const) {
      article[key].forEach((entry, index) => {
        if (entry.date < article.date) {
          ctx.addIssue({
            code: "custom",
            path: [key, index, "date"],
            input: entry.date,
            message: `${entry.date} is before the publication date ${article.date}; date the ${key === "updates" ? "update" : "correction"} on or after ${article.date}`,
          });
        }
      });
    }
  });
}

/**
 * The article schema where Astro is not running (the loaders' own check, `npm run check:content`,
 * `npm run new`, tests): the image is its path as written.
 */
export const articleFrontmatterSchema = articleSchema(() =>
  z.string({ error: expected("the path of an image file next to the article, e.g. ./chart.png") }),
);

export type Ticker = z.output<typeof tickerSchema>;
export type Tag = z.output<typeof tagSchema>;
export type Author = z.output<typeof authorSchema>;
/** A dated correction or update of an article. */
export type ArticleNote = z.output<ReturnType<typeof note>>;
export type AuthorKind = Author["kind"];
/** Article frontmatter once validated, with the image as whatever the image helper produced. */
export type ArticleData<Image = string> = Omit<z.output<typeof articleFrontmatterSchema>, "image"> & {
  image?: { src: Image; alt: string };
};
