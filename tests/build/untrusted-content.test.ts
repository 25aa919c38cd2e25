/**
 * Untrusted content, built: one copy of the site holding a file for each rule, which the build and
 * check:content must both refuse with the same lines, all at once (the unit tests check each rule's
 * wording); then a component that fails while rendering, and one that puts forbidden markup into an
 * article, each named by the article's file.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCopy, makeSiteCopy, run, type Overrides } from "../support/site-copy";
import { articleText } from "../support/articles";

const A = "content/articles";
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

/** Problem lines: the ones that start with a content file, once each, sorted. */
function problemLines(output: string): string[] {
  const lines = output.split("\n").map((line) => line.trim());
  return [...new Set(lines.filter((line) => line.startsWith("content/")))].sort();
}

function buildWith(overrides: Overrides, bytes: Record<string, Buffer> = {}) {
  const copy = makeSiteCopy(overrides);
  cleanups.push(copy.cleanup);
  for (const [path, content] of Object.entries(bytes)) writeFileSync(join(copy.dir, path), content);
  return {
    build: buildCopy(copy.dir),
    check: () => run(copy.dir, process.execPath, [resolve("scripts/check-content.ts")]),
  };
}

const SCHEMES = "link with http:, https:, mailto: or to a site path such as /tags/nvidia/";

describe("a copy of the site with a file for each rule", () => {
  let built: ReturnType<typeof buildWith>;
  // articleText's body starts on line 10 (eight lines of frontmatter and a blank line).
  beforeAll(() => {
    built = buildWith(
      {
        [`${A}/notes.md`]: articleText(),
        [`${A}/Upper.MDX`]: articleText(),
        [`${A}/Bad Name.mdx`]: articleText(),
        [`${A}/meta-refresh.mdx`]: articleText(
          {},
          'Read on.\n\n<meta http-equiv="refresh" content="0;url=https://evil.example/" />',
        ),
        [`${A}/handlers.mdx`]: articleText({}, 'A <span onclick="steal()" style="color: red">word</span>.'),
        [`${A}/frames.mdx`]: articleText(
          {},
          '<iframe src="https://evil.example/" />\n\n<script>alert(1)</script>',
        ),
        [`${A}/links.mdx`]: articleText(
          {},
          "[a](JaVa&#115;cript:alert(1)) [b](java&#x09;script:x) ![c](https://evil.example/p.gif) [d](//evil.example/)\n\n" +
            "[e](/articles/no-such-story/) [f](/tags/nvidia) [g](/articles/a-draft/) [h](/tickers/nvda/) [i](https://example.com/)",
        ),
        [`${A}/a-draft.mdx`]: articleText({ draft: "true" }),
        [`${A}/code.mdx`]: articleText(
          {},
          'import fs from "node:fs"\n\n{fs.readFileSync("/etc/passwd", "utf8")}',
        ),
        [`${A}/missing-prop.mdx`]: articleText({}, 'It closed at <Close date="2025-01-27" />.'),
        [`${A}/marker.mdx`]: articleText(
          {},
          '<PriceChart ticker="nvda" from="2025-01-13" to="2025-01-27" markers={[{ date: "2025-01-27", label: "x", href: "/tickers/nvdx/" }]} />',
        ),
        // Accepted: a UTF-8 byte-order mark, an image file, a note.
        [`${A}/bom.mdx`]: `\ufeff${articleText()}`,
        [`${A}/chart.png`]: "not really a PNG: images are not read unless an article shows them",
        [`${A}/_notes.txt`]: "a note",
      },
      {
        [`${A}/latin1.mdx`]: Buffer.concat([
          Buffer.from(articleText({}, "A Caf")),
          Buffer.from([0xe9, 0x0a]),
        ]),
        [`${A}/utf16.mdx`]: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(articleText(), "utf16le")]),
      },
    );
  });
  const expected = [
    `${A}/Bad Name.mdx: (file name): "Bad Name" is not a slug (lowercase letters a-z, digits and single hyphens, as in the article's address); rename the file to bad-name.mdx`,
    `${A}/Upper.MDX: (file name): the extension .MDX must be lowercase: rename the file to upper.mdx`,
    `${A}/code.mdx: line 10: import fs from "node:fs": import and export are not accepted in an article (they run code when the site is built); the components (Close, CompareChart, Move, Price, PriceChart, Record) work without an import`,
    `${A}/code.mdx: line 12: {fs.readFileSync("/etc/passwd"…}: JavaScript in an article is not accepted (it runs when the site is built); write the text itself, a comment {/* … */}, or {" "} for a space`,
    `${A}/frames.mdx: line 10: <iframe src="https://evil.example/">: the element <iframe> is not accepted in an article: embedded content is not accepted; link to it instead: [text](https://…)`,
    `${A}/frames.mdx: line 12: <script>: the element <script> is not accepted in an article: scripts do not run in articles; a chart or a figure is a component (see docs/editing.md)`,
    `${A}/handlers.mdx: line 10: <span onclick="steal()" style="color: red">: the attribute onclick is not accepted on <span>: event handlers run scripts, and articles have none`,
    `${A}/handlers.mdx: line 10: <span onclick="steal()" style="color: red">: the attribute style is not accepted on <span>: the site's stylesheet styles every article; use Markdown (*emphasis*, **strong**)`,
    `${A}/latin1.mdx: line 11: not valid UTF-8 (byte 0xE9 at column 1); the file was saved in another encoding: save it as UTF-8`,
    `${A}/links.mdx: line 10: image "https://evil.example/p.gif": the address is an image on another site (https:); the site shows only its own images (its Content-Security-Policy blocks others, and a remote image tells its host who reads the article): put the file next to the article and write ./file.jpg`,
    `${A}/links.mdx: line 10: link "//evil.example/": the address starts with "//", which browsers read as another site; write https://… for another site, or a site path such as /tags/nvidia/`,
    `${A}/links.mdx: line 10: link "JaVascript:alert(1)": the address uses the scheme "javascript:", which is not accepted; ${SCHEMES}`,
    `${A}/links.mdx: line 10: link "java\\tscript:x": the address contains a space, or a control, invisible or replacement character (U+0009), at position 5; browsers skip some of these, so the address may not be what it looks like: remove it (write %20 for a space)`,
    `${A}/links.mdx: line 12: link "/articles/a-draft/": goes to ${A}/a-draft.mdx, a draft: it has no page until its draft: true is removed`,
    `${A}/links.mdx: line 12: link "/articles/no-such-story/": goes to no page of the site`,
    `${A}/links.mdx: line 12: link "/tags/nvidia": has no page; write /tags/nvidia/ (site paths end in /)`,
    `${A}/marker.mdx: line 10: <PriceChart markers[0].href="/tickers/nvdx/">: goes to no page of the site; did you mean /tickers/nvda/?`,
    `${A}/meta-refresh.mdx: line 12: <meta http-equiv="refresh" content="0;url=https://evil.example/">: the element <meta> is not accepted in an article: a page's metadata comes from its frontmatter, and nothing in the body may redirect or describe the page`,
    `${A}/missing-prop.mdx: line 10: <Close date="2025-01-27">: ticker is required and missing: add ticker="…" (a ticker id)`,
    `${A}/notes.md: (file name): only .mdx files are articles; rename it to notes.mdx if it is one, or move it out of content/articles (images, .avif .gif .jpeg .jpg .png .svg .webp, may stay), or start its name with _ to keep it here unpublished`,
    `${A}/utf16.mdx: line 1: starts with a UTF-16 byte-order mark (0xFF 0xFE): the file is saved as UTF-16; save it as UTF-8`,
  ];

  it("the build refuses them all at once, each with its file, line and fix", () => {
    expect(built.build.status).not.toBe(0);
    expect(problemLines(built.build.output)).toEqual(expected);
  });

  it("check:content prints the same lines", () => {
    const result = built.check();
    expect(result.status).toBe(1);
    expect(problemLines(result.output)).toEqual(expected);
  });
});

