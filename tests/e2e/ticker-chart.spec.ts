/**
 * What a reader does with a ticker page's chart and an article's comparison: pick a range with the
 * keyboard, see volume under the price, add the benchmark, keep the choice through a resize and a
 * theme switch; and without JavaScript, get the static chart, its summary and its table, and no
 * buttons at all.
 */
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

const TICKER = "/tickers/nvda/";
const COMPARISON = "/articles/has-us-spent-wisely-on-ai/";

/** The ranges the page embeds for its buttons (from, to and summary are the build's). */
async function embeddedRanges(
  page: Page,
): Promise<{ period: string; from: string; to: string; summary: string }[]> {
  const json = await page.locator("price-chart script[type='application/json']").first().textContent();
  return (JSON.parse(json!) as { ranges: { period: string; from: string; to: string; summary: string }[] })
    .ranges;
}

/** Trading days of a ticker in the snapshot between two dates, both included. */
function barsBetween(ticker: string, from: string, to: string): number {
  const snapshot = JSON.parse(readFileSync(`content/prices/${ticker}.json`, "utf8")) as {
    bars: { date: string }[];
  };
  return snapshot.bars.filter((bar) => bar.date >= from && bar.date <= to).length;
}

async function interactive(page: Page, path: string) {
  await page.goto(path);
  const chart = page.locator("price-chart").first();
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toHaveAttribute("data-state", "interactive");
  return chart;
}

test("the range buttons work from the keyboard and redraw the chart with the range's bars", async ({
  page,
}) => {
  const chart = await interactive(page, TICKER);
  const ranges = await embeddedRanges(page);
  const group = page.getByRole("group", { name: "Chart range" });
  await expect(group.getByRole("button")).toHaveCount(6);
  // It opens on six months, as the static image did.
  const six = group.getByRole("button", { name: /^6M/ });
  await expect(six).toHaveAttribute("aria-pressed", "true");
  const sixMonths = ranges.find((r) => r.period === "6M")!;
  await expect(chart).toHaveAttribute(
    "data-points",
    String(barsBetween("nvda", sixMonths.from, sixMonths.to)),
  );

  // Arrow keys move along the group; Enter picks.
  await six.focus();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  const one = group.getByRole("button", { name: /^1M/ });
  await expect(one).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(one).toHaveAttribute("aria-pressed", "true");
  await expect(six).toHaveAttribute("aria-pressed", "false");
  const month = ranges.find((r) => r.period === "1M")!;
  await expect(chart).toHaveAttribute("data-range", "1M");
  await expect(chart).toHaveAttribute("data-points", String(barsBetween("nvda", month.from, month.to)));
  // The summary, a live region, reads the new range.
  await expect(page.locator("[data-chart-summary]")).toHaveText(month.summary);

  await group.getByRole("button", { name: /^All/ }).press("Space");
  await expect(chart).toHaveAttribute("data-points", String(barsBetween("nvda", "0000-01-01", "9999-12-31")));
});

test("the chosen range survives a resize and the theme switch", async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 900 });
  const chart = await interactive(page, TICKER);
  await page.getByRole("button", { name: /^YTD/ }).click();
  await page.setViewportSize({ width: 420, height: 900 });
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(chart).toHaveAttribute("data-theme", "dark");
  await expect(chart).toHaveAttribute("data-range", "YTD");
  await expect(page.getByRole("button", { name: /^YTD/ })).toHaveAttribute("aria-pressed", "true");
  const ytd = (await embeddedRanges(page)).find((r) => r.period === "YTD")!;
  await expect(chart).toHaveAttribute("data-points", String(barsBetween("nvda", ytd.from, ytd.to)));
});

test("volume sits in a pane of its own under the price on ticker pages, and only where asked in articles", async ({
  page,
}) => {
  const chart = await interactive(page, TICKER);
  await expect(chart).toHaveAttribute("data-panes", "2");
  // Two panes stacked: the lower one (volume) is the shorter.
  const heights = await chart.evaluate((element) =>
    [...element.querySelectorAll("tr")]
      .map((row) => row.getBoundingClientRect().height)
      .filter((height) => height > 30),
  );
  expect(heights).toHaveLength(2);
  expect(heights[1]!).toBeLessThan(heights[0]! / 2);

  // The sell-off piece asks for volume (<PriceChart volume>); the Nasdaq chart of the same day does not.
  const asked = await interactive(page, "/articles/nvidia-record-one-day-loss/");
  await expect(asked).toHaveAttribute("data-panes", "2");
  const article = await interactive(page, "/articles/deepseek-cheap-models-rattle-us-markets/");
  await expect(article).toHaveAttribute("data-panes", "1");
});

