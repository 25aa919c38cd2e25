/**
 * The search index, after `astro build` (`npm run build` runs it): Pagefind over the built article
 * pages, the only ones marked `data-pagefind-body`, so the others are not even read. A hybrid build
 * (ARCHIVE_AFTER_DAYS, src/lib/site/archive.ts) writes its static files to dist/client/, and the index
 * goes there; it then covers the articles of the window, the ones a build writes.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = process.cwd();
const site = existsSync(join(root, "dist/client")) ? "dist/client" : "dist";
const result = spawnSync(
  join(root, "node_modules/.bin/pagefind"),
  ["--site", site, "--glob", "articles/**/*.html", "--quiet"],
  { cwd: root, stdio: "inherit" },
);
process.exit(result.status ?? 1);
