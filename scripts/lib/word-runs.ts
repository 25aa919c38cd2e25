/**
 * Runs of consecutive words in prose, for the originality checks: no two articles may share a run of
 * twelve words, and no article a run of eight with the news digest the coverage started from. Words are
 * compared as readers see them: component tags, Markdown markup and link targets are not words; case,
 * punctuation and apostrophes do not count.
 */
import { createHash } from "node:crypto";

/** The words of an MDX body (or plain text), lowercase ASCII letters and digits only. */
export function proseWords(text: string): string[] {
  return text
    .replace(/^---\n[\s\S]*?\n---\n/, " ")
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, " ")
    .replace(/<[A-Za-z][^>]*?\/?>|<\/[A-Za-z][^>]*>/g, " ")
    .replace(/\]\([^)]*\)/g, " ")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’‘]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Every run of `n` consecutive words, as one string each. */
export function wordRuns(words: readonly string[], n: number): string[] {
  const runs: string[] = [];
  for (let i = 0; i + n <= words.length; i++) runs.push(words.slice(i, i + n).join(" "));
  return runs;
}

/** The fingerprint of a run: the first 16 hex digits of its SHA-256, so the run itself need not be kept. */
export function runHash(run: string): string {
  return createHash("sha256").update(run).digest("hex").slice(0, 16);
}

/** The digest fingerprint file: hashes of the digest's normalised runs, never its text. */
export const DIGEST_FINGERPRINT = "tests/fixtures/digest-fingerprint.json";

export interface Fingerprint {
  /** What was fingerprinted and how to make the file again. */
  about: string;
  /** Words per run. */
  words: number;
  /** runHash of every run, sorted. */
  hashes: string[];
}

export function fingerprint(text: string, words: number, about: string): Fingerprint {
  return { about, words, hashes: [...new Set(wordRuns(proseWords(text), words).map(runHash))].sort() };
}
