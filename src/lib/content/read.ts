/**
 * The content module that reads files: the YAML registries (tickers, tags), validated with their
 * schemas. Everything else in lib/content is pure; callers hand it text or parsed data.
 */
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { ContentError, parseContent } from "./errors.ts";
import { CONTENT } from "./paths.ts";
import { tagsFileSchema, tickersFileSchema, type Tag, type Ticker } from "./schema.ts";

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
