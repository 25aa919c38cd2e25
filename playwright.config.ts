import { defineConfig } from "@playwright/test";
import { chromiumPath, CHROMIUM_ARGS } from "./scripts/lib/chromium.ts";

/**
 * Port of the preview server the browser tests use: off `npm start`'s 4321, and settable (E2E_PORT) so
 * two checkouts can run their browser tests at once.
 */
const PORT = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  // An axe pass over a long page takes several seconds on a busy two-core machine; 30 s (the default)
  // is too close.
  timeout: 90_000,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    // Serves the built site: `npm test` builds before the browser tests run.
    command: `astro preview --port ${PORT}`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
