/**
 * The content module that reads files: the YAML registries (tickers, tags, authors), validated with
 * their schemas, and the article files as the build finds them. Everything else in lib/content is
 * pure; callers hand it text or parsed data.
 */
import { globSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { parse as parseYaml } from "yaml";
import { ContentError, parseContent } from "./errors.ts";
import { checkArticle } from "./checks.ts";
import { lastModifiedDate } from "./articles.ts";
import { ARTICLE_PATTERN, CONTENT, idOfFile } from "./paths.ts";
import {
  authorsFileSchema,
  tagsFileSchema,
  tickersFileSchema,
  type Author,
  type Tag,
  type Ticker,
} from "./schema.ts";

/** Parses a YAML file, reporting a syntax error with the file's name and the line. */
function readYaml(path: string, file: string = path): unknown {
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

export function readAuthors(path: string, file: string = CONTENT.authors): Author[] {
  return parseContent(authorsFileSchema, readYaml(path, file), file);
}

/** Article files under `root` (the project directory) as the build finds them, root-relative with `/`. */
export function articleFiles(root: string): string[] {
  return globSync(ARTICLE_PATTERN, { cwd: join(root, CONTENT.articles) })
    .map((file) => `${CONTENT.articles}/${file.split(sep).join("/")}`)
    .sort();
}

/**
 * The day each article under `root` last changed (its latest correction or update, else its date), by
 * slug: the sitemap's lastmod. An article whose frontmatter is invalid is left out here; the build
 * reports it.
 */
export function readLastModified(root: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const file of articleFiles(root)) {
    const { data } = checkArticle(file, readFileSync(join(root, file), "utf8"));
    if (data) dates.set(idOfFile(file), lastModifiedDate(data));
  }
  return dates;
}
