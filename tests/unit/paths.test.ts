import { describe, expect, it } from "vitest";
import {
  articlePath,
  authorPath,
  feedPaths,
  standardsPaths,
  indexPaths,
  listPageOf,
  tagPath,
  tickerPath,
} from "../../src/lib/site/index.ts";

describe("site paths", () => {
  it("spell article, tag and ticker pages in directory format", () => {
    expect(articlePath("nvidia-rout")).toBe("/articles/nvidia-rout/");
    expect(tagPath("policy")).toBe("/tags/policy/");
    expect(tickerPath("nvda")).toBe("/tickers/nvda/");
    expect(authorPath("markets-desk")).toBe("/authors/markets-desk/");
    expect(indexPaths).toEqual({ tags: "/tags/", tickers: "/tickers/", authors: "/authors/" });
    expect(standardsPaths).toEqual({
      about: "/about/",
      methodology: "/methodology/",
      correctionsPolicy: "/corrections-policy/",
      corrections: "/corrections/",
      disclaimer: "/disclaimer/",
    });
  });

  it("number later pages of a list from 2, the first page keeping the list's own path", () => {
    expect(tagPath("policy", 1)).toBe("/tags/policy/");
    expect(tagPath("policy", 3)).toBe("/tags/policy/3/");
    expect(tickerPath("nvda", 1)).toBe("/tickers/nvda/");
    expect(tickerPath("nvda", 2)).toBe("/tickers/nvda/2/");
    expect(authorPath("data-desk", 2)).toBe("/authors/data-desk/2/");
  });

  it("put ten articles on a page of a list", () => {
    expect([0, 9, 10, 19, 20, 105].map(listPageOf)).toEqual([1, 1, 2, 2, 3, 11]);
  });

  it("refuse a page number that no list has", () => {
    for (const page of [0, -1, 1.5, Number.NaN]) expect(() => tickerPath("nvda", page)).toThrow(RangeError);
  });

  it("put each feed beside the page it follows, in every format", () => {
    expect(feedPaths.site()).toEqual({ rss: "/rss.xml", atom: "/atom.xml", json: "/feed.json" });
    expect(feedPaths.tag("policy")).toEqual({
      rss: "/tags/policy/rss.xml",
      atom: "/tags/policy/atom.xml",
      json: "/tags/policy/feed.json",
    });
    expect(feedPaths.ticker("nvda").rss).toBe("/tickers/nvda/rss.xml");
    expect(feedPaths.author("news-desk").json).toBe("/authors/news-desk/feed.json");
  });
});
