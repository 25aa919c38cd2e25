/**
 * What charts cost a reader, measured on the built site (run `npm run build` first):
 *
 *   npm run measure-charts
 *
 * For every page: the JavaScript it loads with the page (inline scripts and module files with their
 * static imports) and what it imports on demand (dynamic imports: a chart's library once the chart
 * scrolls into view, the search index on a first query), in bytes as served and gzipped; then the
 * size of each chart's embedded data. Each file is gzipped on its own, as a server would send it.
 * The pages' scripts are found as the page-weight budget finds them (scripts/lib/page-weight.ts).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gzipSize, lazyScripts, pageWeight, type Script } from "./lib/page-weight.ts";

const DIST = "dist";

/** Every HTML file of the build, as a path under DIST with forward slashes. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith(".html") ? [relative(DIST, path).split(sep).join("/")] : [];
  });
}

interface Size {
  raw: number;
  gzip: number;
}

const size = (text: string): Size => ({ raw: Buffer.byteLength(text), gzip: gzipSize(text) });
const add = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const ZERO: Size = { raw: 0, gzip: 0 };
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const show = (s: Size): string => `${kb(s.raw)} (${kb(s.gzip)} gzipped)`;
const total = (scripts: readonly Script[]): Size =>
  scripts.reduce((sum, s) => add(sum, { raw: Buffer.byteLength(s.code), gzip: s.gzipBytes }), ZERO);

function measurePage(file: string) {
  const weight = pageWeight(file, DIST);
  const html = readFileSync(join(DIST, file), "utf8");
  const data = [...html.matchAll(/<script type="application\/json">([\s\S]*?)<\/script>/g)].map((m) =>
    size(m[1]!),
  );
  return {
    page: "/" + file.replace(/index\.html$/, ""),
    atLoad: total(weight.scripts),
    onScroll: total(lazyScripts(file, weight, DIST)),
    data,
  };
}

if (!existsSync(DIST)) {
  console.error("dist/ is missing: run `npm run build` first.");
  process.exit(1);
}

const pages = htmlFiles(DIST).sort().map(measurePage);
console.log("JavaScript per page: at load | on demand (a chart scrolled into view, a first search)");
for (const page of pages) {
  const charts = page.data.length === 1 ? "1 chart" : `${page.data.length} charts`;
  console.log(`  ${page.page} (${charts}): ${show(page.atLoad)} | ${show(page.onScroll)}`);
}
const data = pages.flatMap((page) => page.data);
if (data.length > 0) {
  const sorted = [...data].sort((a, b) => a.raw - b.raw);
  const mean = data.reduce(add, ZERO);
  console.log(
    `Embedded data per chart (${data.length} charts): smallest ${show(sorted[0]!)}, largest ${show(sorted.at(-1)!)}, ` +
      `mean ${kb(mean.raw / data.length)} (${kb(mean.gzip / data.length)} gzipped)`,
  );
}
