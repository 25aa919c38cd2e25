/**
 * The checks of each content entry (an article file, a price snapshot), the checks that span
 * collections (an article's tickers and tags exist, slugs are unique, each price snapshot belongs to
 * a ticker in the same currency), and readers for the YAML registries. The build
 * (src/content.config.ts) and `npm run check:content` both call these, so both print the same lines.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { parse as parseYaml } from "yaml";
import { ContentError, parseContent, validate, type Checked } from "./content-errors.ts";
import { parseFrontmatter } from "./frontmatter.ts";
import {
  articleFrontmatterSchema,
  priceSnapshotSchema,
  tagsFileSchema,
  tickersFileSchema,
  type ArticleData,
  type PriceSnapshot,
  type Tag,
  type Ticker,
} from "./schema.ts";

/** Where content lives, relative to the project root; error messages use these paths. */
export const CONTENT = {
  articles: "content/articles",
  tickers: "content/tickers.yaml",
  tags: "content/tags.yaml",
  prices: "content/prices",
} as const;

/**
 * Which files under CONTENT.articles are articles: `.mdx` files whose names start with neither `_`
 * (notes, partials) nor `.` (editor and system files), at any depth. The build's loader and
 * `npm run check:content` both find articles with it.
 */
export const ARTICLE_PATTERN = "**/[^_.]*.mdx";

/** An article's id and URL slug is its file name: `content/articles/2025/nvidia-rout.mdx` is `nvidia-rout`. */
export function articleId(file: string): string {
  return basename(file, extname(file));
}

/** Parses a YAML file, reporting a syntax error with the file's name and the line. */
export function readYaml(path: string, file: string = path): unknown {
  try {
    return parseYaml(readFileSync(path, "utf8"));
  } catch (error) {
    const where = (error as { linePos?: { line: number }[] }).linePos?.[0];
    throw new ContentError([
      `${file}: ${where ? `line ${where.line}: ` : ""}not valid YAML: ${(error as Error).message.split("\n")[0]}`,
    ]);
  }
}

export function readTickers(path: string, file: string = CONTENT.tickers): Ticker[] {
  return parseContent(tickersFileSchema, readYaml(path, file), file);
}

export function readTags(path: string, file: string = CONTENT.tags): Tag[] {
  return parseContent(tagsFileSchema, readYaml(path, file), file);
}

/** What the cross-collection checks need to know of each article and snapshot. */
export interface ArticleRef {
  /** Path shown in messages, e.g. content/articles/nvidia-rout.mdx */
  file: string;
  /** Slug: the file name without extension. */
  id: string;
  tickers: readonly string[];
  tags: readonly string[];
}

export interface SnapshotRef {
  file: string;
  /** File name without extension: must equal the ticker id inside. */
  id: string;
  /** Undefined when the file's `ticker` or `currency` is missing or not text (its own check says so). */
  ticker?: string;
  currency?: string;
}

/** A price snapshot file as read from disk: what the reference checks need, and its JSON. */
export interface SnapshotFile extends SnapshotRef {
  data: unknown;
}

/**
 * Every snapshot in `dir` (content/prices), read straight from disk (the build's cached entries
 * included), and a problem naming each file that is not JSON. The build's reference check and
 * `npm run check:content` both read the snapshots with this.
 */
export function readSnapshotFiles(dir: string): { snapshots: SnapshotFile[]; problems: string[] } {
  const snapshots: SnapshotFile[] = [];
  const problems: string[] = [];
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".json")) : [];
  for (const name of names.sort()) {
    const file = `${CONTENT.prices}/${name}`;
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, name), "utf8"));
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      problems.push(`${file}: (whole file): not valid JSON: ${error.message}`);
      continue;
    }
    const { ticker, currency } = (data ?? {}) as { ticker?: unknown; currency?: unknown };
    snapshots.push({
      file,
      id: basename(name, ".json"),
      ticker: typeof ticker === "string" ? ticker : undefined,
      currency: typeof currency === "string" ? currency : undefined,
      data,
    });
  }
  return { snapshots, problems };
}

const known = (ids: readonly string[]) => `(known: ${[...ids].sort().join(", ")})`;

/**
 * An article file checked as the build checks it: its frontmatter read from `source` (see
 * ./frontmatter.ts for why not Astro's reading) and validated. The build's loader and
 * `npm run check:content` both call it.
 */
export function checkArticle(file: string, source: string): Checked<ArticleData> {
  let frontmatter: unknown;
  try {
    frontmatter = parseFrontmatter(source, file).data;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { problems: [...error.problems] };
  }
  return checkFrontmatter(file, frontmatter);
}

