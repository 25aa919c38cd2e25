/**
 * The pages work under the headers of public/_headers, which `astro preview` sends (astro.config.ts):
 * the policy is in force (a script it does not allow is refused), and no page type triggers a
 * violation of its own. The shared fixture also fails any test on a console error, which is where
 * the browser reports a refused script or style.
 */
import type { Page } from "@playwright/test";
import { scrollThrough, test, expect } from "./fixtures";

/** One page of each type; `chart` marks the ones with a price chart, which must upgrade under the policy. */
const PAGES = [
  { path: "/", chart: false },
  { path: "/articles/nvidia-record-one-day-loss/", chart: true },
  { path: "/tags/nvidia/", chart: false },
  { path: "/tickers/nvda/", chart: true },
  { path: "/search/?q=nvidia", chart: false },
];

/** Collects Content-Security-Policy violations the page reports, from before its first script. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

test("pages are served with the security headers", async ({ page }) => {
  const response = await page.goto("/");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("script-src 'self'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBeTruthy();
  expect(headers["permissions-policy"]).toBeTruthy();
});

test.describe("an inline script the policy does not allow", () => {
  test.use({ expectedConsoleErrors: [/Content Security Policy/] });

  test("is refused", async ({ page }) => {
    await recordViolations(page);
    await page.goto("/");
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.head.append(script);
    });
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    await expect.poll(() => violations(page)).toContainEqual(expect.stringMatching(/^script-src/));
  });
});

for (const { path, chart } of PAGES) {
  test(`${path} runs without a policy violation, charts and search included`, async ({ page }) => {
    await recordViolations(page);
    await page.goto(path);
    // Bring every chart into view so it upgrades, and let search run its query.
    await scrollThrough(page);
    if (path.startsWith("/search/")) await expect(page.getByRole("status")).toContainText(/match/);
    if (chart) await expect(page.locator("price-chart canvas").first()).toBeAttached();
    else await expect(page.locator("price-chart")).toHaveCount(0);
    expect(await violations(page)).toEqual([]);
  });
}
