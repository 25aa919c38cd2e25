/**
 * The content module that reads files: the YAML registries (tickers, tags, authors), validated with
 * their schemas, the list of article files and an article's text. Everything else in lib/content is
 * pure; callers hand it text or parsed data. The build's loader and `npm run check:content` both read
 * articles with these, so both see the same files.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { decodeContent } from "./encoding.ts";
import { ContentError, parseContent } from "./errors.ts";
import { checkArticleFrontmatter } from "./checks.ts";
import { lastModifiedDate } from "./articles.ts";
import { articleFileProblem, CONTENT, idOfFile, isIgnoredName, isImageFile } from "./paths.ts";
import {
  authorsFileSchema,
  tagsFileSchema,
  tickersFileSchema,
  type ArticleData,
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

/** The article files under `root` (the project directory), root-relative with `/`: listArticleFiles' files. */
export function articleFiles(root: string): string[] {
  return listArticleFiles(root).files;
}

/**
 * The day each article under `root` last changed (its latest correction or update, else its date), by
 * slug: the sitemap's lastmod. An article whose frontmatter is invalid is left out here; the build
 * reports it.
 */
export function readLastModified(root: string): Map<string, string> {
  return new Map(readArticleFrontmatter(root).map(({ id, data }) => [id, lastModifiedDate(data)]));
}

/**
 * Every file under content/articles of the project at `root`, at any depth, as root-relative paths
 * with `/`: the articles, sorted, and a problem for each other file (a `.md`, a capitalised name)
 * but images.
 * Files whose names start with `_` or `.`, and folders whose names start with `.`, are skipped.
 */
export function listArticleFiles(root: string): { files: string[]; problems: string[] } {
  const files: string[] = [];
  const problems: string[] = [];
  const visit = (relative: string) => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      if (entry.name.startsWith(".") || (entry.isFile() && isIgnoredName(entry.name))) continue;
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) visit(path);
      else if (!isImageFile(path)) {
        const problem = articleFileProblem(path);
        if (problem) problems.push(problem);
        else files.push(path);
      }
    }
  };
  visit(CONTENT.articles);
  return { files: files.sort(), problems: problems.sort() };
}

/** An article's text (`path` on disk, `file` in messages), or the problem with its encoding. */
export function readArticleSource(path: string, file: string): { source: string } | { problem: string } {
  const decoded = decodeContent(readFileSync(path), file);
  return "text" in decoded ? { source: decoded.text } : decoded;
}

/**
 * Each valid article's id and frontmatter, read before a build for what its configuration decides
 * (the hybrid mode's sitemap of archived articles). Invalid articles are left out: the build reports them.
 */
export function readArticleFrontmatter(root: string): { id: string; data: ArticleData }[] {
  return articleFiles(root).flatMap((file) => {
    // The frontmatter alone: the body's scan is 40 % of a full check and adds nothing here.
    const { data } = checkArticleFrontmatter(file, readFileSync(join(root, file), "utf8"));
    return data ? [{ id: idOfFile(file), data }] : [];
  });
}
