/**
 * Nothing an article states may change when price data are imported or appended: every <Move>,
 * <Close>, <Price>, <Record>, chart caption and ticker chip, computed from the data now, must read as
 * it did before the 2026 extension of the data (tests/fixtures/article-figures.json, written from the
 * snapshots as they were before that import, which ended in mid-2025).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { articleFigures, type ArticleFigure } from "../../scripts/lib/article-figures.ts";

const before: ArticleFigure[] = JSON.parse(
  readFileSync(new URL("../fixtures/article-figures.json", import.meta.url), "utf8"),
);

describe("the figures articles state", () => {
  const now = articleFigures(process.cwd());

  it("are the figures they stated before the import, every one of them", () => {
    expect(now).toEqual(before);
  });

  it("include the figures checked by hand against the sources (PROVENANCE.md)", () => {
    const text = (where: string) => before.find((f) => f.where === where)?.text;
    const nvda = "content/articles/has-us-spent-wisely-on-ai.mdx";
    expect(text(`${nvda}: <Move ticker="nvda" date="2025-01-27">`)).toBe("fell 16.97%");
    expect(text(`${nvda}: <Close ticker="nvda" date="2025-01-27">`)).toBe("$118.42");
    const byd = "content/articles/byd-puts-deepseek-in-its-cars.mdx";
    expect(text(`${byd}: <Price ticker="byd" date="2025-02-11" basis="high">`)).toBe("HK$345.00");
    expect(text(`${byd}: <Move ticker="byd" date="2025-02-11" basis="high">`)).toBe("rose as much as 4.48%");
    expect(text(`${byd}: <Close ticker="byd" date="2025-02-11">`)).toBe("HK$327.80");
    expect(before.length).toBe(117);
  });
});
