/**
 * The site module that touches the build output: a build writes into the previous dist/ instead of
 * emptying it first (astro.config.ts, `vite.build.emptyOutDir: false`), so an incremental build leaves
 * every unchanged page where it is rather than deleting it and copying it back from Astro's cache. What
 * that build neither wrote nor kept is then stale (a removed article's page and card, an old script
 * bundle) and is deleted here, so dist/ holds exactly what a cold build would write.
 */
import { readdirSync, rmdirSync, statSync, unlinkSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * Deletes every file under `dir` last written before `since` (ms since the epoch) that is not in
 * `kept` (paths relative to `dir`, forward slashes), then the folders left empty. The folders of
 * `owned` (relative to `dir`) are left alone: a later step writes them and removes its own stale
 * files. Returns the deleted files' paths, sorted.
 */
export function pruneStaleOutput(
  dir: string,
  kept: ReadonlySet<string>,
  since: number,
  owned: readonly string[] = [],
): string[] {
  const deleted: string[] = [];
  const skipped = new Set(owned.map((folder) => join(dir, folder)));
  const visit = (folder: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && skipped.has(path)) {
        empty = false;
        continue;
      }
      if (entry.isDirectory()) {
        if (visit(path)) rmdirSync(path);
        else empty = false;
        continue;
      }
      const file = relative(dir, path).split(sep).join("/");
      if (!kept.has(file) && statSync(path).mtimeMs < since) {
        unlinkSync(path);
        deleted.push(file);
      } else {
        empty = false;
      }
    }
    return empty;
  };
  visit(dir);
  return deleted.sort();
}
