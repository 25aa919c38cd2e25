import { describe, expect, it } from "vitest";
import { articleMarkers } from "../../src/lib/ticker-markers.ts";
import type { Bar } from "../../src/lib/schema.ts";

const bar = (date: string): Bar => ({ date, open: 1, high: 1, low: 1, close: 1 });
// Thursday 23 to Tuesday 28 January 2025: no bars on the weekend.
const bars = ["2025-01-23", "2025-01-24", "2025-01-27", "2025-01-28"].map(bar);
const article = (id: string, date: string) => ({ id, data: { title: `Headline ${id}`, date } });

describe("articleMarkers", () => {
  it("marks each article on its day, labelled with its headline and linking to it", () => {
    expect(articleMarkers(bars, [article("a", "2025-01-24")])).toEqual([
      { date: "2025-01-24", label: "Headline a", href: "/articles/a/" },
    ]);
  });

  it("marks a weekend story on the next trading day", () => {
    expect(articleMarkers(bars, [article("w", "2025-01-26")])[0]?.date).toBe("2025-01-27");
  });

  it("keeps one marker per article when two share a day", () => {
    const markers = articleMarkers(bars, [article("a", "2025-01-27"), article("b", "2025-01-27")]);
    expect(markers.map((m) => m.href)).toEqual(["/articles/a/", "/articles/b/"]);
  });

  it("leaves out articles dated after the data end", () => {
    expect(articleMarkers(bars, [article("late", "2025-02-01"), article("a", "2025-01-28")])).toHaveLength(1);
  });
});
