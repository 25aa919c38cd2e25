/**
 * Reproducible output: a second build of the same sources, in another folder, gives the same dist/
 * byte for byte. Building elsewhere also catches absolute paths of the build machine leaking into
 * the output.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST, distFiles } from "../support/dist";
import { buildSite, makeSiteCopy } from "../support/site-copy";

/**
 * Files that may differ between two builds of the same commit, with the reason. None today: keep it
 * that way, or say here why a file cannot be reproducible.
 */
const MAY_DIFFER = new Map<string, string>();

const copy = makeSiteCopy({}, { prefix: "market-desk-rebuild-" });
const again = join(copy.dir, "dist");
let build: { status: number | null; output: string };

beforeAll(() => {
  build = buildSite(copy.dir);
}, 300_000);

afterAll(() => copy.cleanup());

/** Where two texts first differ, with some context, to say what changed. */
function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (buffer: Buffer) =>
    JSON.stringify(buffer.subarray(Math.max(0, i - 40), i + 40).toString("utf8"));
  return `at byte ${i}: ${show(a)} vs ${show(b)}`;
}

describe("a second build of the same sources", () => {
  it("succeeds", () => {
    expect(build.status, build.output.slice(-4000)).toBe(0);
  });

  it("writes the same files", () => {
    const keep = (file: string) => !MAY_DIFFER.has(file);
    expect(distFiles(undefined, again).filter(keep)).toEqual(distFiles().filter(keep));
  });

  it("writes every file byte for byte the same", () => {
    const differing: string[] = [];
    for (const file of distFiles().filter((f) => !MAY_DIFFER.has(f))) {
      const first = readFileSync(join(DIST, file));
      let second: Buffer;
      try {
        second = readFileSync(join(again, file));
      } catch {
        continue; // reported by the test above
      }
      if (!first.equals(second)) differing.push(`${file} ${firstDifference(first, second)}`);
    }
    expect(differing).toEqual([]);
  });
});
