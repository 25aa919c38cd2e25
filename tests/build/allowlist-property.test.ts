/**
 * Property-based: articles built from generated HTML element names, attributes, URL schemes (with
 * case, whitespace, invisible characters and character references to disguise them), code and file
 * encodings. Each generated piece knows, from the documented rules alone, whether it must be refused;
 * the test asserts that the check (as the build's loader and check:content run it) refuses exactly the
 * pieces it should, on their lines, and that whatever it accepts is safe as a browser would read it.
 * Then a sample is built: the accepted articles must build and every page and feed they reach must
 * hold nothing outside the allowlist (read with another HTML parser than the build's); the refused
 * ones must stop the build with check:content's lines and reach nothing.
 *
 * Cases: SOURCE_RUNS generated articles checked without building, then two site copies (ACCEPTED and
 * REFUSED articles each), so the build count stays at two whatever the number of cases.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkArticle, decodeContent } from "../../src/lib/content/index.ts";
import { site } from "../../src/lib/site/index.ts";
import { articleText } from "../support/articles";
import {
  actsOnReader,
  articleBodyElements,
  browserSafe,
  fragmentElements,
  outsideAllowlist,
} from "../support/allowlist";
import { distFiles, urlPathOf } from "../support/dist";
import { parseFeed } from "../support/feed";
import { buildSite, makeSiteCopy, run } from "../support/site-copy";

const SOURCE_RUNS = Number(process.env.FC_RUNS ?? 1500);
const ACCEPTED = 24;
const REFUSED = 16;
/** fast-check prints the seed of a failing run; FC_SEED=<seed> runs it again. */
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

// ---------------------------------------------------------------------------------------------------
// The rules, as docs/editing.md states them (not read from the code under test).

const ARTICLE_ELEMENTS = ["abbr", "cite", "figcaption", "figure", "q", "span", "sub", "sup", "time"];
const LANG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Pages a link may reach in every copy (the site's own content is kept). */
const SITE_PATHS = [
  "/",
  "/search/",
  "/tags/",
  "/tickers/",
  "/rss.xml",
  "/tags/nvidia/",
  "/tickers/nvda/",
  "/articles/nvidia-record-one-day-loss/",
];

/** A generated piece of an article body, with the verdict the rules give it. */
interface Piece {
  text: string;
  refused: boolean;
  /** Written into the body for the build sample to find on the page (accepted pieces). */
  kind: string;
}

// ---------------------------------------------------------------------------------------------------
// URLs: a class each, which decides the verdict; then disguises.

type UrlClass =
  | "safe"
  | "site"
  | "fragment"
  | "bad-scheme"
  | "leaves"
  | "relative"
  | "site-image"
  | "local-image"
  | "climbs";

const caseOf = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) => [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(""));

const scheme = (names: string[]) => fc.constantFrom(...names).chain(caseOf);

const urlOf: Record<UrlClass, fc.Arbitrary<string>> = {
  safe: fc.oneof(
    fc
      .tuple(scheme(["http", "https"]), fc.constantFrom("//example.com/", "//example.com/a?b=1#c"))
      .map(([s, r]) => `${s}:${r}`),
    scheme(["mailto"]).map((s) => `${s}:desk@example.com`),
  ),
  site: fc
    .tuple(fc.constantFrom(...SITE_PATHS), fc.constantFrom("", "?page=1", "#top"))
    .map(([path, suffix]) => `${path}${suffix}`),
  fragment: fc.constantFrom("#top", "#the-trigger", "#user-content-fn-1"),
  "bad-scheme": fc
    .tuple(
      scheme(["javascript", "vbscript", "data", "file", "ftp", "blob", "livescript", "view-source"]),
      fc.constantFrom("alert(1)", "//evil.example/", "text/html,<b>x</b>", "x"),
    )
    .map(([s, r]) => `${s}:${r}`),
  leaves: fc.constantFrom("//evil.example/", "/\\evil.example/", "\\\\evil.example/", "//evil.example/tags/"),
  relative: fc.constantFrom("other/", "../tags/nvidia/", "?q=1", "page.html", "%6Aavascript:alert(1)"),
  // The one site path that is an image.
  "site-image": fc.constantFrom("/og/site.png", "/og/site.png?v=1"),
  "local-image": fc.constantFrom("./figure.svg", "figure.svg"),
  climbs: fc.constantFrom("../figure.svg", "../../../etc/passwd.png", "./a/../../figure.svg"),
};

