/**
 * The building blocks of every content schema (articles, tickers, tags, price snapshots): strict
 * objects that name the fields they accept, fixed choices, calendar dates, slugs. Messages say what was
 * found and what is accepted; `formatIssues` (./errors.ts) adds the file and the field.
 */
import { z } from "astro/zod";
import { isCalendarDate } from "../site/dates.ts";
import { SLUG } from "./slug.ts";
import { show } from "./errors.ts";

/**
 * What to say when a value is missing or of the wrong type: "is required: <what>" or
 * "<value> is not <what>".
 */
export const expected = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `is required: ${what}` : `${show(issue.input)} is not ${what}`;

/** An object that rejects unknown fields, naming the ones it accepts (catches typos like `tikcers`). */
export function strict<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
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
export const choice = <const T extends readonly [string, ...string[]]>(values: T, what: string, where = "") =>
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

/** A URL slug: lowercase letters and digits in words joined by single hyphens (`us-china`). */
export const slug = (what: string) =>
  z.string({ error: expected(`a ${what}: lowercase words joined by hyphens, e.g. "us-china"`) }).regex(SLUG, {
    error: (issue) =>
      `${show(issue.input)} is not a valid ${what}: use lowercase letters, digits and single hyphens, e.g. "us-china"`,
  });

/** Text with something in it (surrounding spaces trimmed). */
export const nonEmpty = (what: string) =>
  z
    .string({ error: expected(what) })
    .trim()
    .min(1, { error: `is empty: ${what}` });

/** Adds an issue for the second and later occurrences of a value in a list. */
export function noDuplicates(values: readonly string[], ctx: z.RefinementCtx, what: string): void {
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
