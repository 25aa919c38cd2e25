import { describe, expect, it } from "vitest";
import { failingAudits, scoresOf, type LhrLike } from "../../scripts/lib/lighthouse-report.ts";

const lhr: LhrLike = {
  categories: {
    performance: {
      score: 0.87,
      auditRefs: [
        { id: "total-blocking-time", weight: 30 },
        { id: "largest-contentful-paint", weight: 25 },
        { id: "server-response-time", weight: 0 },
      ],
    },
    seo: { score: 1, auditRefs: [{ id: "meta-description", weight: 1 }] },
    accessibility: { score: null, auditRefs: [{ id: "color-contrast", weight: 7 }] },
  },
  audits: {
    "total-blocking-time": {
      score: 0.62,
      scoreDisplayMode: "numeric",
      title: "Total Blocking Time",
      displayValue: "510 ms",
    },
    "largest-contentful-paint": { score: 1, scoreDisplayMode: "numeric", title: "Largest Contentful Paint" },
    "server-response-time": { score: 0, scoreDisplayMode: "binary", title: "Server response time" },
    "meta-description": { score: 1, scoreDisplayMode: "binary", title: "Has a meta description" },
    "color-contrast": { score: null, scoreDisplayMode: "error", title: "Contrast" },
  },
};

describe("reading a Lighthouse result", () => {
  it("gives each category's score out of 100, an unscored category as 0", () => {
    expect(scoresOf(lhr)).toEqual({ performance: 87, seo: 100, accessibility: 0 });
  });

  it("lists the weighted audits that cost points, and audits that errored", () => {
    expect(failingAudits(lhr, ["performance", "seo", "accessibility"])).toEqual([
      "performance: total-blocking-time: Total Blocking Time (510 ms)",
      "accessibility: color-contrast: Contrast",
    ]);
  });
});
