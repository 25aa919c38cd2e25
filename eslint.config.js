import { defineConfig } from "eslint/config";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import astro from "eslint-plugin-astro";
import globals from "globals";

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
);
