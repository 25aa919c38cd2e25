import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pruneStaleOutput } from "../../src/lib/site/output-files.ts";

const root = mkdtempSync(join(tmpdir(), "prune-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes `file` under `dir`, dated `seconds` after the epoch. */
function write(dir: string, file: string, seconds: number): void {
  mkdirSync(join(dir, file, ".."), { recursive: true });
  writeFileSync(join(dir, file), file);
  utimesSync(join(dir, file), seconds, seconds);
}

describe("stale build output", () => {
  it("is what this build neither wrote (newer than its start) nor kept; empty folders go too", () => {
    const dist = join(root, "dist");
    write(dist, "articles/kept/index.html", 100);
    write(dist, "articles/removed/index.html", 100);
    write(dist, "og/articles/removed.png", 100);
    write(dist, "_astro/old.abc123.js", 100);
    write(dist, "_astro/new.def456.js", 2000);
    write(dist, "index.html", 2000);
    const deleted = pruneStaleOutput(dist, new Set(["articles/kept/index.html"]), 1_000_000);
    expect(deleted).toEqual([
      "_astro/old.abc123.js",
      "articles/removed/index.html",
      "og/articles/removed.png",
    ]);
    expect(readdirSync(dist).sort()).toEqual(["_astro", "articles", "index.html"]);
    expect(readdirSync(join(dist, "articles"))).toEqual(["kept"]);
    expect(readdirSync(join(dist, "_astro"))).toEqual(["new.def456.js"]);
  });

  it("leaves alone the folders a later step owns", () => {
    const dist = join(root, "owned");
    write(dist, "pagefind/0/pagefind-entry.json", 100);
    write(dist, "articles/removed/index.html", 100);
    expect(pruneStaleOutput(dist, new Set(), 1_000_000, ["pagefind"])).toEqual([
      "articles/removed/index.html",
    ]);
    expect(readdirSync(join(dist, "pagefind", "0"))).toEqual(["pagefind-entry.json"]);
  });

  it("deletes nothing in a folder written by this build alone", () => {
    const dist = join(root, "fresh");
    write(dist, "a/index.html", 2000);
    expect(pruneStaleOutput(dist, new Set(), 1_000_000)).toEqual([]);
    expect(readdirSync(join(dist, "a"))).toEqual(["index.html"]);
  });
});
