/**
 * What a first visit to each page type costs: loads one page of each type in Chromium with an empty
 * cache, records every request, and prints the bytes of HTML, CSS, JavaScript and the rest, gzipped
 * (level 9, as a static host would serve them), and the number of requests. Scripts the build inlined
 * into the HTML are part of the HTML figure and also shown on their own (each gzipped separately).
 *
 *   npm run build && npx astro preview --port 4330 &
 *   npx node scripts/page-weight.ts http://localhost:4330
 *
 * Lazy requests (a chart library loaded when the chart scrolls into view, the search index loaded
 * on the first query) are counted only if they happen during the load, so the table is "first load".
 *
 * This is what a browser fetches, so it also counts images, icons and requests, and what a reader's
 * first action loads (Pagefind's WebAssembly and index). For the HTML, CSS and JavaScript alone,
 * scripts/lib/page-weight.ts reads the same figures from dist/ without a browser (the page budget
 * tests and `npm run measure-charts` use it); both gzip with its gzipSize.
 */
import { chromium, type Page } from "@playwright/test";
import { chromiumPath, CHROMIUM_ARGS } from "./lib/chromium.ts";
import { gzipSize } from "./lib/page-weight.ts";
import { SAMPLE_PAGES } from "./lib/sample-pages.ts";

const base = process.argv[2] ?? "http://localhost:4330";
/** What a reader does after some loads, measured as rows of their own: [row name, after which page, what]. */
const interactions: [string, string, (page: Page) => Promise<void>][] = [
  [
    // Every launch article has a chart: its code loads only once the chart scrolls into view.
    "article + chart in view",
    "article with a chart",
    async (page) => {
      await page.locator("price-chart").first().scrollIntoViewIfNeeded();
      await page.locator("price-chart[data-state=interactive]").first().waitFor();
      await page.waitForLoadState("networkidle");
    },
  ],
  [
    "search + 1st query",
    "search",
    async (page) => {
      await page.getByRole("searchbox").fill("nvidia");
      await page.getByRole("status").filter({ hasText: /match/ }).waitFor();
      await page.waitForLoadState("networkidle");
    },
  ],
];

/** [name, path, optionally something the reader does after the load, counted in the same row] */
const pages: [string, string, ((page: Page) => Promise<void>)?][] = SAMPLE_PAGES.flatMap(
  ({ name, path }): [string, string, ((page: Page) => Promise<void>)?][] => [
    [name, path],
    ...interactions
      .filter(([, after]) => after === name)
      .map(([row, , act]): [string, string, (page: Page) => Promise<void>] => [row, path, act]),
  ],
);

type Kind = "html" | "css" | "js" | "other";

function kindOf(contentType: string): Kind {
  if (contentType.includes("text/html")) return "html";
  if (contentType.includes("text/css")) return "css";
  if (contentType.includes("javascript")) return "js";
  return "other";
}

const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: CHROMIUM_ARGS,
});
const rows: string[][] = [];
for (const [name, path, after] of pages) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sizes: Record<Kind, number> = { html: 0, css: 0, js: 0, other: 0 };
  let requests = 0;
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    requests++;
    pending.push(
      response
        .body()
        .then((body) => {
          sizes[kindOf(response.headers()["content-type"] ?? "")] += gzipSize(body);
        })
        .catch(() => {}),
    );
  });
  await page.goto(base + path, { waitUntil: "networkidle" });
  await after?.(page);
  await Promise.all(pending);
  // Small scripts are inlined into the HTML by the build: count them too, as JavaScript "in HTML".
  const inline = await page.evaluate(() =>
    [...document.querySelectorAll("script:not([src])")]
      .filter((s) => !(s as HTMLScriptElement).type.includes("json"))
      .map((s) => s.textContent ?? ""),
  );
  const inlineJs = inline.reduce((sum, code) => sum + gzipSize(code), 0);
  const kb = (n: number) => (n / 1024).toFixed(1);
  rows.push([
    name,
    kb(sizes.html),
    kb(inlineJs),
    kb(sizes.css),
    kb(sizes.js),
    kb(sizes.other),
    String(requests),
  ]);
  await context.close();
}
await browser.close();

const header = [
  "page type",
  "HTML KB",
  "(of which inline JS)",
  "CSS KB",
  "JS files KB",
  "other KB",
  "requests",
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
