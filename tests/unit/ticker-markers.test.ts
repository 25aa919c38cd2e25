import { describe, expect, it } from "vitest";
import {
  articleDayHref,
  articleDayLabel,
  articleDayMarkers,
  articleDays,
} from "../../src/lib/chart/index.ts";
import type { Bar } from "../../src/lib/prices/index.ts";

const bar = (date: string): Bar => ({ date, open: 1, high: 1, low: 1, close: 1 });
// Thursday 23 to Tuesday 28 January 2025: no bars on the weekend.
const bars = ["2025-01-23", "2025-01-24", "2025-01-27", "2025-01-28"].map(bar);
const article = (id: string, date: string) => ({ id, data: { title: `Headline ${id}`, date } });

describe("articleDays", () => {
  it("gives a day with one article its headline and a link to it", () => {
    const days = articleDays(bars, [article("a", "2025-01-24")]);
    expect(articleDayMarkers("nvda", days)).toEqual([
      { date: "2025-01-24", label: "Headline a", href: "/articles/a/" },
    ]);
  });

  it("counts a weekend story on the next trading day, with that day's own articles", () => {
    // Newest first, as the ticker's list orders them: Monday's story, then Sunday's and Saturday's.
    const days = articleDays(bars, [
      article("mon", "2025-01-27"),
      article("sun", "2025-01-26"),
      article("sat", "2025-01-25"),
    ]);
    expect(days.map((d) => [d.date, d.count, d.latest.id])).toEqual([["2025-01-27", 3, "mon"]]);
  });

  it("makes one marker for a day of several articles, naming the latest and linking to the list", () => {
    const days = articleDays(bars, [article("b", "2025-01-27"), article("a", "2025-01-27")]);
    expect(articleDayMarkers("nvda", days)).toEqual([
      { date: "2025-01-27", label: "2 articles, latest: Headline b", href: "/tickers/nvda/#articles" },
    ]);
  });

  it("links a day to the page of the list that shows its latest article", () => {
    // 25 articles, newest first: the first ten on page 1, the next ten on page 2, the last five on 3.
    const list = Array.from({ length: 25 }, (_, i) =>
      article(`n${i}`, i < 12 ? "2025-01-28" : i < 21 ? "2025-01-27" : "2025-01-23"),
    );
    const days = articleDays(bars, list);
    expect(days.map((d) => [d.date, d.count, d.latest.id, d.page])).toEqual([
      ["2025-01-23", 4, "n21", 3],
      ["2025-01-27", 9, "n12", 2],
      ["2025-01-28", 12, "n0", 1],
    ]);
    expect(days.map((d) => articleDayHref("nvda", d))).toEqual([
      "/tickers/nvda/3/#articles",
      "/tickers/nvda/2/#articles",
      "/tickers/nvda/#articles",
    ]);
    expect(articleDayLabel(days[0]!)).toBe("4 articles, latest: Headline n21");
  });

  it("has at most one day per trading day, oldest first, however many articles there are", () => {
    const many = Array.from({ length: 200 }, (_, i) => article(`x${i}`, bars[3 - (i % 4)]!.date));
    const days = articleDays(bars, many);
    expect(days.map((d) => d.date)).toEqual(bars.map((b) => b.date));
    expect(days.reduce((sum, d) => sum + d.count, 0)).toBe(200);
  });

  it("leaves out articles dated after the data end", () => {
    const days = articleDays(bars, [article("late", "2025-02-01"), article("a", "2025-01-28")]);
    expect(days.map((d) => [d.date, d.count])).toEqual([["2025-01-28", 1]]);
    // The article list still shows the late one first, so "a" is the second item: page 1.
    expect(days[0]?.page).toBe(1);
  });

  it("has nothing to mark without articles or without bars", () => {
    expect(articleDays(bars, [])).toEqual([]);
    expect(articleDays([], [article("a", "2025-01-24")])).toEqual([]);
  });
});
