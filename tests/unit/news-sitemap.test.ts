/** The Google News sitemap's window, limit and XML, and the build date it is measured from. */
import { describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import {
  NEWS_SITEMAP_LIMIT,
  newsSitemap,
  newsSitemapArticles,
  type NewsSitemapArticle,
} from "../../src/lib/seo/index.ts";
import { addDays, buildDate, isoDate } from "../../src/lib/site/index.ts";
import { xmlError } from "../support/feed";

const article = (id: string, date: string, title = `Headline ${id}`): NewsSitemapArticle => ({
  id,
  data: { title, date },
});
/** Newest first, as the site data gives them. */
const articles = [
  article("scheduled", "2025-03-18"),
  article("today", "2025-03-17"),
  article("yesterday", "2025-03-16"),
  article("two-days-ago", "2025-03-15"),
  article("last-week", "2025-03-10"),
];

describe("the news sitemap", () => {
  it("lists the articles dated on the build date and the day before, newest first", () => {
    expect(newsSitemapArticles(articles, "2025-03-17").map((a) => a.id)).toEqual(["today", "yesterday"]);
    expect(newsSitemapArticles(articles, "2025-03-16").map((a) => a.id)).toEqual([
      "yesterday",
      "two-days-ago",
    ]);
    expect(newsSitemapArticles(articles, "2025-03-20")).toEqual([]);
  });

  it(`holds at most ${NEWS_SITEMAP_LIMIT} articles, the newest`, () => {
    const many = Array.from({ length: 1005 }, (_, i) => article(`a${i}`, "2025-03-17"));
    const listed = newsSitemapArticles(many, "2025-03-17");
    expect(listed).toHaveLength(1000);
    expect(listed[0]!.id).toBe("a0");
    expect(listed.at(-1)!.id).toBe("a999");
  });

  it("writes each article's URL, the publication, its date and its headline, escaped", () => {
    const xml = newsSitemap([article("today", "2025-03-17", "Baidu & BYD <rally>")], "2025-03-17");
    expect(xmlError(xml)).toBeUndefined();
    const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml);
    expect(parsed.urlset["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(parsed.urlset["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    expect(parsed.urlset.url).toEqual({
      loc: "https://marketdesk.example/articles/today/",
      "news:news": {
        "news:publication": { "news:name": "Market Desk", "news:language": "en" },
        "news:publication_date": "2025-03-17",
        "news:title": "Baidu & BYD <rally>",
      },
    });
  });

  it("is a valid, empty urlset when nothing is recent", () => {
    const xml = newsSitemap(articles, "2025-04-30");
    expect(xmlError(xml)).toBeUndefined();
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"></urlset>',
    );
  });
});

describe("calendar dates", () => {
  it("adds days across months and years", () => {
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });

  it("writes ISO date-times at midnight UTC", () => {
    expect(isoDate("2025-01-27")).toBe("2025-01-27T00:00:00.000Z");
  });

  it("takes the build date from BUILD_DATE, else today, and refuses one that is not a date", () => {
    expect(buildDate({ BUILD_DATE: "2025-03-17" })).toBe("2025-03-17");
    expect(buildDate({})).toBe(new Date().toISOString().slice(0, 10));
    expect(buildDate({ BUILD_DATE: "" })).toBe(new Date().toISOString().slice(0, 10));
    expect(() => buildDate({ BUILD_DATE: "17/03/2025" })).toThrow(
      "BUILD_DATE=17/03/2025 is not a calendar date; write YYYY-MM-DD, e.g. 2025-03-17, or unset it",
    );
  });
});
