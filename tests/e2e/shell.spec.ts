import { test, expect } from "./fixtures";
import { SAMPLE_PAGES } from "../../scripts/lib/sample-pages.ts";

test("home page shows the site name as title and heading", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Market Desk");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});

test("theme toggle switches theme, and the choice survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "light");
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const lightBackground = await background();

  const toggle = page.getByRole("button", { name: "Dark theme" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  expect(await background()).not.toBe(lightBackground);

  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
});

test("dark system preference applies before first paint", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  // Record the theme as the very first script sees it, before any bundled module runs.
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      (window as unknown as { themeAtLoad: string | undefined }).themeAtLoad =
        document.documentElement.dataset.theme;
    });
  });
  await page.goto("/");
  expect(await page.evaluate(() => (window as unknown as { themeAtLoad: string }).themeAtLoad)).toBe("dark");
});

test("skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test.describe("missing pages", () => {
  test.use({ expectedConsoleErrors: [/status of 404/] });

  test("get the 404 page with a way back", async ({ page }) => {
    const response = await page.goto("/no-such-page/");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await page.getByRole("link", { name: "Go to the latest news" }).click();
    await expect(page).toHaveURL("/");
  });
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const sample of SAMPLE_PAGES) {
    test.describe(sample.name, () => {
      test.use({ expectedConsoleErrors: sample.path === "/no-such-page/" ? [/status of 404/] : [] });
      test(`the ${sample.name} page does not scroll sideways`, async ({ page }) => {
        await page.goto(sample.path);
        // Wider content than the screen (a hidden tooltip, a long table cell) makes the page pan sideways.
        const widths = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          screen: document.documentElement.clientWidth,
        }));
        expect(widths.page).toBeLessThanOrEqual(widths.screen);
      });
    });
  }
});
