import { defineConfig } from "vitest/config";

// Two projects: `unit` tests pure logic in src/lib and scripts; `site` checks the built dist/.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 120_000 } },
      { test: { name: "site", include: ["tests/site/**/*.test.ts"], testTimeout: 120_000 } },
    ],
  },
});