const closeComponent = (markup: string, extra = "") =>
  `---\nimport { renderComponent } from "@/data/ticker-data.ts";\nconst text = await renderComponent("Close", Astro);\n${extra}---\n\n${markup}\n`;

describe("errors while rendering an article", () => {
  it("a component that throws: the error names the article's file", () => {
    const { build } = buildWith({
      "src/components/mdx/Close.astro": closeComponent(
        "<span>{text}</span>",
        "if (text) throw new TypeError(\"Cannot read properties of undefined (reading 'close')\");\n",
      ),
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(
      /^content\/articles\/[a-z0-9-]+\.mdx: \(body\): rendering failed: Cannot read properties of undefined \(reading 'close'\)$/m,
    );
  });

  it("a component that emits what the allowlist refuses: the build stops, naming the article", () => {
    const { build } = buildWith({
      "src/components/mdx/Close.astro": closeComponent(
        '<span class="tabular" onclick="steal()">{text}</span><iframe src="https://evil.example/"></iframe>',
      ),
    });
    expect(build.status).not.toBe(0);
    const lines = problemLines(build.output);
    const file = /^(content\/articles\/[a-z0-9-]+\.mdx):/.exec(lines[0] ?? "")?.[1];
    const fix =
      "a component or the Markdown renderer put it there, so fix the component (src/components/mdx) or extend RENDERED_HTML in src/lib/mdx/allowlist.ts";
    expect(lines).toEqual([
      `${file}: (rendered body): <iframe src="https://evil.example/">: the element <iframe> is not in the allowlist; ${fix}`,
      `${file}: (rendered body): <span class="tabular" onclick="steal()">: the attribute onclick is not in the allowlist; ${fix}`,
    ]);
  });
});
