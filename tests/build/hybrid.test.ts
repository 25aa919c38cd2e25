/**
 * The optional hybrid mode (ARCHIVE_AFTER_DAYS, src/lib/site/archive.ts): articles older than the window
 * are rendered on request by the Node adapter's standalone server, the window and every list, feed and
 * sitemap stay static. Two hybrid builds of the site as of 1 July 2025: one with a 120-day window
 * (from 3 March 2025: two of the ten articles are prerendered, eight archived), one with a window that
 * holds everything, whose files are what the archived pages must be byte for byte; and the fully static
 * build, whose page differs only in carrying the policy in a <meta> element instead of a header.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/free-port.ts";
import { buildSite, commandLineEnv, makeSiteCopy } from "../support/site-copy";

const BUILD_DATE = "2025-07-01";
const ARCHIVED = "nvidia-record-one-day-loss"; // 27 January 2025
const RECENT = "baidu-releases-reasoning-model"; // 16 March 2025

const hybrid = makeSiteCopy({}, { prefix: "market-desk-hybrid-" });
const everything = makeSiteCopy({}, { prefix: "market-desk-hybrid-all-" });
const statically = makeSiteCopy({}, { prefix: "market-desk-hybrid-static-" });
let server: ChildProcess;
let origin: string;

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}/`)).ok) return;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) throw new Error(`the hybrid server exited with ${server.exitCode}`);
    if (Date.now() > deadline) throw new Error(`the hybrid server did not answer on ${origin} within 60 s`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

beforeAll(async () => {
  for (const [copy, days] of [
    [hybrid, "120"],
    [everything, "100000"],
  ] as const) {
    const result = buildSite(copy.dir, { BUILD_DATE, ARCHIVE_AFTER_DAYS: days });
    if (result.status !== 0) throw new Error(result.output.slice(-4000));
  }
  const result = buildSite(statically.dir, { BUILD_DATE });
  if (result.status !== 0) throw new Error(result.output.slice(-4000));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(hybrid.dir, "dist/server/entry.mjs")], {
    cwd: hybrid.dir,
    env: { ...commandLineEnv(), HOST: "127.0.0.1", PORT: String(port) },
    detached: true,
    stdio: "ignore",
  });
  await waitForServer();
}, 900_000);

afterAll(() => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  hybrid.cleanup();
  everything.cleanup();
  statically.cleanup();
});

const client = (dir: string, file: string) => join(dir, "dist/client", file);

describe("the hybrid mode", () => {
  it("prerenders the window's articles and cards, and every list, feed and sitemap", () => {
    expect(existsSync(client(hybrid.dir, `articles/${RECENT}/index.html`))).toBe(true);
    expect(existsSync(client(hybrid.dir, `og/articles/${RECENT}.png`))).toBe(true);
    expect(existsSync(client(hybrid.dir, `articles/${ARCHIVED}/index.html`))).toBe(false);
    expect(existsSync(client(hybrid.dir, `og/articles/${ARCHIVED}.png`))).toBe(false);
    for (const file of [
      "index.html",
      "tags/nvidia/index.html",
      "tickers/nvda/index.html",
      "rss.xml",
      "tags/nvidia/rss.xml",
    ]) {
      expect(existsSync(client(hybrid.dir, file)), file).toBe(true);
    }
    // The lists still link the archived article, and the sitemap lists it.
    expect(readFileSync(client(hybrid.dir, "tags/nvidia/index.html"), "utf8")).toContain(
      `/articles/${ARCHIVED}/`,
    );
    const sitemap = readFileSync(client(hybrid.dir, "sitemap-0.xml"), "utf8");
    expect(sitemap).toContain(`<loc>https://marketdesk.example/articles/${ARCHIVED}/</loc>`);
    expect(sitemap).toContain(`<loc>https://marketdesk.example/articles/${RECENT}/</loc>`);
  });

  it("bundles no article for the server, which renders the archived ones from the content store", () => {
    // A compiled MDX module names its source file by its absolute path, which nothing else in the
    // bundle holds: before the loader compiled the bodies (src/lib/mdx/compile.ts), the server's
    // chunks held every archived article's.
    const chunks = join(hybrid.dir, "dist/server/chunks");
    const code = readdirSync(chunks)
      .map((file) => readFileSync(join(chunks, file), "utf8"))
      .join("\n");
    for (const slug of [ARCHIVED, RECENT])
      expect(code).not.toContain(JSON.stringify(join(hybrid.dir, "content/articles", `${slug}.mdx`)));
  });

  it("serves an archived article on request, byte for byte its prerendered page, for a CDN to keep", async () => {
    const response = await fetch(`${origin}/articles/${ARCHIVED}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe(
      "public, max-age=300, s-maxage=86400, stale-while-revalidate=604800",
    );
    expect(response.headers.get("content-security-policy")).toMatch(/^default-src 'self';/);
    const served = Buffer.from(await response.arrayBuffer());
    expect(served.equals(readFileSync(client(everything.dir, `articles/${ARCHIVED}/index.html`)))).toBe(true);
  });

  it("serves the page the fully static build writes, with its policy in the header instead of a <meta>", async () => {
    const response = await fetch(`${origin}/articles/${ARCHIVED}/`);
    const served = await response.text();
    const page = readFileSync(join(statically.dir, `dist/articles/${ARCHIVED}/index.html`), "utf8");
    const meta = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(page);
    expect(meta).not.toBeNull();
    expect(response.headers.get("content-security-policy")).toBe(meta![1]);
    expect(served).toBe(page.replace(meta![0], ""));
  });

  it("draws an archived article's card on request, the card a build draws", async () => {
    const response = await fetch(`${origin}/og/articles/${ARCHIVED}.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const served = Buffer.from(await response.arrayBuffer());
    expect(served.equals(readFileSync(client(everything.dir, `og/articles/${ARCHIVED}.png`)))).toBe(true);
    expect(served.equals(readFileSync(join(statically.dir, `dist/og/articles/${ARCHIVED}.png`)))).toBe(true);
  });

  it("serves the window's pages from their files, and the 404 page for an article that does not exist", async () => {
    const recent = await fetch(`${origin}/articles/${RECENT}/`);
    expect(recent.status).toBe(200);
    expect(await recent.text()).toBe(
      readFileSync(client(hybrid.dir, `articles/${RECENT}/index.html`), "utf8"),
    );
    const missing = await fetch(`${origin}/articles/no-such-story/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Page not found");
  });

  it("answers a bounded load of archived pages without an error", async () => {
    const result = await autocannon({
      url: `${origin}/articles/${ARCHIVED}/`,
      connections: 8,
      amount: 400,
      timeout: 20,
    });
    expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({
      errors: 0,
      timeouts: 0,
      non2xx: 0,
    });
    expect(result.requests.total).toBe(400);
  });
});
