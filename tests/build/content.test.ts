/**
 * The build itself stops on bad content with the same file: field: message lines the unit tests
 * check: these build a throwaway copy of the site with one bad file added.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildCopy, makeSiteCopy } from "../support/site-copy.ts";

const fixture = (name: string) => readFileSync(`tests/fixtures/bad-content/${name}`, "utf8");

function buildWith(files: Record<string, string>) {
  const site = makeSiteCopy(files);
  try {
    return buildCopy(site.dir);
  } finally {
    site.cleanup();
  }
}

describe("the build stops on bad content", () => {
  it("names the article, the field and the known tickers for an unknown ticker", () => {
    const known = (parse(readFileSync("content/tickers.yaml", "utf8")) as { id: string }[])
      .map((t) => t.id)
      .sort()
      .join(", ");
    const result = buildWith({ "content/articles/nvidia-rout.mdx": fixture("nvidia-rout.mdx") });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      `content/articles/nvidia-rout.mdx: tickers[1]: unknown ticker "nvdaa" (known: ${known})`,
    );
  });

  it("reports every frontmatter problem of an article at once", () => {
    const result = buildWith({ "content/articles/two-problems.mdx": fixture("two-problems.mdx") });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      "content/articles/two-problems.mdx: description: is 9 characters long; a dek needs 50 to 300 characters",
    );
    expect(result.output).toContain(
      'content/articles/two-problems.mdx: date: "2025-02-30" is not a calendar date; write YYYY-MM-DD, e.g. 2025-01-27',
    );
  });

  it("ignores article files whose names start with an underscore or a dot", () => {
    const result = buildWith({
      "content/articles/_notes.mdx": fixture("two-problems.mdx"),
      "content/articles/2025/.draft-backup.mdx": fixture("two-problems.mdx"),
    });
    expect(result.status, result.output).toBe(0);
  });
});
