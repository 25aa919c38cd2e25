import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NVDA as nvda } from "../support/tickers.ts";
import { articleCard, siteCard } from "../../src/lib/seo/index.ts";
import { priceSnapshotSchema } from "../../src/lib/prices/index.ts";
import { site } from "../../src/lib/site/index.ts";

const nvdaBars = priceSnapshotSchema.parse(JSON.parse(readFileSync("content/prices/nvda.json", "utf8"))).bars;
const tickers = new Map([["nvda", nvda]]);
const bars = new Map([["nvda", nvdaBars]]);

describe("article cards", () => {
  it("state the headline, the date and the main ticker's move that day", () => {
    const card = articleCard(
      { title: "Nvidia's record loss", date: "2025-01-27", tickers: ["nvda"] },
      tickers,
      bars,
    );
    expect(card).toEqual({
      site: site.name,
      title: "Nvidia's record loss",
      kicker: "27 January 2025",
      move: { text: "NVDA fell 16.97% on 27 Jan 2025", direction: "down" },
      footer: "marketdesk.example",
    });
  });

  it("use the last trading day's move for a weekend story", () => {
    const card = articleCard({ title: "Weekend", date: "2025-01-26", tickers: ["nvda"] }, tickers, bars);
    expect(card.move?.text).toMatch(/^NVDA (rose|fell) [\d.]+% on 24 Jan 2025$/);
  });

  it("have no move line when the article lists no ticker", () => {
    expect(
      articleCard({ title: "Policy", date: "2025-01-27", tickers: [] }, tickers, bars).move,
    ).toBeUndefined();
  });

  it("give other pages the site's description", () => {
    expect(siteCard().title).toBe(site.description);
  });
});