test("the compare control adds the benchmark from the keyboard, with a legend and both moves", async ({
  page,
}) => {
  const chart = await interactive(page, TICKER);
  const compare = page.getByRole("button", { name: "Compare with Nasdaq Composite" });
  await expect(compare).toHaveAttribute("aria-pressed", "false");
  await expect(page.locator("[data-chart-legend]")).toBeHidden();
  // Tab from the last range button reaches the control; Space presses it.
  await page.getByRole("button", { name: /^All/ }).focus();
  await page.keyboard.press("Tab");
  await expect(compare).toBeFocused();
  await page.keyboard.press("Space");
  await expect(compare).toHaveAttribute("aria-pressed", "true");
  await expect(chart).toHaveAttribute("data-compare", "on");
  await expect(page.locator("[data-chart-legend]")).toBeVisible();
  await expect(page.locator("[data-chart-legend]")).toContainText("Nasdaq Composite (^IXIC)");
  await expect(page.locator("[data-chart-summary]")).toContainText(
    /Nvidia (rose|fell) [\d.]+%.*; Nasdaq Composite (rose|fell) [\d.]+%\.$/,
  );
  // And off again.
  await page.keyboard.press("Enter");
  await expect(chart).toHaveAttribute("data-compare", "off");
  await expect(page.locator("[data-chart-legend]")).toBeHidden();
});

test("a comparison upgrades to an interactive chart with a read-out of every series", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 900 });
  const chart = page.locator("figure[data-compare-chart] price-chart");
  await page.goto(COMPARISON);
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toHaveAttribute("data-state", "interactive");
  // 11 trading days, 24 January to 7 February 2025.
  await expect(chart).toHaveAttribute("data-points", "11");
  const box = (await chart.boundingBox())!;
  // The last date (7 February) is at the right end of the plot, left of the scale.
  await page.mouse.move(box.x + box.width * 0.86, box.y + box.height / 2);
  const tip = chart.locator("div.absolute div.rounded").first();
  await expect(tip).toContainText("7 Feb 2025");
  // Rebased to 100 on 24 January: Nvidia 142.62 to 129.84 (91.04), Meta 647.49 to 714.52 (110.35).
  await expect(tip).toContainText("Nvidia (NVDA) 91.04");
  await expect(tip).toContainText("Meta Platforms (META) 110.35");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a ticker page shows the static chart with volume, its summary and table, and no buttons", async ({
    page,
  }) => {
    await page.goto(TICKER);
    const chart = page.locator("price-chart");
    const svg = chart.locator("svg[role=img]");
    await expect(svg).toBeVisible();
    await expect(svg).toHaveAttribute("aria-label", /, with daily volume below/);
    await expect(chart.locator("text", { hasText: /^Volume \(highest / })).toBeVisible();
    await expect(chart.locator("canvas")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^6M/ })).toBeHidden();
    await expect(page.getByRole("button", { name: /^Compare with/ })).toBeHidden();
    await expect(page.getByRole("group", { name: "Chart range" })).toHaveCount(0);
    await expect(page.locator("[data-chart-summary]")).toHaveText(/^6 months, /);
    await page.getByText(/^Data table/).click();
    await expect(page.getByRole("table").first()).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Volume" })).toBeVisible();
  });

  test("a comparison shows its legend, static lines, caption and table", async ({ page }) => {
    await page.goto(COMPARISON);
    const figure = page.locator("figure[data-compare-chart]");
    await expect(figure.locator("svg[role=img]")).toBeVisible();
    await expect(figure.locator("path[data-series]")).toHaveCount(5);
    await expect(figure.locator("[data-chart-legend] li")).toHaveCount(5);
    await expect(figure.locator("figcaption")).toContainText("Nvidia did worst: it fell 8.96%.");
  });
});
