import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** The built site the `site` tests read; `npm test` builds it first. */
export const DIST = "dist";

/**
 * Every file under dist/ (or another build's output folder, `root`) as a site path with forward
 * slashes, e.g. `articles/x/index.html`.
 */
export function distFiles(extension?: string, root: string = DIST): string[] {
  if (!existsSync(root)) throw new Error(`${root}/ is missing: run \`npm run build\` before the site tests.`);
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!extension || entry.name.endsWith(extension))
        out.push(relative(root, full).split(sep).join("/"));
    }
  };
  walk(root);
  return out.sort();
}

export function readDist(path: string, root: string = DIST): string {
  return readFileSync(join(root, path), "utf8");
}

/** Site URL path of a built HTML file: `articles/x/index.html` -> `/articles/x/`. */
export function urlPathOf(file: string): string {
  return "/" + file.replace(/(^|\/)index\.html$/, "$1");
}
