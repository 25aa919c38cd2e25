import { readdirSync, readFileSync } from "node:fs";
// The frontmatter reader of Astro's MDX integration (@astrojs/mdx/dist/utils.js), to compare with.
import { parseFrontmatter as parseAstroFrontmatter } from "@astrojs/internal-helpers/frontmatter";
import { z } from "astro/zod";
import { describe, expect, it } from "vitest";
import { articleSchema, checkArticle, ContentError, parseFrontmatter } from "../../src/lib/content/index.ts";

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

describe("an article's checked frontmatter", () => {
  // The loader stores the check's data for an article without a lead image instead of letting Astro
  // validate it again (src/data/loaders.ts): that is only right if the check's strict reader and the
  // one Astro's MDX integration uses give the schema the same fields. This holds them to it on every
  // article (unquoted dates, quoted strings, block lists, dated notes).
  const astroData = (source: string) =>
    articleSchema(() => z.string()).parse(
      parseAstroFrontmatter(source, { frontmatter: "empty-with-spaces" }).frontmatter,
    );

  it("is what Astro's reading gives the collection's schema, for every article without a lead image", () => {
    const files = readdirSync("content/articles").filter((f) => f.endsWith(".mdx"));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const source = readFileSync(`content/articles/${name}`, "utf8");
      const { data, problems } = checkArticle(`content/articles/${name}`, source);
      expect(problems, name).toEqual([]);
      if (data?.image === undefined) expect(data, name).toEqual(astroData(source));
    }
  });
});
