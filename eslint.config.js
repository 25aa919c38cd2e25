import { defineConfig } from "eslint/config";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import astro from "eslint-plugin-astro";
import globals from "globals";

/** Node runs src/lib and scripts/ directly (type stripping), and Node does not know the @/ alias. */
const noAlias = { group: ["@/*"], message: "Node runs this file without the @/ alias: import relatively." };
/** A feature's index.ts re-exports all of it; library and browser code import the module they need. */
const noFeatureIndex = {
  regex: "(^@/lib/[a-z]+$|/index\\.ts$)",
  message:
    "Import the module itself, not a feature's index: browser bundles would take in the whole feature.",
};

export default defineConfig(
  { ignores: ["dist/", ".astro/", "node_modules/", "coverage/", "test-results/", "playwright-report/"] },
  js.configs.recommended,
  tseslint.configs.strict,
  astro.configs.recommended,
  { languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    rules: {
      // tsconfig has noUncheckedIndexedAccess; `bars[i]!` after a bounds check is the plain way to say so.
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["src/lib/**/*.ts"],
    ignores: ["src/lib/*/index.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noAlias, noFeatureIndex] }] },
  },
  { files: ["scripts/**/*.ts"], rules: { "no-restricted-imports": ["error", { patterns: [noAlias] }] } },
  {
    files: ["src/scripts/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noFeatureIndex] }] },
  },
);
