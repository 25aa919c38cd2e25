/**
 * The search index in shards: Pagefind cannot update an index, only write one, so the article pages are
 * split into shards by a hash of their path and each shard is a Pagefind bundle of its own
 * (dist/pagefind/<n>/). A rebuild re-indexes only the shards whose pages changed. The search page loads
 * the first bundle and merges the others (`mergeIndex`, which reuses the first bundle's WebAssembly), so
 * a reader's extra cost per shard is its small entry and metadata files.
 */
import { createHash } from "node:crypto";

/** The folder of the site (dist/ or, in hybrid mode, dist/client/) that holds every bundle and shards.json. */
export const SEARCH_INDEX_FOLDER = "pagefind";

/** Pages per shard: a warm rebuild re-indexes about this many pages. */
export const SHARD_PAGES = 500;
/** At most this many shards: each is one more request per search term for a reader. */
export const MAX_SHARDS = 16;

/** How many shards `pages` article pages are split into. */
export function shardCount(pages: number, perShard: number = SHARD_PAGES): number {
  return Math.min(MAX_SHARDS, Math.max(1, Math.ceil(pages / perShard)));
}

/** The shard of a page (its path under the site, e.g. articles/x/index.html): stable while `count` is. */
export function shardOf(page: string, count: number): number {
  return createHash("sha256").update(page).digest().readUInt32BE(0) % count;
}

/** One shard of the plan: its pages, the digest of their paths and bytes, and whether to index it again. */
export interface PlannedShard {
  shard: number;
  pages: string[];
  digest: string;
  stale: boolean;
}

/** What the last run indexed: the Pagefind version and each shard's digest, by shard number. */
export interface ShardManifest {
  pagefind: string;
  shards: Record<string, string>;
}

/**
 * The shards of `pages` (path -> content hash): a shard is indexed again unless the last run's manifest
 * has the same Pagefind version and the same digest for it and its bundle is still there (`present`).
 */
export function planShards(
  pages: ReadonlyMap<string, string>,
  count: number,
  pagefind: string,
  previous: ShardManifest | undefined,
  present: (shard: number) => boolean,
): PlannedShard[] {
  const groups = Array.from({ length: count }, () => [] as string[]);
  for (const page of [...pages.keys()].sort()) groups[shardOf(page, count)]!.push(page);
  // Pagefind cannot index no pages, and the search page loads bundle 0 first: bundles are numbered
  // over the groups that have pages (a group is empty only when a site has a few pages per shard).
  return groups
    .filter((group) => group.length > 0)
    .map((group, shard) => {
      const hash = createHash("sha256");
      for (const page of group) hash.update(page).update("\0").update(pages.get(page)!).update("\n");
      const digest = hash.digest("hex");
      const kept = previous?.pagefind === pagefind && previous.shards[shard] === digest && present(shard);
      return { shard, pages: group, digest, stale: !kept };
    });
}

/** The site path of a shard's bundle, as the search page asks Pagefind for it (src/scripts/search.ts loads 0's library). */
export function shardPath(shard: number): string {
  return `/${SEARCH_INDEX_FOLDER}/${shard}/`;
}
