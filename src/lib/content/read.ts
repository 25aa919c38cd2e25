/**
 * The content module that reads files: the YAML registries (tickers, tags), validated with their
 * schemas, and the article files. Everything else in lib/content is pure; callers hand it text or
 * parsed data.
 */
import { globSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { parse as parseYaml } from "yaml";
import { checkArticle } from "./checks.ts";
import { ContentError, parseContent } from "./errors.ts";
import { ARTICLE_PATTERN, CONTENT, idOfFile } from "./paths.ts";
import { tagsFileSchema, tickersFileSchema, type ArticleData, type Tag, type Ticker } from "./schema.ts";

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

/** Article files as the build finds them (ARTICLE_PATTERN), as root-relative paths with `/`. */
export function articleFiles(root: string): string[] {
  return globSync(ARTICLE_PATTERN, { cwd: join(root, CONTENT.articles) })
    .map((file) => `${CONTENT.articles}/${file.split(sep).join("/")}`)
    .sort();
}

/**
 * Each valid article's id and frontmatter, read before a build for what its configuration decides
 * (the hybrid mode's sitemap of archived articles). Invalid articles are left out: the build reports them.
 */
export function readArticleFrontmatter(root: string): { id: string; data: ArticleData }[] {
  return articleFiles(root).flatMap((file) => {
    const { data } = checkArticle(file, readFileSync(join(root, file), "utf8"));
    return data ? [{ id: idOfFile(file), data }] : [];
  });
}
