import { describe, expect, it } from "vitest";
import {
  articleImagePath,
  newsArticleJsonLd,
  pageSuffix,
  serializeJsonLd,
  tagPageDescription,
  tickerPageDescription,
} from "../../src/lib/seo/index.ts";
import { authorName, site } from "../../src/lib/site/index.ts";

const input = {
  slug: "nvidia-record-one-day-loss",
  title: "Nvidia suffers the biggest one-day loss",
  description: "Nvidia's shares plunged on Monday as DeepSeek's models shook investors.",
  date: "2025-01-27",
  author: "newsdesk",
  tickers: [{ id: "nvda", symbol: "NVDA", name: "Nvidia", exchange: "NASDAQ" }],
  keywords: ["Nvidia", "Markets"],
};

describe("NewsArticle JSON-LD", () => {
  it("carries the headline, dates, author, publisher and the tickers it is about", () => {
    const ld = newsArticleJsonLd({ ...input, updated: "2025-01-29" });
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: input.title,
      datePublished: "2025-01-27T00:00:00.000Z",
      dateModified: "2025-01-29T00:00:00.000Z",
      url: "https://marketdesk.example/articles/nvidia-record-one-day-loss/",
      image: ["https://marketdesk.example/og/articles/nvidia-record-one-day-loss.png"],
      author: [{ "@type": "Organization", name: "Market Desk staff" }],
      publisher: { "@type": "Organization", name: site.name },
      keywords: "Nvidia, Markets",
    });
    expect(ld.about).toEqual([
      {
        "@type": "Corporation",
        name: "Nvidia",
        tickerSymbol: "NASDAQ: NVDA",
        url: "https://marketdesk.example/tickers/nvda/",
      },
    ]);
  });

  it("uses the publication date as the modification date when the article was never updated", () => {
    expect(newsArticleJsonLd(input).dateModified).toBe("2025-01-27T00:00:00.000Z");
  });

  it("serialises so that no string can close the script element", () => {
    const text = serializeJsonLd({ headline: "</script><script>alert(1)</script>" });
    expect(text).not.toContain("</script");
    expect(JSON.parse(text)).toEqual({ headline: "</script><script>alert(1)</script>" });
  });
});

describe("metadata helpers", () => {
  it("names authors by id and refuses unknown ones", () => {
    expect(authorName("markets-team")).toBe("Market Desk markets team");
    expect(() => authorName("nobody")).toThrow(/unknown author "nobody".*src\/lib\/site\/config\.ts/);
  });

  it("puts each article's card under /og/articles/", () => {
    expect(articleImagePath("a-story")).toBe("/og/articles/a-story.png");
  });

  it("words tag page descriptions differently on every page", () => {
    const tag = { label: "Nvidia", description: "The chip designer." };
    const pages = [1, 2, 3].map((page) => tagPageDescription(tag, 23, page, 3));
    expect(new Set(pages).size).toBe(3);
    expect(pages[0]).toBe("The chip designer. 23 articles tagged Nvidia on Market Desk.");
    expect(pages[1]).toBe("The chip designer. 23 articles tagged Nvidia on Market Desk, page 2 of 3.");
    expect(tagPageDescription(tag, 1, 1, 1)).toContain("1 article tagged");
    expect(pageSuffix(1, 3)).toBe("");
  });

  it("words ticker page descriptions differently on every page, the chart's facts on the first", () => {
    const ticker = { name: "Baidu", symbol: "BIDU", exchange: "NASDAQ" };
    const chart = { from: "2025-01-02", to: "2025-09-30", lastClose: "$88.10" };
    const pages = [1, 2, 3].map((page) => tickerPageDescription(ticker, chart, 23, page, 3));
    expect(new Set(pages).size).toBe(3);
    expect(pages[0]).toBe(
      "Baidu (NASDAQ: BIDU): price chart from 2 January 2025 to 30 September 2025, last close $88.10, and 23 articles on Baidu.",
    );
    expect(pages[2]).toBe("23 articles on Baidu (NASDAQ: BIDU) on Market Desk, newest first, page 3 of 3.");
    expect(tickerPageDescription(ticker, chart, 1, 1, 1)).toContain("and 1 article on Baidu.");
  });
});
