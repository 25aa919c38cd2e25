/**
 * Accessibility of one page of each type, in the light and the dark theme: axe finds no violation
 * (every rule axe runs by default: WCAG 2.x A and AA, and best practices), and the keyboard reaches
 * every interactive element with a visible focus indicator.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { scrollThrough, test, expect } from "./fixtures";
import { SAMPLE_PAGES } from "../../scripts/lib/sample-pages.ts";

const THEMES = ["light", "dark"] as const;

async function open(page: Page, path: string, theme: (typeof THEMES)[number]): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
}

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? "?"}): ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

for (const { name, path } of SAMPLE_PAGES) {
  test.describe(`${name} page`, () => {
    test.use({ expectedConsoleErrors: path === "/no-such-page/" ? [/status of 404/] : [] });

    for (const theme of THEMES) {
      test(`has no axe violations in the ${theme} theme`, async ({ page }) => {
        await open(page, path, theme);
        expect(await violations(page), "as loaded").toEqual([]);
        await scrollThrough(page);
        expect(await violations(page), "after scrolling through").toEqual([]);
      });

      test(`lets the keyboard reach every interactive element, visibly, in the ${theme} theme`, async ({
        page,
      }) => {
        await open(page, path, theme);
        await scrollThrough(page);
        const expected = await markInteractive(page);
        expect(expected.length).toBeGreaterThan(0);

        const reached = new Set<string>();
        const invisible: string[] = [];
        for (let press = 0; press < expected.length + 25; press++) {
          await page.keyboard.press("Tab");
          const focus = await describeFocus(page);
          if (!focus) break; // focus left the page: every stop has been visited
          if (focus.id) {
            if (reached.has(focus.id)) break; // wrapped around
            reached.add(focus.id);
          }
          if (!focus.visible) invisible.push(focus.label);
        }
        const unreached = expected.filter((e) => !reached.has(e.id)).map((e) => e.label);
        expect(unreached, "interactive elements Tab never reaches").toEqual([]);
        expect(invisible, "elements focused without a visible indicator").toEqual([]);
      });
    }
  });
}

/**
 * Tags every element that should be in the tab order (links, buttons, form fields, summaries,
 * tabindex >= 0) and is rendered, with a data attribute; returns their ids and labels.
 */
async function markInteractive(page: Page): Promise<{ id: string; label: string }[]> {
  return page.evaluate(() => {
    const selector =
      "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex], [contenteditable=true]";
    const out: { id: string; label: string }[] = [];
    document.querySelectorAll<HTMLElement>(selector).forEach((element, index) => {
      if (element.tabIndex < 0 || element.closest("[inert]")) return;
      if ((element as HTMLButtonElement).disabled) return;
      if (!element.checkVisibility({ visibilityProperty: true })) return;
      // A summary only takes focus as the first summary of its details.
      if (element.tagName === "SUMMARY" && element.parentElement?.querySelector("summary") !== element)
        return;
      const id = String(index);
      element.dataset.kbd = id;
      const text = (element.getAttribute("aria-label") ?? element.textContent ?? "")
        .trim()
        .replace(/\s+/g, " ");
      out.push({ id, label: `<${element.tagName.toLowerCase()}> ${text.slice(0, 60)}` });
    });
    return out;
  });
}

/** The focused element: its mark, a label, and whether a focus indicator is drawn around it. */
async function describeFocus(page: Page): Promise<{ id?: string; label: string; visible: boolean } | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body || element === document.documentElement) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1;
    const shadow = style.boxShadow !== "none";
    const box = element.getBoundingClientRect();
    const onScreen = box.width >= 1 && box.height >= 1;
    const text = (element.getAttribute("aria-label") ?? element.textContent ?? "")
      .trim()
      .replace(/\s+/g, " ");
    return {
      id: element.dataset.kbd,
      label: `<${element.tagName.toLowerCase()}> ${text.slice(0, 60)}`,
      visible: (outline || shadow) && onScreen,
    };
  });
}
