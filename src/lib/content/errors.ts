/**
 * Content errors an editor can act on: every line names the file, the field, the bad value and what
 * is accepted, e.g.
 * `content/articles/nvidia-rout.mdx: tickers[1]: unknown ticker "nvdaa" (known: bidu, byd, nvda)`.
 */
import type { z } from "astro/zod";
import { CONTENT } from "./paths.ts";

/**
 * A value as an editor wrote it, for messages: strings quoted, numbers as numbers (NaN and Infinity
 * stay NaN and Infinity, where JSON would print null), undefined as undefined.
 */
export function show(value: unknown): string {
  if (typeof value === "number" || value === undefined) return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** Thrown when content is invalid; its message holds one line per problem. */
export class ContentError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`Invalid content (${count}):\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ContentError";
    this.problems = problems;
  }
}

/** `["bars", 12, "low"]` -> `bars[12].low`; the empty path is the whole document. */
function formatPath(path: readonly PropertyKey[], root = "(whole file)"): string {
  if (path.length === 0) return root;
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join("");
}

/** One line per zod issue, each prefixed with the file and the field. */
export function formatIssues(file: string, issues: readonly z.core.$ZodIssue[], root?: string): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => `${file}: ${formatPath([...issue.path, key], root)}: ${issue.message}`);
    }
    return [`${file}: ${formatPath(issue.path, root)}: ${issue.message}`];
  });
}

/** Validated data, or (with `data` undefined) the problems that stop it, one line each. */
export interface Checked<T> {
  data?: T;
  problems: string[];
}

/** Validates `data` against `schema`; problems name `file` and the field (`root` for the whole value). */
export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
  root?: string,
): Checked<z.output<S>> {
  const result = schema.safeParse(data, { reportInput: true });
  return result.success
    ? { data: result.data, problems: [] }
    : { problems: formatIssues(file, result.error.issues, root) };
}

/** Validates `data` against `schema`; returns the parsed value or throws a ContentError naming `file`. */
export function parseContent<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
  root?: string,
): z.output<S> {
  const checked = validate(schema, data, file, root);
  if (checked.data === undefined) throw new ContentError(checked.problems);
  return checked.data;
}

// ---------------------------------------------------------------------------------------------------
// Messages shared by the checks, the components and the command-line tools.

/** `(known: a, b, c)`: the ids a message offers instead of a wrong one. */
export const knownIds = (ids: readonly string[]) => `(known: ${[...ids].sort().join(", ")})`;

/** `ticker "byd" has no price snapshot; import one …`: shared by the checks and the pages that read prices. */
export function missingSnapshot(id: string): string {
  return `ticker "${id}" has no price snapshot; import one into ${CONTENT.prices}/${id}.json with npm run import-prices`;
}

/** `unknown ticker "nvdaa" (known: bidu, nvda)`: shared by the checks, the components and `npm run new`. */
export function unknownTicker(id: unknown, tickerIds: readonly string[]): string {
  return `unknown ticker ${JSON.stringify(id)} ${knownIds(tickerIds)}`;
}

/** `unknown tag "ai"; use a tag from content/tags.yaml (known: ...) or add it there` */
export function unknownTag(id: string, tagIds: readonly string[]): string {
  return `unknown tag "${id}"; use a tag from ${CONTENT.tags} ${knownIds(tagIds)} or add it there`;
}

/** `unknown author "jane"; use an author from content/authors.yaml (known: ...) or add them there` */
export function unknownAuthor(id: string, authorIds: readonly string[]): string {
  return `unknown author "${id}"; use an author from ${CONTENT.authors} ${knownIds(authorIds)} or add them there`;
}

/** `slug "x" is already used by content/articles/x.mdx; ...` */
export function slugTaken(slug: string, file: string): string {
  return `slug "${slug}" is already used by ${file}; each article needs a unique file name`;
}

/** What an article's as-of rule needs to know of it (src/lib/content/articles.ts asOfDate). */
export interface AsOf {
  /** Publication date. */
  date: string;
  /** The day nothing in the article may look past: its date, or its latest update's. */
  asOf: string;
}

/**
 * Why a date after an article's as-of date is refused, and how to show the later data:
 * `to="2025-02-21" is after the article's as-of date, 2025-02-14 (its publication date): <fix>`.
 */
export function afterAsOf(what: string, article: AsOf, fix: (asOf: string) => string): string {
  const which = article.asOf === article.date ? "its publication date" : "the date of its latest update";
  return `${what} is after the article's as-of date, ${article.asOf} (${which}): ${fix(article.asOf)}`;
}

/** The fix for a figure in the text that looks past the as-of date. */
export const FIGURE_AFTER_AS_OF = (asOf: string) =>
  `an article's figures use no prices from after it; use a date on or before ${asOf}, or, when the article is updated with later news, add an entry to updates: dated that day (a chart can show later days with afterPublication)`;
