/**
 * Throwaway copies of the site, for tests that must build other content than the real site's (a bad
 * article, a draft) and for the build benchmark (a synthetic corpus). Lives in scripts/ so the
 * benchmark does not reach into tests/.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { stripVTControlCharacters } from "node:util";

/** What a copy of the site gets: files to add or replace, relative to the project root. */
export type Overrides = Record<string, string>;

/** The project root this module belongs to. */
export const ROOT = resolve(import.meta.dirname, "../..");

/**
 * Top-level entries a copy leaves out: dependencies (linked instead), build output, caches, reports.
 * Everything else is copied, so a new config file at the root reaches copies without a change here.
 */
const NOT_COPIED = new Set([
  ".git",
  "node_modules",
  "dist",
  ".astro",
  "coverage",
  "test-results",
  "playwright-report",
]);

/**
 * Caches Astro and Vite keep inside node_modules. A copy gets its own node_modules folder whose
 * entries link to the real packages, so these are created fresh in the copy instead of shared with
 * the checkout (concurrent builds would otherwise race on one content store, and a cold build could
 * not clear its caches without clearing the checkout's).
 */
const CACHES = new Set([".astro", ".vite", ".vite-temp", ".cache"]);

/**
 * Makes a copy of the site in a new temporary folder (or at `at`, a path that must not exist yet), with
 * some files added or replaced.
 */
export function makeSiteCopy(
  overrides: Overrides = {},
  options: { root?: string; prefix?: string; nodeModules?: string; at?: string } = {},
): { dir: string; cleanup: () => void } {
  const root = options.root ?? ROOT;
  const nodeModules = options.nodeModules ?? join(root, "node_modules");
  if (options.at) mkdirSync(options.at);
  const dir = options.at ?? mkdtempSync(join(tmpdir(), options.prefix ?? "market-desk-"));
  for (const entry of readdirSync(root)) {
    if (!NOT_COPIED.has(entry)) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  mkdirSync(join(dir, "node_modules"));
  for (const entry of readdirSync(nodeModules)) {
    if (!CACHES.has(entry)) symlinkSync(join(nodeModules, entry), join(dir, "node_modules", entry));
  }
  for (const [path, text] of Object.entries(overrides)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Removes the build caches of a copy, so the next build is cold. */
export function clearCaches(dir: string): void {
  for (const cache of CACHES) rmSync(join(dir, "node_modules", cache), { recursive: true, force: true });
  rmSync(join(dir, ".astro"), { recursive: true, force: true });
}

/**
 * The environment without what Vitest adds to it (NODE_ENV=test, MODE, DEV=1, PROD, SSR, BASE_URL):
 * Astro reads those too, and `astro build` would then make a development build, drafts and all.
 */
export function commandLineEnv(): NodeJS.ProcessEnv {
  const vitest = new Set(["NODE_ENV", "MODE", "DEV", "PROD", "SSR", "BASE_URL", "TEST"]);
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !vitest.has(key) && !key.startsWith("VITEST")),
  );
}

/**
 * Runs an npm script (or any command) in `dir`; never throws, so tests can assert on failures.
 * The output is plain text: Astro colours its log when CI or FORCE_COLOR is set, and the escape codes
 * would split the phrases tests look for.
 */
export function run(
  dir: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; output: string } {
  const result = spawnSync(command, args, {
    cwd: dir,
    env: { ...commandLineEnv(), ASTRO_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
    timeout: 300_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
}

/** `astro build` of a site copy. */
export function buildCopy(dir: string, env: Record<string, string> = {}) {
  return run(dir, join(ROOT, "node_modules/.bin/astro"), ["build"], env);
}

/** `npm run build` of a site copy: the site's full build, whatever steps it has after `astro build`. */
export function buildSite(dir: string, env: Record<string, string> = {}) {
  return run(dir, "npm", ["run", "build"], env);
}
