/**
 * How the bundles pack the articles. By default Rolldown gives every MDX article two chunks
 * (its module and Astro's `?astroPropagatedAssets` twin): 2000 of the bundle's 2067 chunks at 1000
 * articles, and the per-chunk work is most of the bundle's time. Packing the articles into a fixed
 * number of chunks, by a stable hash of their id, cut the bundle from 5.2 to 2.9 s at 1000 articles
 * (docs/performance.md). The pages are the same: chunking changes neither the modules nor Astro's
 * incremental hashes, which are taken per module.
 */
import { createHash } from "node:crypto";
import { CONTENT, idOfFile } from "../content/paths.ts";

/** How many chunks the articles are packed into (32 chunks measured as fast as 8 or 128). */
export const ARTICLE_CHUNKS = 32;

/**
 * The chunks of each Vite environment of a build: the prerender bundle's few, and the hybrid server's
 * ("ssr") many, so that a request for an archived article loads the code of a few dozen at most
 * (about 19 at 20,000 articles; the hybrid build went from 216.6 s to 183.4 s, docs/scaling.md).
 */
export const ARTICLE_CHUNKS_BY_ENVIRONMENT: Readonly<Record<string, number>> = {
  prerender: ARTICLE_CHUNKS,
  ssr: 1024,
};

/**
 * The chunk an article's module (and its query-string twins) goes into, or null for any other module.
 * The hash is of the article's id, so an article keeps its chunk whatever else is added or moved.
 */
export function articleChunkName(moduleId: string, chunks: number = ARTICLE_CHUNKS): string | null {
  const file = moduleId.split("?")[0]!.replaceAll("\\", "/");
  if (!file.includes(`/${CONTENT.articles}/`) || !file.endsWith(".mdx")) return null;
  const hash = createHash("sha256").update(idOfFile(file)).digest().readUInt32BE(0);
  return `articles-${hash % chunks}`;
}
