import { describe, expect, it } from "vitest";
import {
  MAX_SHARDS,
  planShards,
  shardCount,
  shardOf,
  type PlannedShard,
  type ShardManifest,
} from "../../scripts/lib/search-shards.ts";

const pages = (count: number, hash = "h") =>
  new Map(Array.from({ length: count }, (_, i) => [`articles/story-${i}/index.html`, hash]));

/** What the script records after indexing `plan` with Pagefind 1.6.0. */
const manifestOf = (plan: readonly PlannedShard[]): ShardManifest => ({
  pagefind: "1.6.0",
  shards: Object.fromEntries(plan.map((s) => [s.shard, s.digest])),
});

describe("search shards", () => {
  it("are one per so many pages, at least one and at most MAX_SHARDS", () => {
    expect(shardCount(0, 500)).toBe(1);
    expect(shardCount(24, 500)).toBe(1);
    expect(shardCount(500, 500)).toBe(1);
    expect(shardCount(501, 500)).toBe(2);
    expect(shardCount(4000, 500)).toBe(8);
    expect(shardCount(1_000_000, 500)).toBe(MAX_SHARDS);
  });

  it("keep a page in the same shard whatever other pages come and go", () => {
    const page = "articles/story-7/index.html";
    const shardHolding = (all: ReadonlyMap<string, string>) =>
      planShards(all, 4, "1.6.0", undefined, () => true).find((s) => s.pages.includes(page))!.pages;
    const before = shardHolding(pages(40));
    const more = new Map(
      [...pages(40), ...pages(60, "other")].filter(([path]) => !path.endsWith("-3/index.html")),
    );
    const after = shardHolding(more);
    // The same neighbours as before, but for the one removed, plus only added pages.
    expect(before.filter((p) => p !== "articles/story-3/index.html").every((p) => after.includes(p))).toBe(
      true,
    );
    expect(
      after.filter((p) => !before.includes(p)).every((p) => Number(/story-(\d+)/.exec(p)![1]) >= 40),
    ).toBe(true);
    expect(shardOf(page, 4)).toBeLessThan(4);
  });

  it("split the pages between them, every page in one shard, bundles numbered from 0", () => {
    const all = pages(40);
    const plan = planShards(all, 4, "1.6.0", undefined, () => true);
    expect(plan.map((s) => s.shard)).toEqual(plan.map((_, i) => i));
    expect(plan.flatMap((s) => s.pages).sort()).toEqual([...all.keys()].sort());
    expect(plan.every((s) => s.pages.length > 0 && s.stale)).toBe(true);
  });

  it("are indexed again only where a page changed, was added or removed", () => {
    const before = pages(40);
    const first = planShards(before, 4, "1.6.0", undefined, () => true);
    const manifest = manifestOf(first);
    expect(planShards(before, 4, "1.6.0", manifest, () => true).some((s) => s.stale)).toBe(false);

    const edited = new Map(before).set(first[1]!.pages[0]!, "changed");
    expect(planShards(edited, 4, "1.6.0", manifest, () => true).map((s) => s.stale)).toEqual(
      first.map((s) => s.shard === 1),
    );
    const removed = new Map(before);
    removed.delete(first[2]!.pages[0]!);
    expect(planShards(removed, 4, "1.6.0", manifest, () => true).map((s) => s.stale)).toEqual(
      first.map((s) => s.shard === 2),
    );
  });

  it("are all indexed again for another Pagefind, and a shard whose bundle is gone", () => {
    const all = pages(40);
    const first = planShards(all, 4, "1.6.0", undefined, () => true);
    const manifest = manifestOf(first);
    expect(planShards(all, 4, "1.7.0", manifest, () => true).every((s) => s.stale)).toBe(true);
    expect(planShards(all, 4, "1.6.0", manifest, (shard) => shard !== 3).map((s) => s.stale)).toEqual(
      first.map((s) => s.shard === 3),
    );
  });
});