/** Characters browsers skip or split on, or that hide in a URL. */
const DISGUISES = [
  "\t",
  "\n",
  "\r",
  " ",
  "\u0001",
  "\u001f",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u200b",
  "\u2028",
  "\ufeff",
];

interface GeneratedUrl {
  url: string;
  cls: UrlClass;
  disguised: boolean;
}

const generatedUrl = (classes: UrlClass[], disguise = true): fc.Arbitrary<GeneratedUrl> =>
  fc
    .constantFrom(...classes)
    .chain((cls) => urlOf[cls].map((url) => ({ url, cls })))
    .chain(({ url, cls }) =>
      (disguise
        ? fc.option(fc.tuple(fc.constantFrom(...DISGUISES), fc.nat({ max: url.length })), { freq: 3 })
        : fc.constant(null)
      ).map((insert) => ({
        url: insert ? url.slice(0, insert[1]) + insert[0] + url.slice(insert[1]) : url,
        cls,
        disguised: insert !== null,
      })),
    );

/** The verdict of the rules: links take safe schemes, site paths and fragments; images the site's own files. */
function urlRefused({ cls, disguised }: GeneratedUrl, kind: "link" | "image"): boolean {
  if (disguised) return true;
  return kind === "link"
    ? !["safe", "site", "fragment"].includes(cls)
    : !["site-image", "local-image"].includes(cls);
}

/** A value as Markdown writes it in `<…>`: anything but plain ASCII as a character reference. */
const markdownUrl = (url: string) =>
  `<${[...url].map((c) => (/[\x21-\x7e]/.test(c) && !/[<>&\\]/.test(c) ? c : `&#x${c.codePointAt(0)!.toString(16)};`)).join("")}>`;

/** A value as a JSX attribute writes it. */
const jsxString = (value: string) => `"${value.replaceAll("&", "&amp;").replaceAll('"', "&quot;")}"`;

// ---------------------------------------------------------------------------------------------------
// Pieces.

const DANGEROUS = [
  "script",
  "style",
  "iframe",
  "frame",
  "meta",
  "base",
  "link",
  "object",
  "embed",
  "form",
  "input",
  "button",
  "svg",
  "math",
  "a",
  "img",
  "video",
  "audio",
  "source",
  "template",
  "noscript",
  "textarea",
  "div",
  "p",
  "table",
  "marquee",
  "applet",
  "portal",
  "foreignobject",
  "animate",
  "use",
  "image",
  "h1",
  "br",
  "details",
];
const ATTRIBUTES = [
  "onclick",
  "onerror",
  "onload",
  "onmouseover",
  "onfocus",
  "style",
  "class",
  "id",
  "name",
  "href",
  "src",
  "srcdoc",
  "formaction",
  "action",
  "xlink:href",
  "http-equiv",
  "content",
  "lang",
  "title",
  "datetime",
  "data-x",
  "aria-label",
  "tabindex",
  "hidden",
  "autofocus",
  "target",
  "rel",
  "srcset",
  "poster",
  "background",
  "dir",
  "is",
  "slot",
];

type AttributeValue = string | { expression: string } | true;

const attributeValue: fc.Arbitrary<AttributeValue> = fc.oneof(
  generatedUrl(["safe", "bad-scheme", "site", "relative"]).map((u) => u.url),
  fc.constantFrom(
    "zh",
    "en-GB",
    "pt-BR",
    "ZH-hans",
    "not a language",
    "2025-01-27",
    "27 Jan",
    "alert(1)",
    "color: red",
  ),
  fc.string({ maxLength: 12 }).filter((s) => !s.includes("\u0000")),
  fc.constantFrom({ expression: "x" }, { expression: '"zh"' }, { expression: "alert(1)" }),
  fc.constant(true as const),
);

function attributeRefused(tag: string, name: string, value: AttributeValue): boolean {
  if (typeof value === "object") return true;
  if (name === "lang") return typeof value !== "string" || !LANG.test(value);
  if (name === "title" && tag === "abbr") return false;
  if (name === "datetime" && tag === "time") return typeof value !== "string" || !DATE.test(value);
  return true;
}

