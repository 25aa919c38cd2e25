import { readFileSync } from "node:fs";
import type { Page, Request } from "@playwright/test";
import { test, expect } from "./fixtures";

/** This article's one chart sits far below the first screen: bidu from 2025-02-14 to 2025-03-14. */
const FAR_CHART = "/articles/baidu-releases-reasoning-model/";
/** The chart of this article: nvda from 2025-01-13 to 2025-01-27 with volume, the article's date marked. */
const NEAR_CHART = "/articles/nvidia-record-one-day-loss/";

/** Trading days in the snapshot between two dates: what the chart must plot, counted from the data file. */
function barsBetween(ticker: string, from: string, to: string): number {
  const snapshot = JSON.parse(readFileSync(`content/prices/${ticker}.json`, "utf8")) as {
    bars: { date: string }[];
  };
  return snapshot.bars.filter((bar) => bar.date >= from && bar.date <= to).length;
}

/** Requests for the charting library's code (its chunk carries the library's name). */
function libraryRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script" && /lightweight-charts/i.test(request.url())) seen.push(request);
  });
  return seen;
}

/** Every script body the page loaded (inline module scripts are in the HTML; files are fetched). */
function scriptBodies(page: Page): Promise<string>[] {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.text());
  });
  return bodies;
}

/** The colours drawn on the chart's canvases, as "r,g,b" strings. */
async function canvasColours(page: Page): Promise<Set<string>> {
  const colours = await page
    .locator("price-chart")
    .first()
    .evaluate((element) => {
      const found = new Set<string>();
      for (const canvas of element.querySelectorAll("canvas")) {
        const context = canvas.getContext("2d");
        if (!context || canvas.width === 0 || canvas.height === 0) continue;
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < pixels.length; i += 4) {
          if (pixels[i + 3] === 255) found.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`);
        }
      }
      return [...found];
    });
  return new Set(colours);
}

test("a chart below the fold stays a static SVG until it scrolls into view, then plots every bar", async ({
  page,
}) => {
  const library = libraryRequests(page);
  await page.goto(FAR_CHART);
  const chart = page.locator("price-chart");
  await expect(chart.locator("svg[role=img]")).toBeVisible();
  // Give a lazy loader every chance to misbehave before checking it did not.
  await page.waitForLoadState("networkidle");
  await expect(chart.locator("canvas")).toHaveCount(0);
  expect(library).toHaveLength(0);

  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator("canvas").first()).toBeVisible();
  await expect(chart).toHaveAttribute("data-points", String(barsBetween("bidu", "2025-02-14", "2025-03-14")));
  expect(library).toHaveLength(1);
  // The static drawing keeps the box (no layout shift) but is hidden; the canvas is one image to
  // screen readers, labelled like the drawing and described by the caption.
  await expect(chart.locator("svg[role=img]")).toBeHidden();
  const image = chart.locator("div[role=img]");
  await expect(image).toHaveAttribute("aria-label", /^Line chart of the daily close of Baidu \(BIDU\)/);
  const caption = await page.locator("figure", { has: chart }).locator("figcaption").getAttribute("id");
  await expect(image).toHaveAttribute("aria-describedby", caption!);
});

test("the crosshair read-out gives the date, close, day's move and the marker's full label", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(NEAR_CHART);
  const chart = page.locator("price-chart");
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toHaveAttribute("data-state", "interactive");
  const box = (await chart.boundingBox())!;
  // The last bar (27 January 2025) is at the right end of the plot, left of the price scale (whose
  // width depends on its labels: the volume pane's are wide): move in from the right, a third of the
  // way down (the price pane, above the volume pane), until the read-out appears.
  const tip = chart.locator("div.absolute div.rounded").first();
  for (let x = 0.95; x > 0.6 && !(await tip.isVisible()); x -= 0.01) {
    await page.mouse.move(box.x + box.width * x, box.y + box.height / 3);
  }
  await expect(tip).toBeVisible();
  await expect(tip).toContainText("27 Jan 2025");
  // Nvidia's close that day and its fall from 142.62 on the 24th, as reported at the time.
  await expect(tip).toContainText("Close $118.42");
  await expect(tip).toContainText("▼ -16.97% on the day");
  await expect(tip).toContainText("Record one-day loss");
});

test("the chart follows the theme toggle", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(NEAR_CHART);
  const chart = page.locator("price-chart");
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toHaveAttribute("data-state", "interactive");
  // Nvidia fell over the range, so the series is drawn in the theme's "down" red (global.css tokens).
  const lightDown = "176,36,27"; // #b0241b
  const darkDown = "255,139,128"; // #ff8b80
  await expect.poll(async () => (await canvasColours(page)).has(lightDown)).toBe(true);
  expect((await canvasColours(page)).has(darkDown)).toBe(false);

  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(chart).toHaveAttribute("data-theme", "dark");
  await expect.poll(async () => (await canvasColours(page)).has(darkDown)).toBe(true);
  expect((await canvasColours(page)).has(lightDown)).toBe(false);
});

test("a page without a chart requests no chart code", async ({ page }) => {
  const library = libraryRequests(page);
  const bodies = scriptBodies(page);
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  await expect(page.locator("price-chart")).toHaveCount(0);
  expect(library).toHaveLength(0);
  const html = await page.content();
  for (const body of [html, ...(await Promise.all(bodies))]) expect(body).not.toContain("price-chart");
});

test("three charts on a page load the library once, and a removed chart is taken down", async ({ page }) => {
  const library = libraryRequests(page);
  await page.goto(FAR_CHART);
  // Two more copies of the chart element, far apart, so each upgrades when it is scrolled to.
  await page.locator("price-chart").evaluate((original) => {
    const main = document.querySelector("main")!;
    for (let copy = 0; copy < 2; copy++) {
      const spacer = document.createElement("div");
      spacer.className = "h-[150vh]";
      main.append(spacer, original.cloneNode(true));
    }
  });
  const charts = page.locator("price-chart");
  await expect(charts).toHaveCount(3);
  for (const i of [0, 1, 2]) {
    await charts.nth(i).scrollIntoViewIfNeeded();
    await expect(charts.nth(i)).toHaveAttribute("data-state", "interactive");
  }
  expect(library).toHaveLength(1);

  // Taken out of the page, a chart removes its canvas; put back, it draws exactly one chart again.
  const first = charts.first();
  await first.evaluate((element) => {
    const parent = element.parentElement!;
    element.remove();
    (window as unknown as { detached: Element }).detached = element;
    (window as unknown as { parent: Element }).parent = parent;
  });
  expect(
    await page.evaluate(
      () => (window as unknown as { detached: Element }).detached.querySelectorAll("canvas").length,
    ),
  ).toBe(0);
  await page.evaluate(() => {
    const w = window as unknown as { detached: Element; parent: Element };
    w.parent.prepend(w.detached);
    w.detached.scrollIntoView();
  });
  await expect(charts.first()).toHaveAttribute("data-state", "interactive");
  await expect(charts.first().locator("div[role=img]")).toHaveCount(1);
});

test("keyboard and screen-reader users get the caption and a data table of every bar", async ({ page }) => {
  await page.goto(NEAR_CHART);
  const figure = page.locator("figure", { has: page.locator("price-chart") });
  await expect(figure.locator("figcaption")).toContainText("Nvidia fell 16.97% on 27 Jan 2025 to $118.42");
  const summary = figure.getByText(/^Data table/);
  await summary.focus();
  await page.keyboard.press("Enter");
  const table = figure.getByRole("table");
  await expect(table).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(barsBetween("nvda", "2025-01-13", "2025-01-27"));
  await expect(table.getByRole("row", { name: /27 Jan 2025/ })).toContainText("118.42");
});

test("the interactive chart works under a CSP that forbids inline styles", async ({ page }) => {
  // Serve the article with a policy allowing stylesheets from the site only: an injected <style> or
  // style attribute (such as the library's attribution logo) would be refused, and the refusal is a
  // console error that fails the test.
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  await page.route(NEAR_CHART, async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), "content-security-policy": "style-src 'self'; img-src 'self'" },
    });
  });
  await page.goto(NEAR_CHART);
  const chart = page.locator("price-chart");
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toHaveAttribute("data-state", "interactive");
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(chart).toHaveAttribute("data-theme", "dark");
  expect(violations).toEqual([]);
});

test("the chart resizes with its column", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  // A chart without a volume pane, whose price scale is the narrower (no volume figures on it).
  await page.goto("/articles/deepseek-cheap-models-rattle-us-markets/");
  const chart = page.locator("price-chart");
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toHaveAttribute("data-state", "interactive");
  const canvasWidth = () =>
    chart
      .locator("canvas")
      .first()
      .evaluate((canvas) => canvas.getBoundingClientRect().width);
  const wide = await canvasWidth();
  await page.setViewportSize({ width: 400, height: 800 });
  await expect.poll(canvasWidth).toBeLessThan(wide - 300);
  // The chart stays inside its figure at phone width.
  const figure = (await page.locator("figure", { has: chart }).boundingBox())!;
  const host = (await chart.locator("div[role=img]").boundingBox())!;
  expect(host.x + host.width).toBeLessThanOrEqual(figure.x + figure.width + 1);
});
