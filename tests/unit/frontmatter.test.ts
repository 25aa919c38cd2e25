import { describe, expect, it } from "vitest";
import { ContentError, parseFrontmatter } from "../../src/lib/content/index.ts";

const problemsOf = (source: string): readonly string[] => {
  try {
    parseFrontmatter(source, "content/articles/x.mdx");
    return [];
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
};

describe("parseFrontmatter", () => {
  it("splits fields from the body", () => {
    const { data, body } = parseFrontmatter("---\ntitle: Hello\ntags: [a, b]\n---\n\nBody text.\n", "x.mdx");
    expect(data).toEqual({ title: "Hello", tags: ["a", "b"] });
    expect(body).toBe("\nBody text.\n");
  });

  it("keeps an unquoted date as written, so an impossible one is caught rather than moved", () => {
    expect(parseFrontmatter("---\ndate: 2025-02-30\n---\n", "x.mdx").data).toEqual({ date: "2025-02-30" });
  });

  it("reports a file without frontmatter", () => {
    expect(problemsOf("# Just a heading\n")).toEqual([
      "content/articles/x.mdx: (frontmatter): missing; start the file with a --- line, the fields, and a closing --- line",
    ]);
  });

  it("reports broken YAML with the file line", () => {
    const [problem] = problemsOf('---\ntitle: "ok"\ntags: [a, b\n---\n');
    expect(problem).toMatch(/^content\/articles\/x\.mdx: \(frontmatter\): not valid YAML at line \d+: /);
  });
});
