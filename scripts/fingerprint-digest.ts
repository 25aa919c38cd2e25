/**
 * Writes tests/fixtures/digest-fingerprint.json from the news digest the coverage started from: the
 * hashes of its normalised eight-word runs, so the originality test can run on any clone while the
 * digest's text stays out of the repository.
 *
 *   npm run fingerprint-digest -- <path to digest.txt>
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { DIGEST_FINGERPRINT, fingerprint } from "./lib/word-runs.ts";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run fingerprint-digest -- <path to digest.txt>");
  process.exit(2);
}
const about =
  "SHA-256 (first 16 hex digits) of every run of 8 normalised words of the newsroom's source digest " +
  "(newsroom/digest.txt, kept outside the repository); written by npm run fingerprint-digest.";
const print = fingerprint(readFileSync(file, "utf8"), 8, about);
writeFileSync(`${DIGEST_FINGERPRINT}.tmp`, `${JSON.stringify(print, null, 2)}\n`);
renameSync(`${DIGEST_FINGERPRINT}.tmp`, DIGEST_FINGERPRINT);
console.log(`${DIGEST_FINGERPRINT}: ${print.hashes.length} runs of ${print.words} words`);
