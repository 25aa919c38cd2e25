import { test as base, expect, type Page } from "@playwright/test";

/**
 * The `test` every browser test uses: it fails the test on any console error or uncaught page error,
 * so a broken script cannot pass unnoticed. A test that provokes an error on purpose (a 404) lists it
 * in `expectedConsoleErrors`.
 */
export const test = base.extend<{ consoleErrors: string[]; expectedConsoleErrors: RegExp[] }>({
  expectedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, expectedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      const unexpected = errors.filter((text) => !expectedConsoleErrors.some((re) => re.test(text)));
      expect(unexpected, "console errors on the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Scrolls to the end of the page and back, half a screen at a time, then waits for the network to
 * settle: every part that upgrades when it scrolls into view (charts) is then in its final state.
 */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState("networkidle");
}
