/**
 * The recorded responses are kept exactly as recorded: each file's git blob id is the one
 * tests/fixtures/providers/yahoo/SOURCES.md lists for it (the source repository's, at the commit named).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const DIR = "tests/fixtures/providers/yahoo";

/** What `git hash-object` prints for a file. */
const blobId = (bytes: Buffer) =>
  createHash("sha1")
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest("hex");

describe("recorded Yahoo responses", () => {
  const listed = new Map(
    [
      ...readFileSync(`${DIR}/SOURCES.md`, "utf8").matchAll(
        /^\| `([^`]+\.recorded)`\s*\|.*\| ([0-9a-f]{40})\s*\|[^|]*\|$/gm,
      ),
    ].map((match) => [match[1]!, match[2]!]),
  );

  it("are all listed in SOURCES.md", () => {
    const files = readdirSync(DIR).filter((name) => name.endsWith(".recorded"));
    expect(files.sort()).toEqual([...listed.keys()].sort());
    expect(files).toHaveLength(4);
  });

  it("are unchanged", () => {
    for (const [file, blob] of listed) expect(blobId(readFileSync(`${DIR}/${file}`)), file).toBe(blob);
  });
});
