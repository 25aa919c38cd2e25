import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Three projects, fastest first:
 * - `unit`: src/lib, the schemas and the command-line tools, with no build (`npm run test:fast`);
 * - `build`: tests that build throwaway copies of the site (bad content, drafts, a large corpus);
 * - `site`: checks over the built dist/ (run `npm run build` first).
 */
const alias = { "@/": fileURLToPath(new URL("./src/", import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 60_000 },
      },
      {
        resolve: { alias },
        test: {
          name: "build",
          include: ["tests/build/**/*.test.ts"],
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        resolve: { alias },
        test: { name: "site", include: ["tests/site/**/*.test.ts"], testTimeout: 120_000 },
      },
    ],
    coverage: {
      provider: "v8",
      // The pure library the pages are built from; src/data and the components are covered by the
      // build and site tests, which run in other processes.
      include: ["src/lib/**/*.ts"],
      // A feature's index.ts only re-exports its modules.
      exclude: ["src/lib/*/index.ts"],
      reporter: ["text-summary", "text"],
      reportsDirectory: "coverage",
      thresholds: { lines: 94, functions: 95, branches: 85, statements: 93 },
    },
  },
});
