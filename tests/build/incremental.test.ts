/**
 * Incremental builds (experimental.incrementalBuild) copy unchanged pages from the previous build.
 * The one property that matters: a rebuild after an edit gives exactly the output a cold build of the
 * edited sources gives. Here one article's headline changes; its own page, and the pages that show it
 * (related and adjacent stories, lists, feeds) must change, and nothing may be left stale. The same
 * holds for a deployment: a fresh clone that gets only the cached folders of the last build
 * (scripts/lib/build-cache.ts, what .github/workflows/deploy.yml restores) rebuilds warm.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_CACHE_PATHS } from "../../scripts/lib/build-cache.ts";
import { distFiles } from "../support/dist";
import { buildSite, makeSiteCopy } from "../support/site-copy";

const EDITED = "content/articles/tesla-climbs-after-austin-robotaxi-pilot.mdx";
/** Removed in the same change: its page and card must not outlive it in dist/ (no article links to it). */
const REMOVED = "content/articles/six-months-after-deepseek.mdx";
const NEW_TITLE = "Tesla rises as its robotaxi pilot begins in Austin";
const edit = (source: string) => source.replace(/^title: .*$/m, `title: "${NEW_TITLE}"`);
/** Two article pages per search shard (scripts/lib/search-shards.ts): a dozen shards, most unchanged by the edit. */
const ENV = { SEARCH_SHARD_PAGES: "2" };

const warm = makeSiteCopy({}, { prefix: "market-desk-warm-" });
/** The cached folders of the first build, as a deployment restores them; the rebuilt dist/. */
const saved = mkdtempSync(join(tmpdir(), "market-desk-build-cache-"));
const rebuilt = join(saved, "rebuilt");
let cold: ReturnType<typeof makeSiteCopy>;
let clone: ReturnType<typeof makeSiteCopy>;
let rebuild: { status: number | null; output: string };
let fresh: { status: number | null; output: string };
let deployed: { status: number | null; output: string };

/** The edit: a new headline for one article, and another article removed. */
function change(dir: string, edited: string): void {
  writeFileSync(join(dir, EDITED), edited);
  rmSync(join(dir, REMOVED));
}

beforeAll(() => {
  const first = buildSite(warm.dir, ENV);
  if (first.status !== 0) throw new Error(first.output.slice(-4000));
  for (const path of BUILD_CACHE_PATHS) cpSync(join(warm.dir, path), join(saved, path), { recursive: true });
  const edited = edit(readFileSync(join(warm.dir, EDITED), "utf8"));
  change(warm.dir, edited);
  rebuild = buildSite(warm.dir, ENV);
  cpSync(join(warm.dir, "dist"), rebuilt, { recursive: true });
  // A fresh clone of the edited sources where the first build ran (a CI checkout is always at the same
  // path, and Astro's page hashes name the modules by theirs), with nothing of that build but the
  // cached folders.
  warm.cleanup();
  clone = makeSiteCopy({}, { at: warm.dir });
  change(clone.dir, edited);
  for (const path of BUILD_CACHE_PATHS) cpSync(join(saved, path), join(clone.dir, path), { recursive: true });
  deployed = buildSite(clone.dir, ENV);
  cold = makeSiteCopy({}, { prefix: "market-desk-cold-" });
  change(cold.dir, edited);
  fresh = buildSite(cold.dir, ENV);
}, 900_000);

afterAll(() => {
  clone?.cleanup();
  cold?.cleanup();
  rmSync(saved, { recursive: true, force: true });
});

describe("a rebuild after editing one headline and removing an article", () => {
  it("succeeds, copying the unaffected article pages instead of rendering them", () => {
    expect(rebuild.status, rebuild.output.slice(-4000)).toBe(0);
    expect(rebuild.output).toMatch(/\/articles\/[a-z0-9-]+\/index\.html \((restored|cached)\)/);
    expect(rebuild.output).not.toMatch(
      /\/articles\/tesla-climbs-after-austin-robotaxi-pilot\/index\.html \((restored|cached)\)/,
    );
  });

  it("copies the feeds the edit does not reach, and renders those it does", () => {
    const copied = (path: string) => new RegExp(`${path} \\((restored|cached)\\)`);
    expect(rebuild.output).toMatch(copied("/(tags|tickers|authors)/[a-z0-9-]+/(rss|atom)\\.xml"));
    expect(rebuild.output).not.toMatch(copied(" /rss\\.xml"));
    expect(rebuild.output).not.toMatch(copied("/tickers/tsla/rss\\.xml"));
  });

  it("indexes again only the search shards whose pages changed", () => {
    const shards = /search index: \d+ page\(s\) in (\d+) shard\(s\); indexed (\d+), kept (\d+)/;
    const [, count, indexed, kept] = shards.exec(rebuild.output)!.map(Number);
    expect(count).toBeGreaterThan(1);
    expect(kept).toBeGreaterThan(0);
    expect(indexed! + kept!).toBe(count);
    expect(shards.exec(fresh.output)?.slice(1).map(Number)).toEqual([count, count, 0]);
  });

  it("leaves nothing of the removed article", () => {
    const files = distFiles(undefined, rebuilt);
    expect(files.filter((file) => file.includes("six-months-after-deepseek"))).toEqual([]);
  });

  it("gives byte for byte the output of a cold build of the edited sources", () => {
    expect(fresh.status, fresh.output.slice(-4000)).toBe(0);
    const warmDist = rebuilt;
    const coldDist = join(cold.dir, "dist");
    const files = distFiles(undefined, coldDist);
    expect(distFiles(undefined, warmDist)).toEqual(files);
    const stale = files.filter(
      (file) => !readFileSync(join(warmDist, file)).equals(readFileSync(join(coldDist, file))),
    );
    expect(stale).toEqual([]);
  });

  it("in a fresh clone given only the cached folders, is as warm and gives the same output", () => {
    expect(deployed.status, deployed.output.slice(-4000)).toBe(0);
    const reused = (output: string) => output.match(/ \((restored|cached)\)/g)?.length ?? 0;
    // As many pages copied from the cache as in the rebuild in place, and none of them the edited one.
    expect(reused(deployed.output)).toBe(reused(rebuild.output));
    expect(reused(deployed.output)).toBeGreaterThan(0);
    expect(deployed.output).not.toMatch(
      /\/articles\/tesla-climbs-after-austin-robotaxi-pilot\/index\.html \((restored|cached)\)/,
    );
    const cloneDist = join(clone.dir, "dist");
    const coldDist = join(cold.dir, "dist");
    const files = distFiles(undefined, coldDist);
    expect(distFiles(undefined, cloneDist)).toEqual(files);
    const differ = files.filter(
      (file) => !readFileSync(join(cloneDist, file)).equals(readFileSync(join(coldDist, file))),
    );
    expect(differ).toEqual([]);
  });

  it("shows the new headline on the pages that link to the story", () => {
    const html = (file: string) => readFileSync(join(rebuilt, file), "utf8");
    expect(html("articles/tesla-climbs-after-austin-robotaxi-pilot/index.html")).toContain(NEW_TITLE);
    // Tesla's ticker page lists every Tesla story.
    expect(html("tickers/tsla/index.html")).toContain(NEW_TITLE);
    expect(html("index.html")).toContain(NEW_TITLE);
  });
});
