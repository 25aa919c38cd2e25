import { parseFeed } from "../support/feed";
import { site } from "../../src/lib/site/index.ts";
import { test, expect } from "./fixtures";

// A feed reader shows content:encoded as plain HTML: no scripts run, no site stylesheet applies.
test.use({ javaScriptEnabled: false });

test("a feed reader shows an item's full text and its chart image with JavaScript off", async ({
  page,
  request,
  baseURL,
}) => {
  const feed = parseFeed(await (await request.get("/rss.xml")).text(), "/rss.xml");
  const item = feed.channel.item.find((i) => i["content:encoded"].includes("<figure"));
  expect(item, "an item with a chart").toBeDefined();

  // The item's URLs are absolute on the production origin; answer them from the preview server.
  const served: string[] = [];
  await page.route(`${site.url}/**`, async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: new URL(url.pathname + url.search, baseURL).href });
    served.push(`${response.status()} ${url.pathname}`);
    await route.fulfill({ response });
  });
  await page.setContent(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed item</title></head>` +
      `<body><article>${item!["content:encoded"]}</article></body></html>`,
  );

  const article = page.locator("article");
  const paragraphs = article.locator("p");
  expect(await paragraphs.count()).toBeGreaterThan(3);
  await expect(paragraphs.first()).toBeVisible();
  expect((await article.innerText()).length).toBeGreaterThan(1500);
  await expect(article.getByRole("heading", { level: 2 }).first()).toBeVisible();

  const figure = article.locator("figure").first();
  const image = figure.locator("img");
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute("src", new RegExp(`^${site.url}/charts/[^/]+\\.svg$`));
  await expect(image).toHaveAttribute("alt", /\S/);
  // Loaded and decoded: an image that failed to load has no natural size.
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  const box = await image.boundingBox();
  expect(box?.width).toBeGreaterThan(100);
  expect(box?.height).toBeGreaterThan(50);
  await expect(figure.locator("figcaption")).toBeVisible();
  expect((await figure.locator("figcaption").innerText()).trim().length).toBeGreaterThan(20);

  // One image per chart in the item, each served.
  const charts = item!["content:encoded"].match(/<figure/g)!.length;
  expect(served.filter((line) => line.includes("/charts/"))).toEqual(
    Array.from({ length: charts }, () => expect.stringMatching(/^200 \/charts\//)),
  );
  await expect(page.locator("script, canvas")).toHaveCount(0);
});
