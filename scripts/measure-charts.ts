/**
 * What charts cost a reader, measured on the built site (run `npm run build` first):
 *
 *   npm run measure-charts
 *
 * For every page: the JavaScript it loads with the page (inline scripts and module files with their
 * static imports) and what its charts import once one scrolls into view (dynamic imports), in bytes
 * as served and gzipped; then the size of each chart's embedded data. Each file is gzipped on its own,
 * as a server would send it.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";

const DIST = "dist";

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith(".html") ? [path] : [];
  });
}

interface Size {
  raw: number;
  gzip: number;
}

const size = (text: string): Size => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text).length });
const add = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const ZERO: Size = { raw: 0, gzip: 0 };
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const show = (s: Size): string => `${kb(s.raw)} (${kb(s.gzip)} gzipped)`;

/** A module file's static and dynamic imports, as site paths. */
function importsOf(file: string): { static: string[]; dynamic: string[] } {
  const code = readFileSync(join(DIST, file), "utf8");
  const resolve = (spec: string) => posix.join(posix.dirname(file), spec);
  const quoted = "[`\"']([^`\"']+\\.js)[`\"']";
  return {
    static: [...code.matchAll(new RegExp(`(?:^|[;}\\s])import\\s*(?:[^;]*?from\\s*)?${quoted}`, "g"))].map(
      (m) => resolve(m[1]!),
    ),
    dynamic: [...code.matchAll(new RegExp(`import\\(\\s*${quoted}`, "g"))].map((m) => resolve(m[1]!)),
  };
}

/** Files loaded from `entries` through static imports, and the dynamic imports they can trigger. */
function closure(entries: string[]): { files: Set<string>; dynamic: Set<string> } {
  const files = new Set<string>();
  const dynamic = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const found = importsOf(file);
    queue.push(...found.static);
    for (const d of found.dynamic) dynamic.add(d);
  }
  return { files, dynamic };
}

function measurePage(path: string) {
  const html = readFileSync(path, "utf8");
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  let inline = ZERO;
  const modules: string[] = [];
  const data: Size[] = [];
  for (const [, attrs, body] of scripts) {
    const src = /\bsrc="([^"]+)"/.exec(attrs!)?.[1];
    if (src) modules.push(src.replace(/^\//, ""));
    else if (/type="application\/json"/.test(attrs!)) data.push(size(body!));
    else inline = add(inline, size(body!));
  }
  const atLoad = closure(modules);
  const later = closure([...atLoad.dynamic].filter((file) => !atLoad.files.has(file)));
  const total = (files: Iterable<string>) =>
    [...files].reduce((sum, file) => add(sum, size(readFileSync(join(DIST, file), "utf8"))), ZERO);
  return {
    page:
      "/" +
      relative(DIST, path)
        .split(sep)
        .join("/")
        .replace(/index\.html$/, ""),
    atLoad: add(inline, total(atLoad.files)),
    onScroll: total(later.files),
    data,
  };
}

if (!existsSync(DIST)) {
  console.error("dist/ is missing: run `npm run build` first.");
  process.exit(1);
}

const pages = htmlFiles(DIST).sort().map(measurePage);
console.log("JavaScript per page: at load | when a chart scrolls into view");
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
