/**
 * Where a page gets an article's compiled body (src/data/compiled-body.ts): from the content store in a
 * build; from the article's file, compiled again whenever it changes, where the store holds none (the
 * dev server), so an edit shows on the next reload.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { compiledBodyOf } from "../../src/data/compiled-body.ts";
import type { Article } from "../../src/data/site-data.ts";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function articleFile(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), "compiled-body-"));
  dirs.push(dir);
  const file = join(dir, "story.mdx");
  writeFileSync(file, `---\ntitle: "A story"\ndate: 2025-01-27\n---\n\n${body}\n`);
  return file;
}

const entry = (filePath: string, rendered: Article["rendered"]) => ({ filePath, rendered }) as Article;

describe("compiledBodyOf", () => {
  it("gives the stored body when the store holds its HTML", () => {
    const rendered = {
      html: "<p>Stored.</p>",
      metadata: { imagePaths: [], components: [], readingMinutes: 1 },
    };
    expect(compiledBodyOf(entry("no/such/file.mdx", rendered))).toBe(rendered);
  });

  it("compiles the file when the store holds only the metadata, and again after an edit", () => {
    const file = articleFile("First **version**.");
    const article = entry(file, { html: "", metadata: { imagePaths: [], compiledOnRequest: true } });
    expect(compiledBodyOf(article).html).toBe("<p>First <strong>version</strong>.</p>");
    writeFileSync(file, `---\ntitle: "A story"\ndate: 2025-01-27\n---\n\nSecond version.\n`);
    const edited = compiledBodyOf(article);
    expect(edited.html).toBe("<p>Second version.</p>");
    expect(edited.metadata.readingMinutes).toBe(1);
  });
});
