import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

/** What a test copy of the site gets: files to add or replace, relative to the project root. */
export type Overrides = Record<string, string>;

const ROOT = resolve(import.meta.dirname, "../..");
/** Everything a build reads; node_modules is linked, not copied (see linkNodeModules). */
const COPIED = ["astro.config.ts", "tsconfig.json", "package.json", "src", "content", "public", "scripts"];

/**
 * A throwaway copy of the site with some files added or replaced, for tests that must build other
 * content than the real site's (a bad article, a draft, a scheduled story) without touching it.
 */
export function makeSiteCopy(overrides: Overrides = {}): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "market-desk-"));
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  linkNodeModules(join(dir, "node_modules"));
  for (const [path, text] of Object.entries(overrides)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Links each package of the project's node_modules into the copy, but not the caches Astro and Vite
 * keep there (node_modules/.astro holds the content store): each copy gets its own, so copies built
 * at the same time, or the project's own build, never read another's content.
 */
function linkNodeModules(target: string): void {
  mkdirSync(target);
  for (const entry of readdirSync(join(ROOT, "node_modules"))) {
    if (entry === ".astro" || entry === ".vite") continue;
    symlinkSync(join(ROOT, "node_modules", entry), join(target, entry));
  }
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

/** Runs an npm script (or any command) in `dir`; never throws, so tests can assert on failures. */
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
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** `astro build` of a site copy. */
export function buildCopy(dir: string, env: Record<string, string> = {}) {
  return run(dir, join(ROOT, "node_modules/.bin/astro"), ["build"], env);
}
