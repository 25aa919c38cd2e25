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

/** `import("x")` of a bundled module: fetched when the code runs, not with the page. */
function dynamicImports(code: string): string[] {
  return [...code.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]!);
}

const resolveSitePath = (href: string, base: string) =>
  posix.resolve(posix.dirname(base), href.split(/[?#]/)[0]!);

/** A file of the build under `root`, by its site path, with its gzipped size; `page` references it. */
function builtFile(page: string, root: string, sitePath: string): { text: string; gzipBytes: number } {
  const path = join(root, sitePath);
  if (!existsSync(path)) throw new Error(`${page} references ${sitePath}, which is not in the build`);
  const text = readFileSync(path, "utf8");
  return { text, gzipBytes: gzipSizeOfFile(path, text) };
}

/**
 * Adds modules of the build to `scripts`, each with the modules it imports statically, each once
 * (`seen` holds the site paths already added). `page` names the page in errors.
 */
function moduleWalker(page: string, root: string, scripts: Script[], seen: Set<string>) {
  const addPath = (sitePath: string): void => {
    if (seen.has(sitePath)) return;
    seen.add(sitePath);
    const { text: code, gzipBytes } = builtFile(page, root, sitePath);
    scripts.push({ source: sitePath, code, gzipBytes });
    for (const specifier of staticImports(code)) addImport(specifier, sitePath);
  };
  /** A specifier as written in code at `base`; bare and remote ones are not files of the build. */
  const addImport = (specifier: string, base: string): void => {
    if (/^(\.|\/)/.test(specifier)) addPath(resolveSitePath(specifier, base));
  };
  return { addPath, addImport };
}

/** The weight of the page at `file` (a path under `root`, e.g. `articles/x/index.html`). */
export function pageWeight(file: string, root: string = DIST): PageWeight {
  const html = readFileSync(join(root, file), "utf8");
  const pageUrl = "/" + file;

  let cssGzipBytes = 0;
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(match[0]);
    if ((attrs.get("rel") ?? "").toLowerCase().split(/\s+/).includes("stylesheet") && attrs.get("href")) {
      cssGzipBytes += builtFile(file, root, resolveSitePath(attrs.get("href")!, pageUrl)).gzipBytes;
    }
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi))
    cssGzipBytes += gzipSize(match[1]!);

  const scripts: Script[] = [];
  const modules = moduleWalker(file, root, scripts, new Set());
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = attributes(match[1]!);
    if (DATA_TYPES.test(attrs.get("type") ?? "")) continue;
    const src = attrs.get("src");
    if (src) {
      if (!/^[a-z]+:/i.test(src)) modules.addPath(resolveSitePath(src, pageUrl));
      continue;
    }
    const code = match[2]!;
    scripts.push({ source: "inline", code, gzipBytes: gzipSize(code) });
    for (const specifier of staticImports(code)) modules.addImport(specifier, pageUrl);
  }
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(match[0]);
    if ((attrs.get("rel") ?? "").toLowerCase() === "modulepreload" && attrs.get("href")) {
      modules.addPath(resolveSitePath(attrs.get("href")!, pageUrl));
    }
  }
  return { htmlGzipBytes: gzipSize(html), cssGzipBytes, scripts };
}

/**
 * The JavaScript the page's scripts fetch later through `import()` (a chart's library when the chart
 * scrolls into view, the search index on a first query), with what those modules import statically;
 * nothing `weight` (the page's pageWeight) already loads.
 */
export function lazyScripts(file: string, weight: PageWeight, root: string = DIST): Script[] {
  const scripts: Script[] = [];
  const loaded = new Set(weight.scripts.map((script) => script.source));
  const modules = moduleWalker(file, root, scripts, loaded);
  for (const script of weight.scripts) {
    const base = script.source === "inline" ? "/" + file : script.source;
    for (const specifier of dynamicImports(script.code)) modules.addImport(specifier, base);
  }
  return scripts;
}

export const totalGzip = (scripts: readonly Script[]) => scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
