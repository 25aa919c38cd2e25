/**
 * Schemas of the site's content: articles, tickers, tags and price snapshots. `src/content.config.ts`
 * and `scripts/check-content.ts` both validate with these, and the tests feed them bad fixtures, so an
 * editor gets the same message everywhere. Messages say what was found and what is accepted; the file
 * and the field are added by `formatIssues` in ./content-errors.
 */
import { z } from "astro/zod";
import { authorIds } from "./site.ts";
import { isCalendarDate } from "./dates.ts";

/**
 * What to say when a value is missing or of the wrong type: "is required: <what>" or
 * "<value> is not <what>".
 */
const expected = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `is required: ${what}` : `${show(issue.input)} is not ${what}`;

/** A value as an editor wrote it: strings quoted, numbers as numbers (Infinity stays Infinity). */
export const show = (value: unknown): string =>
  typeof value === "number" ? String(value) : JSON.stringify(value);

/** An object that rejects unknown fields, naming the ones it accepts (catches typos like `tikcers`). */
function strict<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const accepted = Object.keys(shape);
  return z.preprocess(
    (value, ctx) => {
      if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        for (const [key, input] of Object.entries(value)) {
          if (!accepted.includes(key)) {
            ctx.addIssue({
              code: "custom",
              path: [key],
              input,
              message: `is not a known field; the fields are ${accepted.join(", ")}`,
            });
          }
        }
      }
      return value;
    },
    z.object(shape, { error: expected("an object of fields") }),
  );
}

/** One of a fixed list of values. */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: string, where = "") =>
  z.enum(values, {
    error: (issue) =>
      `${issue.input === undefined ? "is required" : `${show(issue.input)} is not ${what}`}; use one of ${values.join(", ")}${where}`,
  });

/** A calendar date written `YYYY-MM-DD`, kept as that string (no time zone to get wrong). */
export const calendarDate = z.preprocess(
  // YAML turns an unquoted 2025-01-27 into a Date at UTC midnight; take its calendar date back.
  (value) =>
    value instanceof Date && !Number.isNaN(value.getTime()) && value.toISOString().endsWith("T00:00:00.000Z")
      ? value.toISOString().slice(0, 10)
      : value,
  z.string({ error: expected("a date written YYYY-MM-DD, e.g. 2025-01-27") }).refine(isCalendarDate, {
    error: (issue) => `${show(issue.input)} is not a calendar date; write YYYY-MM-DD, e.g. 2025-01-27`,
  }),
);

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A URL slug: lowercase letters and digits in words joined by single hyphens (`us-china`). */
export const slug = (what: string) =>
  z.string({ error: expected(`a ${what}: lowercase words joined by hyphens, e.g. "us-china"`) }).regex(SLUG, {
    error: (issue) =>
      `${show(issue.input)} is not a valid ${what}: use lowercase letters, digits and single hyphens, e.g. "us-china"`,
  });

const nonEmpty = (what: string) =>
  z
    .string({ error: expected(what) })
    .trim()
    .min(1, { error: `is empty: ${what}` });

/** Adds an issue for the second and later occurrences of a value in a list. */
function noDuplicates(values: readonly string[], ctx: z.RefinementCtx, what: string): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) {
      ctx.addIssue({
        code: "custom",
        path: [index],
        input: value,
        message: `${JSON.stringify(value)} is listed twice; list each ${what} once`,
      });
    }
    seen.add(value);
  });
}

// ---------------------------------------------------------------------------------------------------
// Tickers: content/tickers.yaml

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));
const TIME_ZONES = new Set(Intl.supportedValuesOf("timeZone"));

export const tickerKinds = ["stock", "adr", "index", "etf"] as const;

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
  kind: oneOf(tickerKinds, "a kind"),
  /** IANA time zone of the exchange: "America/New_York", "Asia/Hong_Kong". */
  timezone: z
    .string({ error: expected("the exchange's IANA time zone, e.g. America/New_York") })
    .refine((zone) => TIME_ZONES.has(zone), {
      error: (issue) =>
        `${show(issue.input)} is not an IANA time zone; use e.g. America/New_York or Asia/Hong_Kong`,
    }),
  /** One or two sentences for the ticker page. */
  description: nonEmpty("one or two sentences about the instrument, or leave the field out").optional(),
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
// Price snapshots: content/prices/<ticker id>.json

const price = (field: string) =>
  z
    .number({ error: expected(`a number: the ${field} price`) })
    .refine(Number.isFinite, { error: `must be a finite number: the ${field} price` })
    .refine((n) => n > 0, {
      error: (issue) => `${String(issue.input)} is not above 0; prices must be positive`,
    });

