/**
 * What charts cost a reader, measured on the built site (run `npm run build` first):
 *
 *   npm run measure-charts
 *
 * For every page: the JavaScript it loads with the page (inline scripts and module files with their
 * static imports) and what its scripts import on demand (dynamic imports: the chart library once a
 * chart scrolls into view, Pagefind on a first search), in bytes as served and gzipped; then the size
 * of each chart's embedded data. Measured by scripts/lib/page-weight.ts, as the page budget tests
 * measure: each file gzipped on its own, as a server would send it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { filesUnder } from "./lib/files.ts";
import { gzipSize, pageWeight, type Script } from "./lib/page-weight.ts";

const DIST = "dist";

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
  const { scripts, lazyScripts } = pageWeight(file, DIST);
  const html = readFileSync(join(DIST, file), "utf8");
  const data = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attrs]) => /type="application\/json"/.test(attrs!))
    .map(([, , body]) => size(body!));
  return {
    page: "/" + file.replace(/index\.html$/, ""),
    atLoad: total(scripts),
    onScroll: total(lazyScripts),
    data,
  };
}

if (!existsSync(DIST)) {
  console.error("dist/ is missing: run `npm run build` first.");
  process.exit(1);
}

const pages = filesUnder(DIST, ".html").map(measurePage);
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
