/**
 * Splits an MDX file into its YAML frontmatter and body. The build validates what this returns, not
 * the data Astro parsed: Astro's YAML reader turns an unquoted impossible date such as 2025-02-30 into
 * 2 March, while this reader (YAML 1.2 core schema) keeps it as the string the editor wrote, so the
 * mistake is reported instead of silently moved.
 */
import { parse } from "yaml";
import { ContentError } from "./errors.ts";

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** The fenced frontmatter of `source`, or the error that names the fix. */
function fenced(source: string, file: string): RegExpExecArray {
  const match = FENCE.exec(source);
  if (!match) {
    throw new ContentError([
      `${file}: (frontmatter): missing; start the file with a --- line, the fields, and a closing --- line`,
    ]);
  }
  return match;
}

/** The body of a file whose frontmatter was checked already: what follows it, its YAML not read again. */
export function frontmatterBody(source: string, file: string): string {
  return source.slice(fenced(source, file)[0].length);
}

export function parseFrontmatter(source: string, file: string): { data: unknown; body: string } {
  const match = fenced(source, file);
  try {
    return { data: parse(match[1] ?? "") ?? {}, body: source.slice(match[0].length) };
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new ContentError([
      `${file}: (frontmatter): not valid YAML${line ? ` at line ${line + 1}` : ""}: ${(error as Error).message.split("\n")[0]}`,
    ]);
  }
}
