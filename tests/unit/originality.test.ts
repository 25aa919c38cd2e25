/**
 * Every article is our own prose: no two articles share a run of twelve words (a repeated background
 * paragraph, a stock sentence), and no article shares a run of eight words with the news digest the
 * coverage started from (tests/fixtures/digest-fingerprint.json holds only hashes of its runs).
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseFrontmatter } from "../../src/lib/content/index.ts";
import { pageTitle } from "../../src/lib/site/index.ts";
import {
  DIGEST_FINGERPRINT,
  proseWords,
  runHash,
  wordRuns,
  type Fingerprint,
} from "../../scripts/lib/word-runs.ts";

const DIR = "content/articles";
const articles = readdirSync(DIR)
  .filter((name) => name.endsWith(".mdx") && !name.startsWith("_"))
  .map((name) => {
    const { data, body } = parseFrontmatter(readFileSync(`${DIR}/${name}`, "utf8"), name);
    return { name, title: (data as { title: string }).title, words: proseWords(body) };
  });
const digest = JSON.parse(readFileSync(DIGEST_FINGERPRINT, "utf8")) as Fingerprint;
const digestRuns = new Set(digest.hashes);

describe("the rules themselves", () => {
  it("compare words as readers see them", () => {
    expect(
      proseWords('Nvidia’s shares <Move ticker="nvda" date="2025-01-27" /> [fell](/tags/x/), it said.'),
    ).toEqual(["nvidias", "shares", "fell", "it", "said"]);
    expect(wordRuns(["a", "b", "c"], 2)).toEqual(["a b", "b c"]);
    // sha256("a b c d e f g h"), first 16 hex digits, worked out with sha256sum.
    expect(runHash("a b c d e f g h")).toBe("1b6548f6b3c51dba");
  });
});

describe("every article", () => {
  it("shares no run of twelve words with another article", () => {
    const seen = new Map<string, string>();
    const shared: string[] = [];
    for (const article of articles) {
      for (const run of new Set(wordRuns(article.words, 12))) {
        const other = seen.get(run);
        if (other && other !== article.name) shared.push(`${article.name} and ${other}: "${run}"`);
        else seen.set(run, article.name);
      }
    }
    expect(shared).toEqual([]);
  });

  it.each(articles)("$name shares no run of eight words with the news digest", ({ words }) => {
    expect(digest.words).toBe(8);
    expect(wordRuns(words, 8).filter((run) => digestRuns.has(runHash(run)))).toEqual([]);
  });

  it.each(articles)(
    "$name has a headline that fits the page title (70 characters with the site name)",
    ({ title }) => {
      expect(pageTitle(title).length).toBeLessThanOrEqual(70);
    },
  );
});
