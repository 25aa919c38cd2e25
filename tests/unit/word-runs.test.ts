import { describe, expect, it } from "vitest";
import { fingerprint, proseWords, runHash, wordRuns } from "../../scripts/lib/word-runs.ts";

describe("proseWords", () => {
  it("keeps the words a reader reads, lowercase, without tags, link targets or apostrophes", () => {
    expect(
      proseWords(
        'Nvidia’s shares <Move ticker="nvda" date="2025-01-27" /> [fell](/tags/x/), it said. {/* note */}',
      ),
    ).toEqual(["nvidias", "shares", "fell", "it", "said"]);
  });

  it("drops the frontmatter and folds accents", () => {
    expect(proseWords('---\ntitle: "x"\n---\nCafé <b>déjà</b> vu')).toEqual(["cafe", "deja", "vu"]);
  });
});

describe("wordRuns and runHash", () => {
  it("gives every run of n words", () => {
    expect(wordRuns(["a", "b", "c"], 2)).toEqual(["a b", "b c"]);
    expect(wordRuns(["a"], 2)).toEqual([]);
  });

  it("hashes a run to the first 16 hex digits of its SHA-256", () => {
    // Worked out with: printf 'a b c d e f g h' | sha256sum
    expect(runHash("a b c d e f g h")).toBe("1b6548f6b3c51dba");
  });

  it("fingerprints a text as its sorted, distinct run hashes", () => {
    const print = fingerprint("A b c d e f g h. A b c d e f g h", 8, "test");
    expect(print.words).toBe(8);
    expect(print.hashes).toContain("1b6548f6b3c51dba");
    expect(print.hashes).toEqual([...new Set(print.hashes)].sort());
    expect(print.hashes).toHaveLength(8);
  });
});
