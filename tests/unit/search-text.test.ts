import { describe, expect, it } from "vitest";
import { resultsStatus } from "../../src/lib/site/index.ts";

describe("search status line", () => {
  it("says when nothing matches", () => {
    expect(resultsStatus("zzz", 0, 0)).toBe("No articles match “zzz”.");
  });

  it("counts matches in the singular and the plural", () => {
    expect(resultsStatus("ernie", 1, 1)).toBe("1 article matches “ernie”.");
    expect(resultsStatus("nvidia", 7, 7)).toBe("7 articles match “nvidia”.");
  });

  it("says when only the best results are shown", () => {
    expect(resultsStatus("ai", 45, 20)).toBe("45 articles match “ai”; showing the best 20.");
  });
});
