/**
 * What a built page makes the browser download on first load, read from the HTML and the files it
 * references: its HTML, its stylesheets, and the JavaScript it loads without any interaction
 * (inline scripts, external scripts and the modules they import statically). Sizes are gzipped, as
 * a static host serves them.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import { gzipSync } from "node:zlib";
/** The build output folder pages are read from unless another is given. */
const DIST = "dist";

/** Issue 9's budget: HTML plus CSS of any page, gzipped. */
export const PAGE_BUDGET_BYTES = 40 * 1024;

export interface Script {
  /** Site path of the file, or "inline". */
  source: string;
  code: string;
  gzipBytes: number;
}

export interface PageWeight {
  htmlGzipBytes: number;
  /** Stylesheets linked or inlined by the page. */
  cssGzipBytes: number;
  /** JavaScript that runs on load, static imports included. */
  scripts: Script[];
}

export const gzipSize = (text: string | Buffer): number => gzipSync(text, { level: 9 }).length;

/** Gzipped sizes of files many pages share (stylesheets, modules), by path, size and time written. */
const fileGzip = new Map<string, number>();

function gzipSizeOfFile(path: string, text: string): number {
  const stat = statSync(path);
  const key = `${path}:${stat.size}:${stat.mtimeMs}`;
  let size = fileGzip.get(key);
  if (size === undefined) fileGzip.set(key, (size = gzipSize(text)));
  return size;
}

/** Script types that are data, not code. */
const DATA_TYPES = /^(application\/(ld\+)?json|importmap|speculationrules|text\/plain)$/i;

/** `name="value"` attributes of one start tag, lower-cased names. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of tag.matchAll(/\s([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    out.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? "");
  }
  return out;
}

/** Static `import … from "x"` and `import "x"` of a bundled module (dynamic `import()` is lazy). */
function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const match of code.matchAll(
    /(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]([^"'`]+)["'`]/g,
  )) {
    out.push(match[1]!);
  }
  for (const match of code.matchAll(/(?:^|[;\s}])export\s*(?:\*|\{[^}]*\})\s*from\s*["'`]([^"'`]+)["'`]/g)) {
    out.push(match[1]!);
  }
  return out;
}

/** The weight of the page at `file` (a path under `root`, e.g. `articles/x/index.html`). */
export function pageWeight(file: string, root: string = DIST): PageWeight {
  const html = readFileSync(join(root, file), "utf8");
  const pageUrl = "/" + file;
  const read = (sitePath: string): string => {
    const path = join(root, sitePath);
    if (!existsSync(path)) throw new Error(`${file} references ${sitePath}, which is not in the build`);
    return readFileSync(path, "utf8");
  };
  const gzipOf = (sitePath: string, text: string) => gzipSizeOfFile(join(root, sitePath), text);
  const resolve = (href: string, base: string) => posix.resolve(posix.dirname(base), href.split(/[?#]/)[0]!);

  let cssGzipBytes = 0;
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(match[0]);
    if ((attrs.get("rel") ?? "").toLowerCase().split(/\s+/).includes("stylesheet") && attrs.get("href")) {
      const href = resolve(attrs.get("href")!, pageUrl);
      cssGzipBytes += gzipOf(href, read(href));
    }
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi))
    cssGzipBytes += gzipSize(match[1]!);

  const scripts: Script[] = [];
  const seen = new Set<string>();
  const addModule = (sitePath: string) => {
    if (seen.has(sitePath)) return;
    seen.add(sitePath);
    const code = read(sitePath);
    scripts.push({ source: sitePath, code, gzipBytes: gzipOf(sitePath, code) });
    for (const specifier of staticImports(code)) {
      if (/^(\.|\/)/.test(specifier)) addModule(resolve(specifier, sitePath));
    }
  };
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = attributes(match[1]!);
    if (DATA_TYPES.test(attrs.get("type") ?? "")) continue;
    const src = attrs.get("src");
    if (src) {
      if (!/^[a-z]+:/i.test(src)) addModule(resolve(src, pageUrl));
      continue;
    }
    const code = match[2]!;
    scripts.push({ source: "inline", code, gzipBytes: gzipSize(code) });
    for (const specifier of staticImports(code)) {
      if (/^(\.|\/)/.test(specifier)) addModule(resolve(specifier, pageUrl));
    }
  }
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(match[0]);
    if ((attrs.get("rel") ?? "").toLowerCase() === "modulepreload" && attrs.get("href")) {
      addModule(resolve(attrs.get("href")!, pageUrl));
    }
  }
  return { htmlGzipBytes: gzipSize(html), cssGzipBytes, scripts };
}

export const totalGzip = (scripts: readonly Script[]) => scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
