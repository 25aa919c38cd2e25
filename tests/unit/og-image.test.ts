import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { drawOgPng, ogCacheDir, ogCacheKey, ogPng, warmOgCache } from "../../src/lib/seo/og-image-files.ts";
import type { OgCard } from "../../src/lib/seo/index.ts";

const card: OgCard = {
  site: "Market Desk",
  title: "Nvidia suffers the biggest one-day loss of market value in US history",
  kicker: "27 January 2025",
  move: { text: "NVDA fell 16.97% on 27 Jan 2025", direction: "down" },
  footer: "marketdesk.example",
};
const cache = mkdtempSync(join(tmpdir(), "og-cache-"));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe("Open Graph images", () => {
  it("are 1200 by 630 PNG files", async () => {
    const png = await ogPng(card, cache);
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: "png", width: 1200, height: 630 });
  });

  it("set their text in Source Serif 4, not a fallback font the system happens to have", async () => {
    const { data, info } = await sharp(await ogPng(card, cache))
      .raw()
      .toBuffer({ resolveWithObject: true });
    // Dark pixels of the site name's band: "Market Desk" in Source Serif 4 Bold at 34 px is 207 px
    // wide from the left margin (72 px); DejaVu Sans Bold, the usual fallback, is over 230.
    let left = info.width;
    let right = -1;
    for (let y = 56; y < 112; y++) {
      for (let x = 0; x < info.width; x++) {
        if (data[(y * info.width + x) * info.channels]! < 128) {
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
      }
    }
    expect(left).toBeGreaterThanOrEqual(72);
    expect(left).toBeLessThanOrEqual(75);
    expect(right - left).toBeGreaterThanOrEqual(203);
    expect(right - left).toBeLessThanOrEqual(211);
  });

  it("are drawn once and then read from the cache", async () => {
    const file = join(cache, `${ogCacheKey(card)}.png`);
    await ogPng(card, cache);
    expect(existsSync(file)).toBe(true);
    // Replace the cached image: if ogPng returns these bytes, it read the cache instead of drawing.
    writeFileSync(file, "cached bytes");
    expect((await ogPng(card, cache)).toString()).toBe("cached bytes");
  });

  it("are drawn once when several pages ask for the same card at once", async () => {
    const dir = mkdtempSync(join(cache, "same-"));
    const twin = { ...card, title: "Drawn once" };
    const [a, b] = await Promise.all([ogPng(twin, dir), ogPng(twin, dir)]);
    expect(a).toBe(b);
    expect(readdirSync(dir)).toEqual([`${ogCacheKey(twin)}.png`]);
  });

  it("are drawn again when anything on the card changes", async () => {
    const changed = { ...card, title: `${card.title}, again` };
    expect(ogCacheKey(changed)).not.toBe(ogCacheKey(card));
    expect(ogCacheKey({ ...card, move: { ...card.move!, direction: "up" } })).not.toBe(ogCacheKey(card));
    const before = readdirSync(cache).length;
    await ogPng(changed, cache);
    expect(readdirSync(cache).length).toBe(before + 1);
  });

  it("cache under OG_CACHE_DIR when it is set", () => {
    expect(ogCacheDir({ OG_CACHE_DIR: "/tmp/x" })).toBe("/tmp/x");
    expect(ogCacheDir({})).toMatch(/node_modules\/\.cache\/market-desk\/og$/);
  });

  it("can be drawn ahead, many at once, leaving the ones already cached alone", async () => {
    const dir = mkdtempSync(join(cache, "warm-"));
    const cards = [1, 2, 3, 4, 5].map((n) => ({ ...card, title: `Story ${n}` }));
    writeFileSync(join(dir, `${ogCacheKey(cards[0]!)}.png`), "already here");
    await warmOgCache(cards, dir, 2);
    expect(readdirSync(dir).sort()).toEqual(cards.map((c) => `${ogCacheKey(c)}.png`).sort());
    expect(readFileSync(join(dir, `${ogCacheKey(cards[0]!)}.png`), "utf8")).toBe("already here");
    const meta = await sharp(readFileSync(join(dir, `${ogCacheKey(cards[4]!)}.png`))).metadata();
    expect(meta.format).toBe("png");
  });

  it("are not read when drawn ahead and all cached already", async () => {
    const dir = mkdtempSync(join(cache, "all-cached-"));
    const cards = [8, 9].map((n) => ({ ...card, title: `Cached story ${n}` }));
    // A folder where a cached card is: reading it would fail, finding it must not.
    for (const cached of cards) mkdirSync(join(dir, `${ogCacheKey(cached)}.png`));
    await expect(warmOgCache(cards, dir)).resolves.toBeUndefined();
  });

  it("drawn ahead in the worker thread, are the bytes the page's own drawing gives", async () => {
    const dir = mkdtempSync(join(cache, "worker-"));
    const cards = [6, 7].map((n) => ({ ...card, title: `Worker story ${n}` }));
    await warmOgCache(cards, dir);
    for (const drawn of cards) {
      const fromWorker = readFileSync(join(dir, `${ogCacheKey(drawn)}.png`));
      expect(fromWorker.equals(await drawOgPng(drawn))).toBe(true);
    }
  });
});