const elementPiece: fc.Arbitrary<Piece> = fc
  .record({
    name: fc.oneof(
      fc.constantFrom(...ARTICLE_ELEMENTS, ...DANGEROUS),
      fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/),
    ),
    attributes: fc.uniqueArray(
      fc.record({
        name: fc.oneof(fc.constantFrom(...ATTRIBUTES), fc.stringMatching(/^[a-z]{1,8}$/)),
        value: attributeValue,
      }),
      { maxLength: 3, selector: (a) => a.name },
    ),
  })
  .map(({ name, attributes }) => {
    const written = attributes
      .map((a) =>
        a.value === true
          ? ` ${a.name}`
          : typeof a.value === "object"
            ? ` ${a.name}={${a.value.expression}}`
            : ` ${a.name}=${jsxString(a.value)}`,
      )
      .join("");
    const refused =
      !ARTICLE_ELEMENTS.includes(name) ||
      name === "figcaption" || // only inside a <figure>
      attributes.some((a) => attributeRefused(name, a.name, a.value));
    return { text: `<${name}${written}>word</${name}>`, refused, kind: `<${name}` };
  });

const linkPiece: fc.Arbitrary<Piece> = generatedUrl([
  "safe",
  "site",
  "fragment",
  "bad-scheme",
  "leaves",
  "relative",
]).map((u) => ({
  text: `A [link](${markdownUrl(u.url)}) in a sentence.`,
  refused: urlRefused(u, "link"),
  kind: "<a",
}));

const imagePiece: fc.Arbitrary<Piece> = generatedUrl([
  "site-image",
  "local-image",
  "safe",
  "bad-scheme",
  "climbs",
  "leaves",
]).map((u) => ({
  text: `![A figure](${markdownUrl(u.url)})`,
  refused: urlRefused(u, "image"),
  kind: "<img",
}));

const markerPiece: fc.Arbitrary<Piece> = generatedUrl([
  "safe",
  "site",
  "bad-scheme",
  "leaves",
  "relative",
]).map((u) => ({
  text: `<PriceChart ticker="nvda" from="2025-01-13" to="2025-01-27" markers={[{ date: "2025-01-27", label: "Sell-off", href: ${JSON.stringify(u.url)} }]} />`,
  refused: urlRefused(u, "link"),
  kind: "data-price-chart",
}));

const expressionPiece: fc.Arbitrary<Piece> = fc
  .constantFrom(
    { code: '"quoted text"', refused: false },
    { code: "'<script>alert(1)</script>'", refused: false },
    { code: "/* a note */", refused: false },
    { code: "process.exit(1)", refused: true },
    { code: 'fetch("https://evil.example/")', refused: true },
    { code: "frontmatter.title", refused: true },
    { code: "1 + 1", refused: true },
    { code: '["a"]', refused: true },
    { code: "`${globalThis}`", refused: true },
  )
  .map(({ code, refused }) => ({ text: `Text {${code}} here.`, refused, kind: "expression" }));

const esmPiece: fc.Arbitrary<Piece> = fc
  .constantFrom(
    'import fs from "node:fs"',
    "export const x = 1",
    'import { Move as M } from "../../src/components/mdx/Move.astro"',
  )
  .map((text) => ({ text, refused: true, kind: "esm" }));

type Encoding = "utf8" | "bom" | "latin1" | "utf16";

interface GeneratedArticle {
  pieces: Piece[];
  encoding: Encoding;
}

const article = (pieces: fc.Arbitrary<Piece>): fc.Arbitrary<GeneratedArticle> =>
  fc.record({
    pieces: fc.array(pieces, { minLength: 1, maxLength: 5 }),
    encoding: fc.constantFrom<Encoding>("utf8", "utf8", "utf8", "bom", "latin1", "utf16"),
  });

const anyPiece = fc.oneof(elementPiece, linkPiece, imagePiece, markerPiece, expressionPiece, esmPiece);

/** articleText puts the body on line 10. */
const BODY_LINE = 10;

