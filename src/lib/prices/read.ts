/**
 * The prices module that reads files: every price snapshot in content/prices, as JSON, with a problem
 * naming each file that is not JSON. The build's reference check and `npm run check:content` both read
 * the snapshots with this.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { SnapshotRef } from "../content/checks.ts";
import { CONTENT } from "../content/paths.ts";

/** A price snapshot file as read from disk: what the reference checks need, and its JSON. */
export interface SnapshotFile extends SnapshotRef {
  data: unknown;
}

/**
 * Every snapshot in `dir` (content/prices), read straight from disk (the build's cached entries
 * included), and a problem naming each file that is not JSON; those files are listed in `unreadable`
 * too, so the reference check still counts them as their ticker's snapshot (one problem, not a second
 * "has no price snapshot"). The build's reference check and `npm run check:content` both read the
 * snapshots with this.
 */
export function readSnapshotFiles(dir: string): {
  snapshots: SnapshotFile[];
  unreadable: SnapshotRef[];
  problems: string[];
} {
  const snapshots: SnapshotFile[] = [];
  const unreadable: SnapshotRef[] = [];
  const problems: string[] = [];
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".json")) : [];
  for (const name of names.sort()) {
    const file = `${CONTENT.prices}/${name}`;
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, name), "utf8"));
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      problems.push(`${file}: (whole file): not valid JSON: ${error.message}`);
      unreadable.push({ file, id: basename(name, ".json") });
      continue;
    }
    const { ticker, currency } = (data ?? {}) as { ticker?: unknown; currency?: unknown };
    snapshots.push({
      file,
      id: basename(name, ".json"),
      ticker: typeof ticker === "string" ? ticker : undefined,
      currency: typeof currency === "string" ? currency : undefined,
      data,
    });
  }
  return { snapshots, unreadable, problems };
}
