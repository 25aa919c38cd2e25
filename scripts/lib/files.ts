import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * Every file under `root` (a build's output folder, say) whose name ends with `extension`, or every
 * file when there is none: paths relative to `root` with forward slashes, e.g. `articles/x/index.html`,
 * sorted.
 */
export function filesUnder(root: string, extension = ""): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory() && entry.name.endsWith(extension))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

/** The version of the package `name` installed under `root`/node_modules, or undefined when it is not. */
export function installedVersion(root: string, name: string): string | undefined {
  const file = join(root, "node_modules", name, "package.json");
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version
    : undefined;
}
