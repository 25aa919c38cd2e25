import { describe, expect, it } from "vitest";
import { slugify, slug } from "../../src/lib/content/index.ts";

describe("slugify", () => {
  it.each([
    ["Nvidia suffers the biggest one-day loss", "nvidia-suffers-the-biggest-one-day-loss"],
    ["Nvidia’s record loss: $589bn gone", "nvidias-record-loss-589bn-gone"],
    ["US–China AI race", "us-china-ai-race"],
    ["BYD & DeepSeek", "byd-and-deepseek"],
    ["Baidu's Ernie 4.5 — “reasoning”", "baidus-ernie-4-5-reasoning"],
    ["Société Générale cuts Tesla target", "societe-generale-cuts-tesla-target"],
    ["  --Trailing / leading--  ", "trailing-leading"],
  ])("%s -> %s", (headline, expected) => {
    expect(slugify(headline)).toBe(expected);
  });

  it("gives a slug the article schema accepts", () => {
    for (const headline of ["A", "Ünïcödé 2025!", "x—y", "Tesla's Q4: -3%"]) {
      expect(slug("file name").safeParse(slugify(headline)).success, headline).toBe(true);
    }
  });

  it("returns an empty slug when nothing usable is left, so the caller asks for one", () => {
    expect(slugify("深度求索")).toBe("");
    expect(slugify("!!!")).toBe("");
  });

  it("cuts long headlines at a word boundary", () => {
    const long = "word ".repeat(40);
    const result = slugify(long, 22);
    expect(result).toBe("word-word-word-word");
    expect(slugify("supercalifragilistic expialidocious", 10)).toBe("supercalif");
  });
});
