/**
 * The page weight budget (HTML and CSS of each page, gzipped, within PAGE_BUDGET_BYTES), as functions over any build's output folder, so the site tests
 * can apply it to dist/ and to builds of other content (a corpus with articles that have no chart).
 */
import { themeInitScript } from "../../src/lib/site/index.ts";
import {
  PAGE_BUDGET_BYTES,
  pageBudgets,
  pageWeight,
  totalGzip,
  type Script,
} from "../../scripts/lib/page-weight.ts";
import { DIST } from "./dist";

/** All JavaScript of an article without a chart: the theme scripts, gzipped. */
const THEME_SCRIPT_BUDGET_BYTES = 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Pages whose HTML and CSS together exceed the budget, with their weight. */
export function pagesOverBudget(root: string = DIST): string[] {
  return pageBudgets(root)
    .filter((page) => page.bytes >= PAGE_BUDGET_BYTES)
    .map(
      (page) =>
        `${page.file}: HTML ${kb(page.htmlGzipBytes)} + CSS ${kb(page.cssGzipBytes)} gzipped = ${kb(page.bytes)}`,
    );
}

/**
 * The theme code every page carries: the first-paint script of src/lib/site/theme-init.ts, and the bundled
 * toggle (src/scripts/theme.ts), recognised by the custom element it defines.
 */
function isThemeScript(script: Script): boolean {
  if (script.source === "inline" && script.code.trim() === themeInitScript) return true;
  return /customElements\.define\(\s*["'`]theme-toggle["'`]/.test(script.code);
}

/** What is wrong with the JavaScript of an article without a chart (nothing: an empty list). */
export function chartlessArticleScriptProblems(file: string, root: string = DIST): string[] {
  const { scripts } = pageWeight(file, root);
  const problems = scripts
    .filter((script) => !isThemeScript(script))
    .map(
      (script) =>
        `${file}: loads ${script.source} script (${kb(script.gzipBytes)}): only the theme script may load here`,
    );
  const total = totalGzip(scripts);
  if (total >= THEME_SCRIPT_BUDGET_BYTES) {
    problems.push(
      `${file}: ${kb(total)} of JavaScript gzipped; the theme script must stay under ${kb(THEME_SCRIPT_BUDGET_BYTES)}`,
    );
  }
  return problems;
}
