import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { ogCacheDir, ogCacheKey, ogPng, warmOgCache } from "../../src/lib/seo/og-image-files.ts";
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

  it("are drawn once and then read from the cache", async () => {
    const file = join(cache, `${ogCacheKey(card)}.png`);
    await ogPng(card, cache);
    expect(existsSync(file)).toBe(true);
    // Replace the cached image: if ogPng returns these bytes, it read the cache instead of drawing.
    writeFileSync(file, "cached bytes");
    expect((await ogPng(card, cache)).toString()).toBe("cached bytes");
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
});
