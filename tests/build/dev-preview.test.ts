/**
 * The dev server previews what production builds leave out: drafts and scheduled articles are served,
 * each with its banner, so an editor can read them before they go live. An edit to an article or to
 * a registry, and a new article, show on the next reloads without a restart.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandLineEnv, makeSiteCopy } from "../support/site-copy";
import { articleText } from "../support/articles";

/** The port this checkout's browser tests use (E2E_PORT), free while the site tests run. */
const PORT = Number(process.env.E2E_PORT ?? 4329);
const ORIGIN = `http://localhost:${PORT}`;
const A = "content/articles";

const copy = makeSiteCopy({
  [`${A}/draft-in-dev.mdx`]: articleText({ title: '"A draft in dev"', draft: "true" }),
  [`${A}/scheduled-in-dev.mdx`]: articleText({ title: '"A scheduled story"', date: "2099-01-02" }),
  [`${A}/edited-in-dev.mdx`]: articleText({ title: '"Before the edit"', date: "2025-07-20" }),
  [`${A}/image-in-dev.mdx`]: articleText(
    { title: '"An image in the body"' },
    "![A test chart](./image-in-dev.png)",
  ),
});
let server: ChildProcess;

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${ORIGIN}/`)).ok) return;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) throw new Error(`astro dev exited with ${server.exitCode}`);
    if (Date.now() > deadline) throw new Error(`astro dev did not answer on ${ORIGIN} within 90 s`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

beforeAll(async () => {
  const png = { width: 40, height: 30, channels: 3 as const, background: "#336699" };
  await sharp({ create: png })
    .png()
    .toFile(join(copy.dir, A, "image-in-dev.png"));
  server = spawn(
    process.execPath,
    [resolve("node_modules/astro/bin/astro.mjs"), "dev", "--port", String(PORT)],
    {
      cwd: copy.dir,
      env: { ...commandLineEnv(), ASTRO_TELEMETRY_DISABLED: "1" },
      detached: true,
      stdio: "ignore",
    },
  );
  await waitForServer();
}, 120_000);

afterAll(() => {
  // The server and the workers it started share its process group.
  if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  copy.cleanup();
});

async function page(path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${ORIGIN}${path}`);
  return { status: response.status, html: await response.text() };
}

describe("npm run dev", () => {
  it("serves a draft with the draft banner", async () => {
    const { status, html } = await page("/articles/draft-in-dev/");
    expect(status).toBe(200);
    expect(html).toContain("A draft in dev");
    expect(html).toMatch(/<aside[^>]*aria-label="Publication status"[^>]*data-publication-state="draft"/);
    expect(html).toMatch(/<strong[^>]*>Draft<\/strong>: not published/);
  });

  it("serves a scheduled article with its date in the banner", async () => {
    const { status, html } = await page("/articles/scheduled-in-dev/");
    expect(status).toBe(200);
    expect(html).toMatch(/data-publication-state="scheduled"/);
    expect(html).toMatch(
      /Scheduled<\/strong> for\s*<time datetime="2099-01-02"[^>]*>2 January 2099<\/time>: not published yet/,
    );
  });

  it("shows no banner on a published article", async () => {
    const { status, html } = await page("/articles/nvidia-record-one-day-loss/");
    expect(status).toBe(200);
    expect(html).not.toContain("data-publication-state");
  });

  it.each([
    ["/rss.xml", "application/rss+xml"],
    ["/atom.xml", "application/atom+xml"],
    ["/feed.json", "application/feed+json"],
    ["/tags/nvidia/atom.xml", "application/atom+xml"],
    ["/tickers/nvda/feed.json", "application/feed+json"],
    ["/authors/markets-desk/rss.xml", "application/rss+xml"],
  ])("serves the feed %s at its own address, as %s", async (path, type) => {
    const response = await fetch(`${ORIGIN}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(`${type}; charset=utf-8`);
  });

  /** Reloads `path` until its page contains `text`, as an editor would; false if it never does in 20 s. */
  async function showsWithin(path: string, text: string): Promise<boolean> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if ((await page(path)).html.includes(text)) return true;
      await new Promise((done) => setTimeout(done, 100));
    }
    return false;
  }

  it("shows an edited headline on the article's page and in the lists on the next reloads", async () => {
    expect((await page("/articles/edited-in-dev/")).html).toContain("Before the edit");
    expect((await page("/")).html).toContain("Before the edit");
    writeFileSync(
      join(copy.dir, A, "edited-in-dev.mdx"),
      articleText({ title: '"After the edit"', date: "2025-07-20" }),
    );
    expect(await showsWithin("/articles/edited-in-dev/", "After the edit")).toBe(true);
    expect((await page("/")).html).toContain("After the edit");
    expect((await page("/")).html).not.toContain("Before the edit");
  }, 30_000);

  it("shows an edited body, with the figure of a component added to it, on the next reload", async () => {
    const file = join(copy.dir, A, "edited-in-dev.mdx");
    const before = readFileSync(file, "utf8");
    writeFileSync(
      file,
      `${before}\nA new paragraph: Nvidia's shares <Move ticker="nvda" date="2025-01-27" />.\n`,
    );
    expect(await showsWithin("/articles/edited-in-dev/", "A new paragraph")).toBe(true);
    // NVDA closed at 142.62 on 24 January 2025 and 118.42 on the 27th: -16.97%.
    expect((await page("/articles/edited-in-dev/")).html).toMatch(
      /A new paragraph: Nvidia’s shares <span[^>]*data-move="down">fell 16\.97%<\/span>\./,
    );
  }, 30_000);

  // A body with an image is the one the dev server compiles when the content loads: Astro resolves its
  // local images from the store. The dev server marks them (data-image-component) for its toolbar.
  it("shows a local image of an article's body through Astro's image service, and in the feed", async () => {
    const { status, html } = await page("/articles/image-in-dev/");
    expect(status).toBe(200);
    const image = /<img [^>]*src="\/_image\/?\?href=[^"]*image-in-dev\.png[^"]*"[^>]*>/;
    expect(html).toMatch(image);
    expect(html.match(image)?.[0]).toContain('alt="A test chart"');
    const feed = await page("/rss.xml");
    expect(feed.status).toBe(200);
    expect(feed.html).toContain("image-in-dev.png");
  });

  it("serves a new article, and shows a tag's new label, without a restart", async () => {
    writeFileSync(
      join(copy.dir, A, "added-in-dev.mdx"),
      articleText({ title: '"Added while the preview ran"', date: "2025-07-21" }),
    );
    expect(await showsWithin("/articles/added-in-dev/", "Added while the preview ran")).toBe(true);
    const tags = join(copy.dir, "content/tags.yaml");
    writeFileSync(tags, readFileSync(tags, "utf8").replace("label: Nvidia\n", "label: Nvidia Corp\n"));
    expect(await showsWithin("/tags/nvidia/", "Nvidia Corp")).toBe(true);
  }, 45_000);
});
