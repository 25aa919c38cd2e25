/**
 * The search index, after `astro build` (`npm run build` runs it): Pagefind over the built article
 * pages, the only ones marked `data-pagefind-body`, in shards (scripts/lib/search-shards.ts). Only the
 * shards whose pages changed since the last run are indexed again; the others are kept. Each stale
 * shard is indexed from a folder of hard links to its pages into a new folder, which replaces the old
 * one only when Pagefind succeeded. dist/pagefind/shards.json lists the bundles for the search page.
 * A hybrid build (ARCHIVE_AFTER_DAYS, src/lib/site/archive.ts) writes its static files to dist/client/,
 * and the index goes there; it then covers the articles of the window, the ones a build writes.
 * SEARCH_SHARD_PAGES=n sets the pages per shard (tests use a few to get several shards).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { inParallel } from "../src/lib/site/in-parallel.ts";
import { filesUnder, installedVersion } from "./lib/files.ts";
import {
  planShards,
  SEARCH_INDEX_FOLDER,
  SHARD_PAGES,
  shardCount,
  shardPath,
  type PlannedShard,
  type ShardManifest,
} from "./lib/search-shards.ts";

const root = process.cwd();
const site = existsSync(join(root, "dist/client")) ? "dist/client" : "dist";
const bundles = join(root, site, SEARCH_INDEX_FOLDER);
const manifestFile = join(root, "node_modules/.cache/market-desk/search-index.json");
const pagefindBin = join(root, "node_modules/.bin/pagefind");

const perShard = Number(process.env.SEARCH_SHARD_PAGES ?? SHARD_PAGES);
if (!Number.isInteger(perShard) || perShard < 1) {
  console.error(
    `SEARCH_SHARD_PAGES=${process.env.SEARCH_SHARD_PAGES}: set it to a whole number of pages above 0`,
  );
  process.exit(1);
}

const version = installedVersion(root, "pagefind");
if (version === undefined) {
  console.error("search index: Pagefind is not installed in node_modules; run npm ci");
  process.exit(1);
}
const articles = join(root, site, "articles");
const paths = existsSync(articles) ? filesUnder(articles, ".html").map((file) => `articles/${file}`) : [];
const pages = new Map(
  paths.map((path) => [
    path,
    createHash("sha256")
      .update(readFileSync(join(root, site, path)))
      .digest("hex"),
  ]),
);
const previous = readManifest();
const plan = planShards(pages, shardCount(pages.size, perShard), version, previous, (shard) =>
  existsSync(join(bundles, String(shard), "pagefind-entry.json")),
);

/** Indexes one shard's pages into a new folder, then puts it in place of the shard's old bundle. */
async function index(shard: PlannedShard): Promise<void> {
  const work = mkdtempSync(join(root, site, "..", ".search-shard-"));
  try {
    for (const page of shard.pages) {
      const to = join(work, "site", page);
      mkdirSync(dirname(to), { recursive: true });
      link(join(root, site, page), to);
    }
    const output = join(work, "bundle");
    const status = await pagefind(join(work, "site"), output);
    if (status !== 0)
      throw new Error(
        `search index: Pagefind failed on shard ${shard.shard} (exit ${status}); its message is above`,
      );
    const target = join(bundles, String(shard.shard));
    rmSync(target, { recursive: true, force: true });
    mkdirSync(bundles, { recursive: true });
    renameSync(output, target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs Pagefind over `from` into `to`, its messages on this process's output; resolves to its exit code. */
function pagefind(from: string, to: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(pagefindBin, ["--site", from, "--output-path", to, "--quiet"], {
      cwd: root,
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("close", resolve);
  });
}

/** A hard link where the file system allows one, else a copy: Pagefind only reads it. */
function link(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** The last run's manifest; none (so every shard is indexed) when it is missing or not one. */
function readManifest(): ShardManifest | undefined {
  let parsed: Partial<ShardManifest> | null;
  try {
    parsed = JSON.parse(readFileSync(manifestFile, "utf8")) as Partial<ShardManifest> | null;
  } catch {
    return undefined;
  }
  const { pagefind, shards } = parsed ?? {};
  return typeof pagefind === "string" && typeof shards === "object" && shards !== null
    ? { pagefind, shards }
    : undefined;
}

const stale = plan.filter((shard) => shard.stale);
// Two at a time: Pagefind uses more than one core for part of its run, not all of it. Both settle
// before the script ends, so no Pagefind is left running and no work folder is left behind.
try {
  await inParallel(stale, 2, index);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// What is not a current shard's bundle is of an earlier run (a shard that no longer exists, an older layout).
const current = new Set(plan.map((shard) => String(shard.shard)));
for (const entry of existsSync(bundles) ? readdirSync(bundles) : []) {
  if (!current.has(entry)) rmSync(join(bundles, entry), { recursive: true, force: true });
}
if (plan.length > 0) {
  writeFileSync(
    join(bundles, "shards.json"),
    `${JSON.stringify(plan.map((shard) => shardPath(shard.shard)))}\n`,
  );
}
mkdirSync(dirname(manifestFile), { recursive: true });
const manifest: ShardManifest = {
  pagefind: version,
  shards: Object.fromEntries(plan.map((shard) => [shard.shard, shard.digest])),
};
writeFileSync(manifestFile, `${JSON.stringify(manifest)}\n`);
console.log(
  `search index: ${pages.size} page(s) in ${plan.length} shard(s); indexed ${stale.length}, kept ${plan.length - stale.length}`,
);