/** Frontmatter data validated; a problem with the whole of it is reported as `(frontmatter)`. */
export function checkFrontmatter(file: string, data: unknown): Checked<ArticleData> {
  return validate(articleFrontmatterSchema, data, file, "(frontmatter)");
}

/** A price snapshot's JSON validated, as the build's loader and `npm run check:content` both do. */
export function checkSnapshot(file: string, data: unknown): Checked<PriceSnapshot> {
  return validate(priceSnapshotSchema, data, file);
}

/** `ticker "byd" has no price snapshot; import one …`: shared by the checks and the pages that read prices. */
export function missingSnapshot(id: string): string {
  return `ticker "${id}" has no price snapshot; import one into ${CONTENT.prices}/${id}.json with npm run import-prices`;
}

/** `unknown ticker "nvdaa" (known: bidu, nvda)`: shared by the checks, the components and `npm run new`. */
export function unknownTicker(id: unknown, tickerIds: readonly string[]): string {
  return `unknown ticker ${JSON.stringify(id)} ${known(tickerIds)}`;
}

/** `unknown tag "ai"; use a tag from content/tags.yaml (known: ...) or add it there` */
export function unknownTag(id: string, tagIds: readonly string[]): string {
  return `unknown tag "${id}"; use a tag from ${CONTENT.tags} ${known(tagIds)} or add it there`;
}

/** `slug "x" is already used by content/articles/x.mdx; ...` */
export function slugTaken(slug: string, file: string): string {
  return `slug "${slug}" is already used by ${file}; each article needs a unique file name`;
}

/** Every reference problem, one line each; an empty list means the content hangs together. */
export function checkReferences(input: {
  articles: readonly ArticleRef[];
  tickers: readonly Ticker[];
  tags: readonly Tag[];
  snapshots: readonly SnapshotRef[];
}): string[] {
  const problems: string[] = [];
  const tickerIds = input.tickers.map((t) => t.id);
  const tagIds = input.tags.map((t) => t.id);
  const tickers = new Map(input.tickers.map((t) => [t.id, t]));

  const filesBySlug = new Map<string, string[]>();
  for (const article of input.articles) {
    filesBySlug.set(article.id, [...(filesBySlug.get(article.id) ?? []), article.file]);
    article.tickers.forEach((id, i) => {
      if (!tickers.has(id)) problems.push(`${article.file}: tickers[${i}]: ${unknownTicker(id, tickerIds)}`);
    });
    article.tags.forEach((id, i) => {
      if (!tagIds.includes(id)) problems.push(`${article.file}: tags[${i}]: ${unknownTag(id, tagIds)}`);
    });
  }
  // The file nearest the top of content/articles (then the first by name) keeps the slug, whatever
  // order the files were found in, so the build and check:content blame the same file.
  const depth = (file: string) => file.split("/").length;
  for (const [slug, found] of filesBySlug) {
    if (found.length > 1) {
      const files = [...found].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
      for (const file of files.slice(1)) {
        problems.push(`${file}: (file name): ${slugTaken(slug, files[0]!)}`);
      }
    }
  }

  const snapshotByTicker = new Map<string, string>();
  for (const snapshot of input.snapshots) {
    // A snapshot without a ticker id: its own check reports the field.
    if (snapshot.ticker === undefined) continue;
    const ticker = tickers.get(snapshot.ticker);
    if (snapshot.id !== snapshot.ticker) {
      problems.push(
        `${snapshot.file}: ticker: "${snapshot.ticker}" does not match the file name; name the file ${snapshot.ticker}.json or set ticker to "${snapshot.id}"`,
      );
    }
    if (!ticker) {
      problems.push(
        `${snapshot.file}: ticker: unknown ticker "${snapshot.ticker}"; every snapshot belongs to a ticker in ${CONTENT.tickers} ${known(tickerIds)}`,
      );
      continue;
    }
    snapshotByTicker.set(snapshot.ticker, snapshot.file);
    if (snapshot.currency !== undefined && snapshot.currency !== ticker.currency) {
      problems.push(
        `${snapshot.file}: currency: "${snapshot.currency}" differs from ${ticker.id}'s currency "${ticker.currency}" in ${CONTENT.tickers}; a snapshot's prices must be in its ticker's currency`,
      );
    }
  }
  input.tickers.forEach((ticker, i) => {
    if (!snapshotByTicker.has(ticker.id)) {
      problems.push(`${CONTENT.tickers}: [${i}].id: ${missingSnapshot(ticker.id)}`);
    }
  });
  return problems;
}

/** Throws a ContentError listing `problems`, if any. */
export function assertNoProblems(problems: readonly string[]): void {
  if (problems.length > 0) throw new ContentError(problems);
}
