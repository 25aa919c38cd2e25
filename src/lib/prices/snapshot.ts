/**
 * Price snapshots, content/prices/<ticker id>.json: the schema of a snapshot and its daily bars, and
 * how a snapshot is written back to disk.
 */
import { z } from "astro/zod";
import { validate, type Checked } from "../content/errors.ts";
import { calendarDate, choice, expected, nonEmpty, slug, strict } from "../content/fields.ts";
import type { Ticker } from "../content/schema.ts";

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
  adjusted: choice(adjustments, "an adjustment"),
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

export type Bar = z.output<typeof barSchema>;
export type PriceSnapshot = z.output<typeof priceSnapshotSchema>;

/** A ticker's price data as figures and charts read it: the instrument, its bars (oldest first) and its provenance. */
export interface TickerData {
  ticker: Ticker;
  bars: readonly Bar[];
  snapshot: Pick<PriceSnapshot, "source" | "adjusted">;
}

/** A price snapshot's JSON validated, as the build's loader and `npm run check:content` both do. */
export function checkSnapshot(file: string, data: unknown): Checked<PriceSnapshot> {
  return validate(priceSnapshotSchema, data, file);
}

/**
 * A snapshot as JSON with one bar per line: small, and a re-import shows in `git diff` as the rows
 * that changed.
 */
export function formatSnapshot(snapshot: PriceSnapshot): string {
  const { bars, ...head } = snapshot;
  const headJson = JSON.stringify(head, null, 2).replace(/\n}$/, "");
  const barLines = bars.map((bar) => `    ${JSON.stringify(bar)}`).join(",\n");
  return `${headJson},\n  "bars": [\n${barLines}\n  ]\n}\n`;
}
