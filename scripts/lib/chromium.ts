/** The Chromium the browser tests, Lighthouse and the page-weight script launch, and its flags. */
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** Where Debian installs its Chromium; the machines this project runs on have no other browser. */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export const INSTALL_HINT =
  "No Chromium found: install Debian's (apt-get install -y chromium), or set CHROMIUM_PATH to a Chromium binary.";

/**
 * The Chromium binary to launch: `CHROMIUM_PATH` if set, else Debian's, else the
 * one Playwright downloaded. Throws one clear line when there is none, so a missing browser fails the
 * run instead of skipping it.
 */
export function findChromium(
  env: Record<string, string | undefined>,
  playwrightChromium: string | undefined,
  exists: (path: string) => boolean = existsSync,
): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!exists(fromEnv))
      throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist. ${INSTALL_HINT}`);
    return fromEnv;
  }
  if (exists(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  if (playwrightChromium && exists(playwrightChromium)) return playwrightChromium;
  throw new Error(INSTALL_HINT);
}

/** The Chromium to launch here: {@link findChromium} over this environment and Playwright's own. */
export function chromiumPath(): string {
  let playwrightChromium: string | undefined;
  try {
    playwrightChromium = chromium.executablePath();
  } catch {
    playwrightChromium = undefined;
  }
  return findChromium(process.env, playwrightChromium);
}

/** Flags for this sandbox: root needs --no-sandbox; the closed network needs background traffic off. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
];
