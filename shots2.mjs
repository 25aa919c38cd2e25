import { chromium } from "@playwright/test";
const [path, selector, tag] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
for (const width of [390, 1280]) {
  for (const theme of ["light", "dark"]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
    const page = await ctx.newPage();
    await page.goto(`http://localhost:4333${path}`);
    await page
      .locator(selector)
      .first()
      .screenshot({ path: `/tmp/wt15-${tag}-${width}-${theme}.png` });
    await ctx.close();
  }
}
await browser.close();
