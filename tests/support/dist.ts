import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { filesUnder } from "../../scripts/lib/files.ts";

/** The built site the `site` tests read; `npm test` builds it first. */
export const DIST = "dist";

/**
 * Every file under dist/ (or another build's output folder, `root`) as a site path with forward
 * slashes, e.g. `articles/x/index.html`.
 */
export function distFiles(extension?: string, root: string = DIST): string[] {
  if (!existsSync(root)) {
    throw new Error(
      `${root}/ is missing: its build did not run or failed (for dist/, run \`npm run build\` before the site tests).`,
    );
  }
  return filesUnder(root, extension);
}

/** A built file's text; gzipped files (Pagefind's index and fragments) are unpacked first. */
export function readDist(path: string, root: string = DIST): string {
  const bytes = readFileSync(join(root, path));
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipSync(bytes).toString("utf8");
  return bytes.toString("utf8");
}

/** Site URL path of a built HTML file: `articles/x/index.html` -> `/articles/x/`. */
export function urlPathOf(file: string): string {
  return "/" + file.replace(/(^|\/)index\.html$/, "$1");
}
