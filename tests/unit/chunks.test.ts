import { describe, expect, it } from "vitest";
import { articleChunkName } from "../../src/lib/site/chunks.ts";

describe("articleChunkName", () => {
  const file = "/site/content/articles/nvidia-rebounds-after-record-loss.mdx";

  it("puts an article's module and its query-string twins in the same chunk", () => {
    const chunk = articleChunkName(file);
    expect(chunk).toMatch(/^articles-\d+$/);
    expect(articleChunkName(`${file}?astroPropagatedAssets`)).toBe(chunk);
    expect(articleChunkName(file.replaceAll("/", "\\"))).toBe(chunk);
  });

  it("hashes the file name only, so the checkout's folder does not move an article", () => {
    expect(articleChunkName("/elsewhere/content/articles/nvidia-rebounds-after-record-loss.mdx")).toBe(
      articleChunkName(file),
    );
  });

  it("finds articles in folders under content/articles, by their id", () => {
    expect(articleChunkName("/site/content/articles/2025/nvidia-rebounds-after-record-loss.mdx")).toBe(
      articleChunkName(file),
    );
  });

  it("leaves every other module to Rolldown", () => {
    expect(articleChunkName("/site/src/components/ChartPanel.astro")).toBeNull();
    expect(articleChunkName("/site/content/authors.yaml")).toBeNull();
    expect(articleChunkName("/site/src/pages/articles/[slug].astro")).toBeNull();
    expect(articleChunkName("/site/content/articles/notes.md")).toBeNull();
  });

  it("spreads articles over the chunks and stays within their number", () => {
    const names = Array.from({ length: 1000 }, (_, i) =>
      articleChunkName(`/s/content/articles/a-${i}.mdx`, 32),
    );
    const counts = new Map<string, number>();
    for (const n of names) counts.set(n!, (counts.get(n!) ?? 0) + 1);
    expect(counts.size).toBe(32);
    for (const [n, c] of counts) {
      expect(Number(n.slice("articles-".length))).toBeLessThan(32);
      expect(c).toBeGreaterThan(10);
      expect(c).toBeLessThan(60);
    }
  });
});
