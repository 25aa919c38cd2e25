import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

/** What a test copy of the site gets: files to add or replace, relative to the project root. */
export type Overrides = Record<string, string>;

const ROOT = resolve(import.meta.dirname, "../..");
/** Everything a build reads; node_modules is linked, not copied. */
const COPIED = ["astro.config.ts", "tsconfig.json", "package.json", "src", "content", "public", "scripts"];

/**
 * A throwaway copy of the site with some files added or replaced, for tests that must build other
 * content than the real site's (a bad article, a draft, a scheduled story) without touching it.
 */
export function makeSiteCopy(overrides: Overrides = {}): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "market-desk-"));
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  for (const [path, text] of Object.entries(overrides)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * What vitest adds to process.env (NODE_ENV=test, DEV=1, MODE, SSR, ...). A build that inherits them
 * runs with `import.meta.env.DEV` true, i.e. shows drafts as the dev server does; child commands get
 * the environment without them.
 */
const VITEST_ENV = /^(NODE_ENV|DEV|PROD|SSR|MODE|BASE_URL|TEST|VITEST(_.*)?)$/;

function cleanEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => !VITEST_ENV.test(entry[0]) && entry[1] !== undefined,
    ),
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
    env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
    timeout: 300_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** `astro build` of a site copy. */
export function buildCopy(dir: string, env: Record<string, string> = {}) {
  return run(dir, join(ROOT, "node_modules/.bin/astro"), ["build"], env);
}
