/** Page weight read from a small build written here: what loads at once, what loads on demand. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { pageBudgets, pageWeight } from "../../scripts/lib/page-weight.ts";

const CSS = "body{color:#111;margin:0 auto;max-width:70ch}";
const INLINE_STYLE = "h1{font-family:serif}";
const THEME = "document.documentElement.dataset.theme='dark'";
const PAGE = [
  `<!DOCTYPE html><html><head><link rel="stylesheet" href="/_astro/site.css"><style>${INLINE_STYLE}</style>`,
  `<script>${THEME}</script>`,
  '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
  `<script type="module" src="/_astro/entry.js"></script></head>`,
  '<body><script type="application/json">{"bars":[]}</script></body></html>',
].join("");

const build: Record<string, string> = {
  "articles/a/index.html": PAGE,
  "index.html": '<!DOCTYPE html><html><head><link rel="stylesheet" href="_astro/site.css"></head></html>',
  "_astro/site.css": CSS,
  "_astro/entry.js": 'import{a}from"./shared.js";const load=()=>import(`./chart-lib.js`);load(a);',
  "_astro/shared.js": "export const a=1;",
  "_astro/chart-lib.js": 'import"./shared.js";export*from"./chart-part.js";',
  "_astro/chart-part.js": "export const b=2;",
};
const tmp = mkdtempSync(join(tmpdir(), "market-desk-weight-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(dir: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}
const root = write(join(tmp, "dist"), build);

const gzip = (text: string) => gzipSync(text, { level: 9 }).length;

describe("pageWeight", () => {
  const weight = pageWeight("articles/a/index.html", root);

  it("counts the HTML, and the linked and inline stylesheets, each gzipped on its own", () => {
    expect(weight.htmlGzipBytes).toBe(gzip(PAGE));
    expect(weight.cssGzipBytes).toBe(gzip(CSS) + gzip(INLINE_STYLE));
  });

  it("loads inline scripts, module files and their static imports at once, not data scripts", () => {
    expect(weight.scripts.map((s) => s.source)).toEqual(["inline", "/_astro/entry.js", "/_astro/shared.js"]);
    expect(weight.scripts[0]!.gzipBytes).toBe(gzip(THEME));
  });

  it("loads what a dynamic import() names, with its static imports, on demand, leaving out what is loaded", () => {
    expect(weight.lazyScripts.map((s) => s.source)).toEqual([
      "/_astro/chart-lib.js",
      "/_astro/chart-part.js",
    ]);
  });

  it("names the page and the file when a page references a file the build lacks", () => {
    const broken = write(join(tmp, "broken"), { "index.html": '<script src="/_astro/gone.js"></script>' });
    expect(() => pageWeight("index.html", broken)).toThrow(
      "index.html references /_astro/gone.js, which is not in the build",
    );
  });
});

describe("pageBudgets", () => {
  it("gives every page's HTML plus CSS, heaviest first", () => {
    const home = build["index.html"]!;
    expect(pageBudgets(root)).toEqual([
      {
        file: "articles/a/index.html",
        htmlGzipBytes: gzip(PAGE),
        cssGzipBytes: gzip(CSS) + gzip(INLINE_STYLE),
        bytes: gzip(PAGE) + gzip(CSS) + gzip(INLINE_STYLE),
      },
      {
        file: "index.html",
        htmlGzipBytes: gzip(home),
        cssGzipBytes: gzip(CSS),
        bytes: gzip(home) + gzip(CSS),
      },
    ]);
  });
});