/** The file's bytes, and the line each piece starts on. */
function render(generated: GeneratedArticle): { bytes: Buffer; lines: number[]; latinLine: number } {
  const lines: number[] = [];
  let line = BODY_LINE;
  for (const piece of generated.pieces) {
    lines.push(line);
    line += piece.text.split(/\r\n|\r|\n/).length + 1;
  }
  const text = articleText({}, generated.pieces.map((p) => p.text).join("\n\n"));
  const bytes =
    generated.encoding === "bom"
      ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
      : generated.encoding === "latin1"
        ? // A last paragraph saved as Latin-1: "Café", with é as the single byte E9.
          Buffer.concat([Buffer.from(`${text}\nCaf`), Buffer.from([0xe9]), Buffer.from(" society.\n")])
        : generated.encoding === "utf16"
          ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])
          : Buffer.from(text);
  return { bytes, lines, latinLine: line };
}

/** The problems of an article file, as the build's loader and check:content find them. */
function problemsOf(file: string, bytes: Buffer): string[] {
  const decoded = decodeContent(bytes, file);
  return "problem" in decoded ? [decoded.problem] : checkArticle(file, decoded.text).problems;
}

const refusedLines = (problems: readonly string[], file: string) =>
  [...new Set(problems.map((p) => Number(new RegExp(`^${file}: line (\\d+): `).exec(p)?.[1] ?? NaN)))].sort(
    (a, b) => a - b,
  );

