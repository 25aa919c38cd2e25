/**
 * Which files in content/articles are articles, and how their bytes become text: the rules the
 * build's loader and check:content share (src/lib/content/paths.ts, encoding.ts, read.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  articleFileProblem,
  decodeContent,
  invalidUtf8Offset,
  isImageFile,
} from "../../src/lib/content/index.ts";
import { listArticleFiles, readArticleSource } from "../../src/lib/content/read.ts";

const A = "content/articles";
const OTHER =
  "move it out of content/articles (images, .avif .gif .jpeg .jpg .png .svg .webp, may stay), or start its name with _ to keep it here unpublished";
const slug = (stem: string, fix: string) =>
  `(file name): "${stem}" is not a slug (lowercase letters a-z, digits and single hyphens, as in the article's address); rename the file${fix}`;

describe("articleFileProblem", () => {
  it.each([`${A}/nvidia-rout.mdx`, `${A}/2025/q4-results-2.mdx`])("accepts %s", (file) => {
    expect(articleFileProblem(file)).toBeUndefined();
  });

  it.each([
    [
      `${A}/nvidia-rout.md`,
      `only .mdx files are articles; rename it to nvidia-rout.mdx if it is one, or ${OTHER}`,
    ],
    [`${A}/notes.txt`, `only .mdx files are articles; rename it to notes.mdx if it is one, or ${OTHER}`],
    [`${A}/README`, `only .mdx files are articles; rename it to readme.mdx if it is one, or ${OTHER}`],
    [`${A}/Nvidia-Rout.MDX`, "the extension .MDX must be lowercase: rename the file to nvidia-rout.mdx"],
    [`${A}/rout.Mdx`, "the extension .Mdx must be lowercase: rename the file to rout.mdx"],
    [`${A}/Nvidia-Rout.mdx`, slug("Nvidia-Rout", " to nvidia-rout.mdx").replace("(file name): ", "")],
    [`${A}/nvidia rout.mdx`, slug("nvidia rout", " to nvidia-rout.mdx").replace("(file name): ", "")],
    [`${A}/société.mdx`, slug("société", " to societe.mdx").replace("(file name): ", "")],
    [`${A}/nvidia--rout.mdx`, slug("nvidia--rout", " to nvidia-rout.mdx").replace("(file name): ", "")],
    [`${A}/nvidia_rout.mdx`, slug("nvidia_rout", " to nvidia-rout.mdx").replace("(file name): ", "")],
    [`${A}/比亚迪.mdx`, slug("比亚迪", "").replace("(file name): ", "")],
  ])("refuses %s", (file, problem) => {
    expect(articleFileProblem(file)).toBe(`${file}: (file name): ${problem}`);
  });

  it("leaves images alone, in any case of extension", () => {
    expect(isImageFile(`${A}/chart.png`)).toBe(true);
    expect(isImageFile(`${A}/IMG_0001.JPG`)).toBe(true);
    expect(isImageFile(`${A}/notes.md`)).toBe(false);
  });
});

describe("listArticleFiles", () => {
  let root = "";
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("lists every article at any depth, skips notes, dot-files and images, and refuses the rest", () => {
    root = mkdtempSync(join(tmpdir(), "market-desk-files-"));
    const files = [
      "a.mdx",
      "2025/b.mdx",
      "_notes.mdx",
      ".c.mdx.swp",
      ".git/x.mdx",
      "chart.png",
      "2025/PHOTO.JPG",
      "draft.md",
      "Upper.mdx",
      "_old/d.mdx",
    ];
    for (const file of files) {
      mkdirSync(join(root, A, file, ".."), { recursive: true });
      writeFileSync(join(root, A, file), "");
    }
    expect(listArticleFiles(root)).toEqual({
      files: [`${A}/2025/b.mdx`, `${A}/_old/d.mdx`, `${A}/a.mdx`],
      problems: [articleFileProblem(`${A}/Upper.mdx`), articleFileProblem(`${A}/draft.md`)],
    });
  });
});

describe("decodeContent", () => {
  let root = "";
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

  it("reads UTF-8, and accepts a UTF-8 byte-order mark, dropping it", () => {
    expect(decodeContent(bytes("---\ntitle: Café\n"), "x.mdx")).toEqual({ text: "---\ntitle: Café\n" });
    expect(decodeContent(bytes([0xef, 0xbb, 0xbf], "---\n"), "x.mdx")).toEqual({ text: "---\n" });
  });

  it("refuses a UTF-16 file by its byte-order mark", () => {
    expect(decodeContent(bytes([0xff, 0xfe], "-"), "x.mdx")).toEqual({
      problem:
        "x.mdx: line 1: starts with a UTF-16 byte-order mark (0xFF 0xFE): the file is saved as UTF-16; save it as UTF-8",
    });
    expect(decodeContent(bytes([0xfe, 0xff]), "x.mdx")).toEqual({
      problem:
        "x.mdx: line 1: starts with a UTF-16 byte-order mark (0xFE 0xFF): the file is saved as UTF-16; save it as UTF-8",
    });
  });

  it("names the line and column of the first byte that is not UTF-8", () => {
    // "Café" in Latin-1: é is the single byte E9.
    expect(
      decodeContent(bytes("---\ntitle: x\n---\n\nA ", [0x43, 0x61, 0x66, 0xe9], " society.\n"), "x.mdx"),
    ).toEqual({
      problem:
        "x.mdx: line 5: not valid UTF-8 (byte 0xE9 at column 6); the file was saved in another encoding: save it as UTF-8",
    });
    // Lines end as the MDX parser ends them: a CR alone ends one too.
    expect(decodeContent(bytes("a\r\nb\rc\n", [0xe9]), "x.mdx")).toEqual({
      problem:
        "x.mdx: line 4: not valid UTF-8 (byte 0xE9 at column 1); the file was saved in another encoding: save it as UTF-8",
    });
    expect(decodeContent(bytes([0x80]), "x.mdx")).toEqual({
      problem:
        "x.mdx: line 1: not valid UTF-8 (byte 0x80 at column 1); the file was saved in another encoding: save it as UTF-8",
    });
  });

  it("finds the first invalid sequence by the rules of UTF-8", () => {
    expect(invalidUtf8Offset(Buffer.from("aé€😀", "utf8"))).toBe(-1);
    expect(invalidUtf8Offset(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1); // overlong "/"
    expect(invalidUtf8Offset(Buffer.from([0xe0, 0x80, 0xaf]))).toBe(0); // overlong, three bytes
    expect(invalidUtf8Offset(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // a UTF-16 surrogate
    expect(invalidUtf8Offset(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // above U+10FFFF
    expect(invalidUtf8Offset(Buffer.from([0xf0, 0x80, 0x80, 0x80]))).toBe(0); // overlong, four bytes
    expect(invalidUtf8Offset(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1); // cut short
    expect(invalidUtf8Offset(Buffer.from([0xe2, 0x28, 0xa1]))).toBe(0); // bad continuation
    expect(invalidUtf8Offset(Buffer.from([0xf5, 0x80]))).toBe(0);
  });

  it("is what readArticleSource returns for a file", () => {
    root = mkdtempSync(join(tmpdir(), "market-desk-enc-"));
    writeFileSync(join(root, "a.mdx"), Buffer.from([0xef, 0xbb, 0xbf, 0x2d]));
    writeFileSync(join(root, "b.mdx"), Buffer.from([0x2d, 0xff]));
    expect(readArticleSource(join(root, "a.mdx"), "a.mdx")).toEqual({ source: "-" });
    expect(readArticleSource(join(root, "b.mdx"), "b.mdx")).toEqual({
      problem:
        "b.mdx: line 1: not valid UTF-8 (byte 0xFF at column 2); the file was saved in another encoding: save it as UTF-8",
    });
  });
});
