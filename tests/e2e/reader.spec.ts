import { existsSync, readdirSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { test, expect } from "./fixtures";

test("a reader goes from the home page to an article, its tag, its ticker and another article", async ({
  page,
}) => {
  await page.goto("/");
  const lead = page.getByRole("region", { name: "Top story" }).getByRole("link").first();
  const headline = (await lead.textContent())!.trim();
  await lead.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(page.getByText(/\d+ min read/)).toBeVisible();

  const tagLink = page.locator('article header a[href^="/tags/"]').first();
  const tag = (await tagLink.textContent())!.trim();
  await tagLink.click();
  await expect(page).toHaveURL(/\/tags\/[a-z0-9-]+\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(tag);
  await expect(page.getByRole("link", { name: headline })).toBeVisible();

  // A ticker chip: its first line is the symbol, the ticker page's heading names it too.
  const tickerLink = page.locator("main a[data-ticker-chip]").first();
  const href = (await tickerLink.getAttribute("href"))!;
  const symbol = (await tickerLink.locator("span").first().textContent())!.trim();
  await tickerLink.click();
  await expect(page).toHaveURL(href);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(symbol);

  const articles = page.getByRole("region", { name: /^Articles on / });
  const story = articles.getByRole("heading", { level: 3 }).getByRole("link").first();
  const title = (await story.textContent())!.trim();
  await story.click();
  await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
});

/** A word that the test checks appears in exactly one article's source, and only in its body. */
const WORD = "livestreamed";

test("search finds a word used in one article's body, and the keyboard reaches the article", async ({
  page,
}) => {
  const sources = readdirSync("content/articles").map((f) => readFileSync(`content/articles/${f}`, "utf8"));
  const containing = sources.filter((text) => text.toLowerCase().includes(WORD));
  expect(containing, `"${WORD}" should appear in exactly one article`).toHaveLength(1);
  const [, frontmatter = "", body = ""] = containing[0]!.split(/^---$/m);
  expect(frontmatter.toLowerCase()).not.toContain(WORD);
  expect(body.toLowerCase()).toContain(WORD);
  const title = /^title: "(.+)"$/m.exec(frontmatter)![1]!;

  await page.goto("/search/");
  // Reach the search box from the top of the page with Tab alone.
  const input = page.getByRole("searchbox", { name: "Search the articles" });
  for (let i = 0; i < 20 && !(await input.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(input).toBeFocused();
  await page.keyboard.type(WORD);
  await expect(page.getByRole("status")).toHaveText(`1 article matches “${WORD}”.`);
  await page.keyboard.press("ArrowDown");
  const result = page.getByRole("link", { name: title });
  await expect(result).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
});

test("search looks in every shard of the index", async ({ page }) => {
  // `npm test` builds the index in shards of 8 pages (SEARCH_SHARD_PAGES), so the page merges several.
  const bundles = JSON.parse(readFileSync("dist/pagefind/shards.json", "utf8")) as string[];
  expect(bundles.length, "build with SEARCH_SHARD_PAGES=8, as npm test does").toBeGreaterThan(1);
  const articles = readdirSync("dist/articles").filter((slug) =>
    existsSync(`dist/articles/${slug}/index.html`),
  );
  await page.goto("/search/?q=the");
  await expect(page.getByRole("status")).toHaveText(
    `${articles.length} articles match “the”; showing the best 20.`,
  );
});

test("search says when nothing matches, and keeps the query in the address", async ({ page }) => {
  await page.goto("/search/?q=zzyzxnothing");
  await expect(page.getByRole("status")).toHaveText("No articles match “zzyzxnothing”.");
  await expect(page.getByRole("searchbox")).toHaveValue("zzyzxnothing");
  await expect(page.getByText("Search needs JavaScript")).toBeHidden();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the search page says search needs JavaScript and links to the topics", async ({ page }) => {
    await page.goto("/search/");
    await expect(page.getByText("Search needs JavaScript")).toBeVisible();
    await expect(page.getByRole("searchbox")).toBeHidden();
    await page.getByRole("link", { name: "topic", exact: true }).click();
    await expect(page).toHaveURL("/tags/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Topics");
  });
});

test("tag pages link to their feed", async ({ page }) => {
  await page.goto("/tags/deepseek/");
  await expect(page.getByRole("link", { name: "Follow DeepSeek by RSS" })).toHaveAttribute(
    "href",
    "/tags/deepseek/rss.xml",
  );
});

test("a reader follows a byline to the desk's page and its feeds, and the footer to the standards", async ({
  page,
}) => {
  await page.goto("/articles/has-us-spent-wisely-on-ai/");
  await expect(page.locator("[data-format]").first()).toHaveText("Analysis");
  await expect(page.getByText("the view is the desk's own: opinion, not investment advice")).toBeVisible();
  await page.locator("[data-byline]").getByRole("link", { name: "Markets desk" }).click();
  await expect(page).toHaveURL("/authors/markets-desk/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Markets desk");
  await expect(
    page.getByRole("link", { name: "Big Tech doubles down on AI spending after DeepSeek" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Follow Markets desk by RSS" })).toHaveAttribute(
    "href",
    "/authors/markets-desk/rss.xml",
  );
  await expect(page.getByRole("link", { name: "Follow Markets desk by Atom" })).toHaveAttribute(
    "href",
    "/authors/markets-desk/atom.xml",
  );
  await page
    .getByRole("navigation", { name: "Standards" })
    .getByRole("link", { name: "Methodology" })
    .click();
  await expect(page).toHaveURL("/methodology/");
  await expect(page.getByRole("heading", { name: 'What "record" means here' })).toBeVisible();
});

test("an article ends with what happened next, set apart from the article", async ({ page }) => {
  await page.goto("/articles/nvidia-record-one-day-loss/");
  const box = page.getByRole("complementary", { name: "What happened next" });
  await expect(box).toBeVisible();
  const nvda = box.getByRole("table", { name: /^Nvidia \(NVDA\)/ });
  // NVDA's closes: 118.42 on 27 January 2025, 128.99 the next day (128.99 / 118.42 = 1.0893); the
  // latest close is the last bar of content/prices/nvda.json, 219.34 on 17 September 2026.
  await expect(nvda.getByRole("row", { name: /1 trading day later/ })).toContainText("+8.93%");
  await expect(nvda.getByRole("row", { name: /Latest close/ })).toContainText("$219.34");
  // The box is not inside the article.
  expect(await box.evaluate((el) => el.closest("article"))).toBeNull();
});

// Nvidia has two articles on 27 January 2025; Baidu has one dated on a Sunday, which the market saw on the Monday.
for (const id of ["nvda", "bidu"]) {
  test(`the ${id} ticker page charts its full data with one marker per day with articles, each with its headline`, async ({
    page,
  }) => {
    // The ticker's articles, from their files: date, headline and address.
    const articles = readdirSync("content/articles")
      .filter((file) => file.endsWith(".mdx"))
      .flatMap((file) => {
        const source = readFileSync(`content/articles/${file}`, "utf8");
        const front = parseYaml(/^---\n([\s\S]*?)\n---/.exec(source)![1]!) as {
          title: string;
          date: Date | string;
          tickers?: string[];
        };
        if (!(front.tickers ?? []).includes(id)) return [];
        const date = front.date instanceof Date ? front.date.toISOString().slice(0, 10) : front.date;
        return [{ href: `/articles/${file.replace(/\.mdx$/, "")}/`, title: front.title, date }];
      });
    expect(articles.length).toBeGreaterThan(0);

    // The reader's rule: an article counts on its date's session, or the next one for a weekend story.
    const bars = (
      JSON.parse(readFileSync(`content/prices/${id}.json`, "utf8")) as { bars: { date: string }[] }
    ).bars;
    const days = new Map<string, typeof articles>();
    for (const article of articles) {
      const day = bars.find((bar) => bar.date >= article.date)!.date;
      days.set(day, [...(days.get(day) ?? []), article]);
    }

    await page.goto(`/tickers/${id}/`);
    const chart = page.locator("price-chart");
    await chart.scrollIntoViewIfNeeded();
    await expect(chart).toHaveAttribute("data-state", "interactive");
    // The chart opens on six months; "All" shows every bar of the data.
    await chart.getByRole("button", { name: /^All\b/ }).click();
    await expect(chart).toHaveAttribute("data-points", String(bars.length));
    const data = JSON.parse((await chart.locator("script[type='application/json']").textContent())!) as {
      markers: { date: string; label: string; href?: string }[];
    };
    expect(data.markers.map((m) => m.date)).toEqual([...days.keys()].sort());
    for (const marker of data.markers) {
      const onDay = days.get(marker.date)!;
      if (onDay.length === 1) {
        expect(marker).toMatchObject({ label: onDay[0]!.title, href: onDay[0]!.href });
      } else {
        expect(marker.label).toMatch(new RegExp(`^${onDay.length} articles\\b`));
        expect(onDay.some((article) => marker.label.endsWith(article.title))).toBe(true);
        // The list page that holds that day's articles (the list is paginated, newest first).
        expect(marker.href).toMatch(new RegExp(`^/tickers/${id}/(\\d+/)?#articles$`));
      }
    }
  });
}
