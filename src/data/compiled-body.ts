/**
 * Where an article's compiled body comes from. A build keeps it in the content store, compiled when the
 * content loaded. The dev server keeps only its local images there and compiles the body from its file
 * when a page asks: Astro saves the content store 500 ms after an edit and the dev server then reloads
 * all of it, which costs more as the archive grows; the file itself is read at once.
 */
import { readFileSync } from "node:fs";
import type { Article } from "@/data/site-data.ts";
import { parseFrontmatter } from "@/lib/content/frontmatter.ts";
import {
  COMPILED_ON_REQUEST,
  compileArticleBody,
  STALE_STORE_FIX,
  storedBody,
  type CompiledBody,
} from "@/lib/mdx/compile.ts";

const compiled = new Map<string, { source: string; body: CompiledBody }>();

/** The article's compiled body, from the store or, where the store holds none, from its file. */
export function compiledBodyOf(article: Article): CompiledBody {
  // The glob loader's paths are relative to the project, where the dev server runs.
  const file = article.filePath;
  if (!file)
    throw new Error(`article ${article.id}: the content store names no file for it; ${STALE_STORE_FIX}`);
  if (article.rendered?.metadata?.[COMPILED_ON_REQUEST] !== true) return storedBody(file, article.rendered);
  const source = readFileSync(file, "utf8");
  const cached = compiled.get(file);
  if (cached?.source === source) return cached.body;
  // The body as the MDX integration gives it to the loader: after the frontmatter, trimmed.
  const body = compileArticleBody(file, parseFrontmatter(source, file).body.trim());
  compiled.set(file, { source, body });
  return body;
}
