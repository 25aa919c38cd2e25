/**
 * Nothing an article states may change when price data are imported or appended: every <Move>,
 * <Close>, <Price>, <Record>, chart caption and ticker chip, computed from the data now, must read as
 * it did when tests/fixtures/article-figures.json was written. It was first written before the 2026
 * extension of the data; it is rewritten only when articles change (last: the 24 articles of the
 * coverage to July 2025, from the snapshots as extended, which run into 2026), with
 * `articleFigures(".")` from scripts/lib/article-figures.ts, and the values below checked by hand.
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

  it("include the figures checked by hand against the sources (../shared/data/prices, PROVENANCE.md)", () => {
    const text = (where: string) => before.find((f) => f.where === where)?.text;
    const nvda = "content/articles/nvidia-record-one-day-loss.mdx";
    // NVDA.csv: close 142.62 on 24 Jan, 118.42 on 27 Jan; 118.42 / 142.62 - 1 = -0.16968.
    expect(text(`${nvda}: <Move ticker="nvda" date="2025-01-27">`)).toBe("fell 16.97%");
    expect(text(`${nvda}: <Close ticker="nvda" date="2025-01-27">`)).toBe("$118.42");
    const byd = "content/articles/byd-puts-deepseek-in-its-cars.mdx";
    // 1211.HK.csv, 11 Feb: high 345, close 327.8; previous close 330.2 (10 Feb).
    // 345 / 330.2 - 1 = 0.04482; 327.8 / 330.2 - 1 = -0.00727.
    expect(text(`${byd}: <Price ticker="byd" date="2025-02-11" basis="high">`)).toBe("HK$345.00");
    expect(text(`${byd}: <Move ticker="byd" date="2025-02-11" basis="high">`)).toBe("rose as much as 4.48%");
    expect(text(`${byd}: <Close ticker="byd" date="2025-02-11">`)).toBe("HK$327.80");
    expect(text(`${byd}: <Move ticker="byd" date="2025-02-11">`)).toBe("fell 0.73%");
    const sixMonths = "content/articles/six-months-after-deepseek.mdx";
    // NVDA.csv: 173.5 (25 Jul) / 142.62 (24 Jan) - 1 = 0.21652.
    expect(text(`${sixMonths}: <Move ticker="nvda" from="2025-01-24" to="2025-07-25" format="signed">`)).toBe(
      "+21.65%",
    );
    // Across BYD's 3:1 bonus issue of 10 June (splits.csv): 274.4 as traded on 24 Jan is 274.4 / 3 =
    // 91.467 on the later basis; 129.6 (25 Jul) / 91.467 - 1 = 0.41691.
    expect(text(`${sixMonths}: <Move ticker="byd" from="2025-01-24" to="2025-07-25">`)).toBe("rose 41.69%");
    // INDEX_IXIC.csv: 17,124.97 (9 Apr) / 15,267.91 (8 Apr) - 1 = 0.12163.
    const pause = "content/articles/nasdaq-soars-after-90-day-tariff-pause.mdx";
    expect(text(`${pause}: <Move ticker="ixic" date="2025-04-09">`)).toBe("rose 12.16%");
    // TSLA.csv: 284.7 (5 Jun) / 332.05 (4 Jun) - 1 = -0.14260.
    const tesla = "content/articles/tesla-falls-as-musk-and-trump-fall-out.mdx";
    expect(text(`${tesla}: <Move ticker="tsla" date="2025-06-05">`)).toBe("fell 14.26%");
    // 266 component tags (npm run check:content) and 104 ticker chips (the 24 articles' tickers lists).
    expect(before.length).toBe(370);
  });
});
