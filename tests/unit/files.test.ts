import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { filesUnder } from "../../scripts/lib/files.ts";

const root = mkdtempSync(join(tmpdir(), "market-desk-files-"));
for (const file of ["index.html", "b/index.html", "a/deep/er/rss.xml", "a/index.html", "_astro/x.js"]) {
  mkdirSync(join(root, file, ".."), { recursive: true });
  writeFileSync(join(root, file), "");
}
mkdirSync(join(root, "empty"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("filesUnder", () => {
  it("lists every file at any depth, relative to the root with forward slashes, sorted, without folders", () => {
    expect(filesUnder(root)).toEqual([
      "_astro/x.js",
      "a/deep/er/rss.xml",
      "a/index.html",
      "b/index.html",
      "index.html",
    ]);
  });

  it("keeps only the names that end with the extension given", () => {
    expect(filesUnder(root, ".html")).toEqual(["a/index.html", "b/index.html", "index.html"]);
  });
});
