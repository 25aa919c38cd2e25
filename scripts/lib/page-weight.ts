/**
 * What a built page makes the browser download, read from the HTML and the files it references: its
 * HTML, its stylesheets, the JavaScript it loads without any interaction (inline scripts, external
 * scripts and the modules they import statically), and the JavaScript those load later through a
 * dynamic `import()` (a chart scrolling into view, a first search). Sizes are gzipped, as a static host
 * serves them. The page budget tests, the benchmark and `npm run measure-charts` all measure with it.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import { gzipSync } from "node:zlib";
import { filesUnder } from "./files.ts";

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
  /** JavaScript the page's scripts import dynamically, with its static imports: loaded only on demand. */
  lazyScripts: Script[];
}

export const gzipSize = (text: string | Buffer): number => gzipSync(text, { level: 9 }).length;

/** A stylesheet or a module of the build. */
interface BuiltFile {
  code: string;
  gzipBytes: number;
  imports: Imports;
}

/** Files many pages share (stylesheets, modules), read once, by path, size and time written. */
const builtFiles = new Map<string, BuiltFile>();

function readBuiltFile(path: string): BuiltFile {
  const stat = statSync(path);
  const key = `${path}:${stat.size}:${stat.mtimeMs}`;
  let built = builtFiles.get(key);
  if (built === undefined) {
    const code = readFileSync(path, "utf8");
    builtFiles.set(key, (built = { code, gzipBytes: gzipSize(code), imports: importsOf(code) }));
  }
  return built;
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

interface Imports {
  /** `import … from "x"`, `import "x"` and `export … from "x"`: loaded with the module. */
  static: string[];
  /** `import("x")`: loaded when the code runs it. */
  dynamic: string[];
}

/** The local modules (relative or root-relative specifiers) a bundled module imports. */
function importsOf(code: string): Imports {
  const local = (specifiers: Iterable<RegExpMatchArray>) =>
    [...specifiers].map((match) => match[1]!).filter((specifier) => /^(\.|\/)/.test(specifier));
  return {
    static: [
      ...local(code.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]([^"'`]+)["'`]/g)),
      ...local(code.matchAll(/(?:^|[;\s}])export\s*(?:\*|\{[^}]*\})\s*from\s*["'`]([^"'`]+)["'`]/g)),
    ],
    dynamic: local(code.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)),
  };
}

const resolve = (href: string, base: string) => posix.resolve(posix.dirname(base), href.split(/[?#]/)[0]!);

/** Reads files of the build under `root` by site path; `page` is the page that references them. */
function reader(page: string, root: string) {
  return (sitePath: string): BuiltFile => {
    const path = join(root, sitePath);
    if (!existsSync(path)) throw new Error(`${page} references ${sitePath}, which is not in the build`);
    return readBuiltFile(path);
  };
}

/**
 * What the page budget counts for the page at `file`: its HTML and its stylesheets. Scripts are not
 * read, so the budget applies to a build without Pagefind's files too.
 */
function pageBudget(file: string, root: string, html: string): PageBudget {
  const read = reader(file, root);
  let cssGzipBytes = 0;
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(match[0]);
    if ((attrs.get("rel") ?? "").toLowerCase().split(/\s+/).includes("stylesheet") && attrs.get("href")) {
      cssGzipBytes += read(resolve(attrs.get("href")!, "/" + file)).gzipBytes;
    }
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi))
    cssGzipBytes += gzipSize(match[1]!);
  const htmlGzipBytes = gzipSize(html);
  return { file, htmlGzipBytes, cssGzipBytes, bytes: htmlGzipBytes + cssGzipBytes };
}

/** The weight of the page at `file` (a path under `root`, e.g. `articles/x/index.html`). */
export function pageWeight(file: string, root: string = DIST): PageWeight {
  const html = readFileSync(join(root, file), "utf8");
  const pageUrl = "/" + file;
  const read = reader(file, root);
  const { htmlGzipBytes, cssGzipBytes } = pageBudget(file, root, html);

  const seen = new Set<string>();
  /** Dynamic imports met on the way, as site paths. */
  const later: string[] = [];
  /** Adds the module at `sitePath` and everything it imports statically to `into`. */
  const addModule = (sitePath: string, into: Script[]) => {
    if (seen.has(sitePath)) return;
    seen.add(sitePath);
    const { code, gzipBytes, imports } = read(sitePath);
    into.push({ source: sitePath, code, gzipBytes });
    for (const specifier of imports.static) addModule(resolve(specifier, sitePath), into);
    for (const specifier of imports.dynamic) later.push(resolve(specifier, sitePath));
  };

  const scripts: Script[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = attributes(match[1]!);
    if (DATA_TYPES.test(attrs.get("type") ?? "")) continue;
    const src = attrs.get("src");
    if (src) {
      if (!/^[a-z]+:/i.test(src)) addModule(resolve(src, pageUrl), scripts);
      continue;
    }
    const code = match[2]!;
    scripts.push({ source: "inline", code, gzipBytes: gzipSize(code) });
    const imports = importsOf(code);
    for (const specifier of imports.static) addModule(resolve(specifier, pageUrl), scripts);
    for (const specifier of imports.dynamic) later.push(resolve(specifier, pageUrl));
  }
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(match[0]);
    if ((attrs.get("rel") ?? "").toLowerCase() === "modulepreload" && attrs.get("href")) {
      addModule(resolve(attrs.get("href")!, pageUrl), scripts);
    }
  }

  const lazyScripts: Script[] = [];
  while (later.length > 0) addModule(later.shift()!, lazyScripts);
  return { htmlGzipBytes, cssGzipBytes, scripts, lazyScripts };
}

export const totalGzip = (scripts: readonly Script[]) => scripts.reduce((sum, s) => sum + s.gzipBytes, 0);

export interface PageBudget {
  /** The page's file under the build folder, e.g. `articles/x/index.html`. */
  file: string;
  htmlGzipBytes: number;
  cssGzipBytes: number;
  /** HTML plus CSS: what {@link PAGE_BUDGET_BYTES} limits. */
  bytes: number;
}

/** What the page budget counts on every page under `root`, heaviest first. */
export function pageBudgets(root: string = DIST): PageBudget[] {
  return filesUnder(root, ".html")
    .map((file) => pageBudget(file, root, readFileSync(join(root, file), "utf8")))
    .sort((a, b) => b.bytes - a.bytes);
}
