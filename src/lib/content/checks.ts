/**
 * The rules that span content files: where content lives and which files are articles, an article file
 * checked as the build checks it, and the references between files (an article's tickers, tags and
 * authors exist, slugs are unique, each price snapshot belongs to a ticker in the same currency). The
 * build (src/data/loaders.ts) and `npm run check:content` both call these, so both print the same lines.
 */
import { CONTENT } from "./paths.ts";
import {
  ContentError,
  knownIds,
  missingSnapshot,
  slugTaken,
  unknownAuthor,
  unknownTag,
  unknownTicker,
  validate,
  type Checked,
} from "./errors.ts";
import { parseFrontmatter } from "./frontmatter.ts";
import { articleFrontmatterSchema, type ArticleData, type Author, type Tag, type Ticker } from "./schema.ts";
import { buildDate } from "../site/dates.ts";
import { MdxSyntaxError, refusalProblem, scanMdx, type BodyScan } from "../mdx/scan.ts";

/** What the cross-collection checks need to know of each article and snapshot. */
export interface ArticleRef {
  /** Path shown in messages, e.g. content/articles/nvidia-rout.mdx */
  file: string;
  /** Slug: the file name without extension. */
  id: string;
  tickers: readonly string[];
  tags: readonly string[];
  authors: readonly string[];
}

export interface SnapshotRef {
  file: string;
  /** File name without extension: must equal the ticker id inside. */
  id: string;
  /** Undefined when the file's `ticker` or `currency` is missing or not text (its own check says so). */
  ticker?: string;
  currency?: string;
}

/** An article checked: its frontmatter data, and what its body holds (when it parses). */
export interface CheckedArticle extends Checked<ArticleData> {
  body?: BodyScan;
}

/** An article file's frontmatter read from `source` and validated as of `today`, without its body. */
export function checkArticleFrontmatter(
  file: string,
  source: string,
  today: string = buildDate(),
): Checked<ArticleData> {
  try {
    return checkFrontmatter(file, parseFrontmatter(source, file).data, today);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { problems: [...error.problems] };
  }
}

/**
 * An article file checked as the build checks it: its frontmatter read from `source` (see
 * ./frontmatter.ts for why not Astro's reading) and validated as of the build date `today`, and its
 * body held to the allowlist (src/lib/mdx/scan.ts). The build's loader and `npm run check:content`
 * both call it.
 */
export function checkArticle(file: string, source: string, today: string = buildDate()): CheckedArticle {
  const checked = checkArticleFrontmatter(file, source, today);
  let body: BodyScan;
  try {
    body = scanMdx(source);
  } catch (error) {
    if (!(error instanceof MdxSyntaxError)) throw error;
    return {
      ...checked,
      problems: [...checked.problems, `${file}: (body): not valid MDX: ${error.message}`],
    };
  }
  return {
    ...checked,
    body,
    problems: [...checked.problems, ...body.refusals.map((refusal) => refusalProblem(file, refusal))],
  };
}

/**
 * Frontmatter data validated; a problem with the whole of it is reported as `(frontmatter)`. Notes
 * dated after the build date `today` are refused: they would announce a change not yet made.
 */
export function checkFrontmatter(
  file: string,
  data: unknown,
  today: string = buildDate(),
): Checked<ArticleData> {
  const checked = validate(articleFrontmatterSchema, data, file, "(frontmatter)");
  const article = checked.data;
  if (!article) return checked;
  const problems = (["updates", "corrections"] as const).flatMap((key) =>
    article[key].flatMap((entry, index) =>
      entry.date > today
        ? [
            `${file}: ${key}[${index}].date: ${entry.date} is after the build date ${today}; date the ${key === "updates" ? "update" : "correction"} on the day it is made, not ahead`,
          ]
        : [],
    ),
  );
  return problems.length > 0 ? { problems } : checked;
}

/** Every reference problem, one line each; an empty list means the content hangs together. */
export function checkReferences(input: {
  articles: readonly ArticleRef[];
  tickers: readonly Ticker[];
  tags: readonly Tag[];
  authors: readonly Author[];
  snapshots: readonly SnapshotRef[];
}): string[] {
  const problems: string[] = [];
  const tickerIds = input.tickers.map((t) => t.id);
  const tagIds = input.tags.map((t) => t.id);
  const authorIds = input.authors.map((a) => a.id);
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
    article.authors.forEach((id, i) => {
      if (!authorIds.includes(id)) {
        problems.push(`${article.file}: authors[${i}]: ${unknownAuthor(id, authorIds)}`);
      }
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
    // A snapshot that is not JSON, or has no ticker id: its own check reports it, and its file name
    // says whose it is, so its ticker is not also reported as having none.
    if (snapshot.ticker === undefined) {
      snapshotByTicker.set(snapshot.id, snapshot.file);
      continue;
    }
    const ticker = tickers.get(snapshot.ticker);
    if (snapshot.id !== snapshot.ticker) {
      problems.push(
        `${snapshot.file}: ticker: "${snapshot.ticker}" does not match the file name; name the file ${snapshot.ticker}.json or set ticker to "${snapshot.id}"`,
      );
    }
    if (!ticker) {
      problems.push(
        `${snapshot.file}: ticker: unknown ticker "${snapshot.ticker}"; every snapshot belongs to a ticker in ${CONTENT.tickers} ${knownIds(tickerIds)}`,
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
