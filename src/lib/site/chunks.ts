/**
 * How the prerender bundle packs the articles. By default Rolldown gives every MDX article two chunks
 * (its module and Astro's `?astroPropagatedAssets` twin): 2000 of the bundle's 2067 chunks at 1000
 * articles, and the per-chunk work is most of the bundle's time. Packing the articles into a fixed
 * number of chunks, by a stable hash of their file name, cut the bundle from 5.2 to 2.9 s at 1000
 * articles (docs/performance.md). The pages are the same: chunking changes neither the modules nor
 * Astro's incremental hashes, which are taken per module.
 */

/** How many chunks the articles are packed into (32 chunks measured as fast as 8 or 128). */
export const ARTICLE_CHUNKS = 32;

const ARTICLE_MODULE = /[\\/]content[\\/]articles[\\/]([^\\/?]+)\.mdx(?:\?|$)/;

/**
 * The chunk an article's module (and its query-string twins) goes into, or null for any other module.
 * The hash is FNV-1a over the file name, so an article keeps its chunk whatever else is added.
 */
export function articleChunkName(moduleId: string, chunks: number = ARTICLE_CHUNKS): string | null {
  const name = ARTICLE_MODULE.exec(moduleId)?.[1];
  if (name === undefined) return null;
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return `articles-${hash % chunks}`;
}