function expectVerdict(generated: GeneratedArticle, file = "content/articles/generated.mdx"): string[] {
  const { bytes, lines, latinLine } = render(generated);
  const problems = problemsOf(file, bytes);
  if (generated.encoding === "utf16") {
    expect(problems).toEqual([
      `${file}: line 1: starts with a UTF-16 byte-order mark (0xFF 0xFE): the file is saved as UTF-16; save it as UTF-8`,
    ]);
  } else if (generated.encoding === "latin1") {
    expect(problems).toEqual([
      `${file}: line ${latinLine}: not valid UTF-8 (byte 0xE9 at column 4); the file was saved in another encoding: save it as UTF-8`,
    ]);
  } else {
    const expected = generated.pieces.flatMap((piece, i) => (piece.refused ? [lines[i]!] : []));
    expect(refusedLines(problems, file), problems.join("\n")).toEqual(expected);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------

describe(`generated articles (seed ${SEED})`, () => {
  it(`the check refuses exactly what the rules refuse, on its line (${SOURCE_RUNS} articles)`, () => {
    fc.assert(
      fc.property(article(anyPiece), (generated) => {
        expectVerdict(generated);
      }),
      { numRuns: SOURCE_RUNS, seed: SEED },
    );
  });

  it("whatever a link check accepts is safe as a browser reads it", () => {
    fc.assert(
      fc.property(generatedUrl(["safe", "site", "fragment", "bad-scheme", "leaves", "relative"]), (u) => {
        const problems = problemsOf("x.mdx", Buffer.from(articleText({}, `[a](${markdownUrl(u.url)})`)));
        if (problems.length === 0) expect(browserSafe(u.url), u.url).toBe(true);
      }),
      { numRuns: SOURCE_RUNS, seed: SEED },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// The built sample, checked with another HTML parser (htmlparser2) than the build's.

const acceptedPiece = fc.oneof(
  elementPiece.filter((p) => !p.refused),
  linkPiece.filter((p) => !p.refused),
  imagePiece.filter((p) => !p.refused),
  markerPiece.filter((p) => !p.refused),
  expressionPiece.filter((p) => !p.refused),
);
const acceptedArticle = fc.record({
  pieces: fc.array(acceptedPiece, { minLength: 2, maxLength: 6 }),
  encoding: fc.constantFrom<Encoding>("utf8", "bom"),
});
const refusedArticle = article(anyPiece).filter(
  (a) => a.encoding !== "utf8" || a.pieces.some((p) => p.refused),
);

describe(`a built sample of generated articles (seed ${SEED})`, () => {
  const accepted = fc.sample(acceptedArticle, { numRuns: ACCEPTED, seed: SEED });
  const refused = fc.sample(refusedArticle, { numRuns: REFUSED, seed: SEED + 1 });
  const okFile = (i: number) => `content/articles/generated-ok-${i}.mdx`;
  const badFile = (i: number) => `content/articles/generated-bad-${i}.mdx`;
  const copies: { cleanup: () => void }[] = [];
  let good: { dir: string; build: ReturnType<typeof buildSite> };
  let bad: { dir: string; build: ReturnType<typeof buildSite>; check: ReturnType<typeof run> };

  beforeAll(() => {
    const okCopy = makeSiteCopy({}, { prefix: "market-desk-fc-ok-" });
    const badCopy = makeSiteCopy({}, { prefix: "market-desk-fc-bad-" });
    copies.push(okCopy, badCopy);
    copyFileSync("public/favicon.svg", join(okCopy.dir, "content/articles/figure.svg"));
    accepted.forEach((a, i) => writeFileSync(join(okCopy.dir, okFile(i)), render(a).bytes));
    refused.forEach((a, i) => writeFileSync(join(badCopy.dir, badFile(i)), render(a).bytes));
    good = { dir: okCopy.dir, build: buildSite(okCopy.dir) };
    bad = {
      dir: badCopy.dir,
      build: buildSite(badCopy.dir),
      check: run(badCopy.dir, process.execPath, [resolve("scripts/check-content.ts")]),
    };
  }, 600_000);
  afterAll(() => copies.forEach((copy) => copy.cleanup()));

  it(`the ${ACCEPTED} accepted articles pass the check, and build`, () => {
    for (const [i, a] of accepted.entries()) expect(problemsOf(okFile(i), render(a).bytes)).toEqual([]);
    expect(good.build.status, good.build.output.slice(-3000)).toBe(0);
  });

  it("their pages hold nothing outside the allowlist, and no page acts on its reader", () => {
    const dist = join(good.dir, "dist");
    const problems: string[] = [];
    let bodies = 0;
    for (const file of distFiles(".html", dist)) {
      const page = `${site.url}${urlPathOf(file)}`;
      const html = readFileSync(join(dist, file), "utf8");
      problems.push(...actsOnReader(html, page));
      const body = articleBodyElements(html);
      if (!body) continue;
      bodies++;
      problems.push(...outsideAllowlist(body, page));
    }
    expect(problems).toEqual([]);
    expect(bodies).toBeGreaterThanOrEqual(ACCEPTED);
  });

  it("every feed's items hold nothing outside the allowlist", () => {
    const dist = join(good.dir, "dist");
    const problems: string[] = [];
    const feeds = distFiles(".xml", dist).filter((f) => f.endsWith("rss.xml"));
    let items = 0;
    for (const file of feeds) {
      for (const item of parseFeed(readFileSync(join(dist, file), "utf8"), file).channel.item) {
        items++;
        problems.push(...outsideAllowlist(fragmentElements(item["content:encoded"]), item.link));
        problems.push(...actsOnReader(item["content:encoded"], item.link).map((p) => `${p} (${file})`));
      }
    }
    expect(problems).toEqual([]);
    expect(items).toBeGreaterThanOrEqual(ACCEPTED);
  });

  it("what was accepted reached the page: the sample is not empty", () => {
    const dist = join(good.dir, "dist");
    const kinds = new Set<string>();
    for (const [i, a] of accepted.entries()) {
      const html = readFileSync(join(dist, `articles/generated-ok-${i}/index.html`), "utf8");
      for (const piece of a.pieces) {
        if (piece.kind.startsWith("<") || piece.kind === "data-price-chart") {
          expect(html, `${okFile(i)}: ${piece.text}`).toContain(piece.kind);
        }
        kinds.add(piece.kind);
      }
    }
    expect(kinds.size).toBeGreaterThanOrEqual(5);
  });

  it(`the ${REFUSED} refused articles stop the build with check:content's lines, and reach nothing`, () => {
    const expected = [...new Set(refused.flatMap((a, i) => problemsOf(badFile(i), render(a).bytes)))].sort();
    expect(expected.length).toBeGreaterThanOrEqual(REFUSED);
    expect(bad.build.status).not.toBe(0);
    const lines = (output: string) =>
      [
        ...new Set(
          output
            .split("\n")
            .map((l) => l.trim())
            .filter((l) => l.startsWith("content/")),
        ),
      ].sort();
    expect(lines(bad.build.output)).toEqual(expected);
    expect(lines(bad.check.output)).toEqual(expected);
    for (const i of refused.keys()) {
      expect(existsSync(join(bad.dir, `dist/articles/generated-bad-${i}`))).toBe(false);
    }
  });
});
