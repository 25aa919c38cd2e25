/**
 * The link check of a warm build. The glob loader re-reads only the articles that changed, and the
 * links of the others come from the content store (src/data/loaders.ts); a link in an unchanged
 * article still breaks when the article it goes to is removed, and the build says so exactly as a
 * cold build of the same sources does.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, makeSiteCopy } from "../support/site-copy";

const REMOVED = "content/articles/baidu-plans-next-generation-model.mdx";
/** The three articles that link to it, none of them edited. */
const LINKING = [
  "content/articles/alibaba-releases-open-qwq-32b-model.mdx",
  "content/articles/china-open-source-ai-turn.mdx",
  "content/articles/us-china-ai-race-good-for-business.mdx",
];

const warm = makeSiteCopy({}, { prefix: "market-desk-warm-links-" });
const cold = makeSiteCopy({}, { prefix: "market-desk-cold-links-" });
let first: { status: number | null; output: string };
let rebuild: { status: number | null; output: string };
let fresh: { status: number | null; output: string };

/** The problem lines of a build's output, `content/articles/x.mdx: line N: …` (Astro indents them). */
const problemLines = (output: string) =>
  [
    ...new Set(
      (output.match(/^ *content\/articles\/[^\n]*: line \d+: [^\n]*$/gm) ?? []).map((line) => line.trim()),
    ),
  ].sort();

beforeAll(() => {
  first = buildSite(warm.dir);
  rmSync(join(warm.dir, REMOVED));
  rebuild = buildSite(warm.dir);
  rmSync(join(cold.dir, REMOVED));
  fresh = buildSite(cold.dir);
}, 600_000);

afterAll(() => {
  warm.cleanup();
  cold.cleanup();
});

describe("a warm build after removing an article that unchanged articles link to", () => {
  it("starts from a build that passed", () => {
    expect(first.status, first.output.slice(-4000)).toBe(0);
  });

  it("stops, naming each unchanged article's broken link", () => {
    expect(rebuild.status).not.toBe(0);
    const lines = problemLines(rebuild.output);
    for (const file of LINKING) {
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^${file}: line \\d+: link "/articles/baidu-plans-next-generation-model/": goes to no page of the site`,
          ),
        ),
      );
    }
  });

  it("says exactly what a cold build of the same sources says", () => {
    expect(fresh.status).not.toBe(0);
    expect(problemLines(fresh.output).length).toBeGreaterThanOrEqual(LINKING.length);
    expect(problemLines(rebuild.output)).toEqual(problemLines(fresh.output));
  });
});
