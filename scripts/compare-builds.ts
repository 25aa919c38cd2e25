/**
 * Builds the site at a commit and as the working tree stands, with the same build date, and lists every
 * file of dist/ that differs: what a change that should not change the site must show as empty.
 *
 *   npm run compare-builds -- <commit> [--date 2026-12-01]
 *
 * Both builds use this checkout's node_modules. Exit 0 when the two dist/ folders are byte-identical,
 * 1 when they differ (the files are listed), 2 on a usage or build error.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { filesUnder } from "./lib/files.ts";
import { buildSite, makeSiteCopy, ROOT } from "./lib/site-copy.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { date: { type: "string", default: "2026-12-01" } },
});
const commit = positionals[0];
if (!commit || positionals.length > 1) {
  console.error("usage: npm run compare-builds -- <commit> [--date YYYY-MM-DD]");
  process.exit(2);
}

/** A copy of the tree at `commit` (git archive), or of the working tree, built into its dist/. */
function built(label: string, commitish?: string): { dir: string; cleanup: () => void } {
  let source: string | undefined;
  if (commitish) {
    source = mkdtempSync(join(tmpdir(), "market-desk-archive-"));
    execFileSync("sh", ["-c", `git archive "$1" | tar -x -C "$2"`, "sh", commitish, source], { cwd: ROOT });
  }
  const copy = makeSiteCopy({}, { root: source ?? ROOT, nodeModules: join(ROOT, "node_modules") });
  if (source) rmSync(source, { recursive: true, force: true });
  const result = buildSite(copy.dir, { BUILD_DATE: values.date });
  if (result.status !== 0) {
    console.error(`${label}: the build failed:\n${result.output}`);
    copy.cleanup();
    process.exit(2);
  }
  return copy;
}

const before = built(commit, commit);
const after = built("the working tree");
try {
  const a = join(before.dir, "dist");
  const b = join(after.dir, "dist");
  const left = new Set(filesUnder(a));
  const right = new Set(filesUnder(b));
  const lines = [
    ...[...left].filter((f) => !right.has(f)).map((f) => `only at ${commit}: ${f}`),
    ...[...right].filter((f) => !left.has(f)).map((f) => `only in the working tree: ${f}`),
    ...[...left]
      .filter((f) => right.has(f) && !readFileSync(join(a, f)).equals(readFileSync(join(b, f))))
      .map((f) => `differs: ${f}`),
  ].sort();
  for (const line of lines) console.log(line);
  console.log(
    lines.length === 0
      ? `dist/ is byte-identical: ${left.size} files (build date ${values.date})`
      : `${lines.length} of ${new Set([...left, ...right]).size} files differ (build date ${values.date})`,
  );
  process.exitCode = lines.length === 0 ? 0 : 1;
} finally {
  before.cleanup();
  after.cleanup();
}
