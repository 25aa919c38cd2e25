/**
 * Where an article's compiled body comes from. A hybrid build keeps it in the content store, compiled
 * when the content loaded, for its server. The dev server and a static build keep only its local
 * images and links there and compile the body from its file when a page asks (src/data/loaders.ts):
 * Astro saves the content store 500 ms after an edit and the dev server then reloads all of it, and
 * every build bundles and loads the whole store as one module, both of which cost more as the archive
 * grows; the file itself is read at once. Each body is compiled once per file text.
 */
import type { Article } from "@/data/site-data.ts";
import { frontmatterBody } from "@/lib/content/frontmatter.ts";
import { readArticleSource } from "@/lib/content/read.ts";
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
  // Decoded as the loader's check decoded it (a UTF-8 byte-order mark dropped).
  const read = readArticleSource(file, file);
  if ("problem" in read) throw new Error(read.problem);
  const { source } = read;
  const cached = compiled.get(file);
  if (cached?.source === source) return cached.body;
  // The body as the MDX integration gives it to the loader: after the frontmatter, trimmed.
  const body = compileArticleBody(file, frontmatterBody(source, file).trim());
  compiled.set(file, { source, body });
  return body;
}