export const barSchema = strict({
  /** Trading day, in the exchange's calendar. */
  date: calendarDate,
  open: price("opening"),
  high: price("highest"),
  low: price("lowest"),
  close: price("closing"),
  /** Shares (or the vendor's index volume) traded; optional because some sources lack it. */
  volume: z
    .number({ error: expected("a number of shares") })
    .int({ error: (issue) => `${String(issue.input)} is not a whole number of shares` })
    .min(0, { error: (issue) => `${String(issue.input)} is negative; volume must be 0 or more` })
    .optional(),
}).superRefine((bar, ctx) => {
  const bottom = Math.min(bar.open, bar.close);
  const top = Math.max(bar.open, bar.close);
  if (bar.low > bottom) {
    ctx.addIssue({
      code: "custom",
      path: ["low"],
      input: bar.low,
      message: `${bar.low} is above min(open, close) = ${bottom}; the low must be at or below both`,
    });
  }
  if (bar.high < top) {
    ctx.addIssue({
      code: "custom",
      path: ["high"],
      input: bar.high,
      message: `${bar.high} is below max(open, close) = ${top}; the high must be at or above both`,
    });
  }
});

export const adjustments = ["none", "split", "split-dividend"] as const;

export const priceSnapshotSchema = strict({
  /** Id of the ticker in content/tickers.yaml; must match the file name. */
  ticker: slug("ticker id"),
  /** ISO 4217 code; must equal the ticker's. */
  currency: z.string({ error: expected("the ISO 4217 code of the prices, e.g. USD") }),
  /** Whether prices are as traded (`none`), split-adjusted, or split- and dividend-adjusted. */
  adjusted: oneOf(adjustments, "an adjustment"),
  /** Where the numbers came from, so any figure can be traced. */
  source: strict({
    /** Who published the data. */
    name: nonEmpty("who published the data"),
    /** Exact reference: a URL, or `owner/repo:path@commit`. */
    reference: nonEmpty("a URL or repository path the data can be fetched from again"),
    /** When the data were retrieved. */
    retrieved: calendarDate,
    /** Anything a reader of the data should know (dropped rows, cross-checks). */
    notes: z.string({ error: expected("text, or leave the field out") }).optional(),
  }),
  /** Daily bars, oldest first. */
  bars: z
    .array(barSchema, { error: expected("a list of daily bars") })
    .min(2, {
      error: (issue) => `has ${(issue.input as unknown[]).length} bar(s); a snapshot needs at least 2`,
    })
    .superRefine((bars, ctx) => {
      for (let i = 1; i < bars.length; i++) {
        const previous = bars[i - 1]!.date;
        const date = bars[i]!.date;
        if (date <= previous) {
          ctx.addIssue({
            code: "custom",
            path: [i, "date"],
            input: date,
            message:
              date === previous
                ? `${date} appears twice; each trading day has one bar`
                : `${date} comes after ${previous}; bars must be in strictly ascending date order`,
          });
        }
      }
    }),
});

// ---------------------------------------------------------------------------------------------------
// Articles: content/articles/<slug>.mdx frontmatter

/**
 * Builds the article schema. `image` is Astro's image() helper in the build, and a plain path check
 * where Astro is not running (scripts, tests).
 */
export function articleSchema<Image extends z.ZodType>(image: () => Image) {
  return strict({
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
    /** Date of the last substantive update; not before `date`. */
    updated: calendarDate.optional(),
    /** Id of an author defined in src/lib/site.ts. */
    author: oneOf(
      authorIds as [string, ...string[]],
      "an author",
      " (authors are defined in src/lib/site.ts)",
    ),
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
    /** Lead image, next to the article file, with its text alternative. */
    image: strict({
      src: image(),
      alt: nonEmpty("a text alternative describing the image"),
    }).optional(),
  }).superRefine((article, ctx) => {
    if (article.updated !== undefined && article.updated < article.date) {
      ctx.addIssue({
        code: "custom",
        path: ["updated"],
        input: article.updated,
        message: `${article.updated} is before the publication date ${article.date}; updated must be on or after date`,
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

export type TickerInput = z.input<typeof tickerSchema>;
export type Ticker = z.output<typeof tickerSchema>;
export type Tag = z.output<typeof tagSchema>;
export type Bar = z.output<typeof barSchema>;
export type PriceSnapshotInput = z.input<typeof priceSnapshotSchema>;
export type PriceSnapshot = z.output<typeof priceSnapshotSchema>;
/** Article frontmatter once validated, with the image as whatever the image helper produced. */
export type ArticleData<Image = string> = Omit<z.output<typeof articleFrontmatterSchema>, "image"> & {
  image?: { src: Image; alt: string };
};
