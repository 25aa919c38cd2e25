import { describe, expect, it } from "vitest";
import {
  articleImagePath,
  authorJsonLd,
  authorPageDescription,
  homeJsonLd,
  newsArticleJsonLd,
  pageSuffix,
  profilePageJsonLd,
  serializeJsonLd,
  tagPageDescription,
  tickerPageDescription,
} from "../../src/lib/seo/index.ts";
import type { Author } from "../../src/lib/content/index.ts";

const newsDesk: Author = {
  id: "news-desk",
  name: "News desk",
  kind: "organization",
  role: "Company news as it happens",
  bio: "Reports the news.",
  links: [],
};
const dataDesk: Author = { ...newsDesk, id: "data-desk", name: "Data desk" };

const input = {
  slug: "nvidia-record-one-day-loss",
  title: "Nvidia suffers the biggest one-day loss",
  description: "Nvidia's shares plunged on Monday as DeepSeek's models shook investors.",
  date: "2025-01-27",
  modified: "2025-01-27",
  format: "news" as const,
  authors: [newsDesk],
  tickers: [{ id: "nvda", symbol: "NVDA", name: "Nvidia", exchange: "NASDAQ" }],
  keywords: ["Nvidia", "Markets"],
};

const publisher = {
  "@type": "NewsMediaOrganization",
  "@id": "https://marketdesk.example/#publisher",
  name: "Market Desk",
  url: "https://marketdesk.example/",
  description:
    "Market news on the companies at the centre of the 2025 DeepSeek shock: DeepSeek, Baidu, BYD, Nvidia and Tesla, with price charts built from the data.",
  logo: { "@type": "ImageObject", url: "https://marketdesk.example/favicon.svg" },
  publishingPrinciples: "https://marketdesk.example/about/",
  verificationFactCheckingPolicy: "https://marketdesk.example/methodology/",
  correctionsPolicy: "https://marketdesk.example/corrections-policy/",
};

describe("article JSON-LD", () => {
  it("carries the headline, dates, every author with their page, the publisher and the tickers it is about", () => {
    const ld = newsArticleJsonLd({ ...input, authors: [newsDesk, dataDesk], modified: "2025-01-29" });
    expect(ld).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      "@id": "https://marketdesk.example/articles/nvidia-record-one-day-loss/",
      url: "https://marketdesk.example/articles/nvidia-record-one-day-loss/",
      mainEntityOfPage: "https://marketdesk.example/articles/nvidia-record-one-day-loss/",
      headline: input.title,
      description: input.description,
      image: ["https://marketdesk.example/og/articles/nvidia-record-one-day-loss.png"],
      datePublished: "2025-01-27T00:00:00.000Z",
      dateModified: "2025-01-29T00:00:00.000Z",
      inLanguage: "en",
      articleSection: "News",
      author: [
        {
          "@type": "Organization",
          "@id": "https://marketdesk.example/authors/news-desk/#author",
          name: "News desk",
          url: "https://marketdesk.example/authors/news-desk/",
          parentOrganization: { "@id": "https://marketdesk.example/#publisher" },
        },
        {
          "@type": "Organization",
          "@id": "https://marketdesk.example/authors/data-desk/#author",
          name: "Data desk",
          url: "https://marketdesk.example/authors/data-desk/",
          parentOrganization: { "@id": "https://marketdesk.example/#publisher" },
        },
      ],
      publisher,
      keywords: "Nvidia, Markets",
      about: [
        {
          "@type": "Corporation",
          name: "Nvidia",
          tickerSymbol: "NASDAQ: NVDA",
          url: "https://marketdesk.example/tickers/nvda/",
        },
      ],
    });
  });

  it.each([
    ["news", "NewsArticle", "News"],
    ["analysis", "AnalysisNewsArticle", "Analysis"],
    ["explainer", "BackgroundNewsArticle", "Explainer"],
    ["market-wrap", "NewsArticle", "Market wrap"],
    ["data", "NewsArticle", "Data"],
  ] as const)("types a %s article as %s, in the section %s", (format, type, section) => {
    expect(newsArticleJsonLd({ ...input, format })).toMatchObject({ "@type": type, articleSection: section });
  });

  it("uses the publication date as the modification date when the article never changed", () => {
    expect(newsArticleJsonLd(input).dateModified).toBe("2025-01-27T00:00:00.000Z");
  });

  it("serialises so that no string can close the script element", () => {
    const text = serializeJsonLd({ headline: "</script><script>alert(1)</script>" });
    expect(text).not.toContain("</script");
    expect(JSON.parse(text)).toEqual({ headline: "</script><script>alert(1)</script>" });
  });
});

describe("publisher and author JSON-LD", () => {
  it("describes the site as a NewsMediaOrganization with its standards and logo", () => {
    expect(homeJsonLd()).toEqual({ "@context": "https://schema.org", ...publisher });
  });

  it("makes a person a Person, with the pages that are the same person", () => {
    const person: Author = {
      ...newsDesk,
      id: "a-reporter",
      name: "A Reporter",
      kind: "person",
      links: [{ label: "Profile", url: "https://example.org/a-reporter" }],
    };
    expect(authorJsonLd(person)).toEqual({
      "@type": "Person",
      "@id": "https://marketdesk.example/authors/a-reporter/#author",
      name: "A Reporter",
      url: "https://marketdesk.example/authors/a-reporter/",
      sameAs: ["https://example.org/a-reporter"],
    });
  });

  it("marks an author's page as a ProfilePage about the author", () => {
    expect(profilePageJsonLd(dataDesk)).toEqual({
      "@context": "https://schema.org",
      "@type": "ProfilePage",
      url: "https://marketdesk.example/authors/data-desk/",
      mainEntity: {
        "@type": "Organization",
        "@id": "https://marketdesk.example/authors/data-desk/#author",
        name: "Data desk",
        url: "https://marketdesk.example/authors/data-desk/",
        parentOrganization: { "@id": "https://marketdesk.example/#publisher" },
        description: "Reports the news.",
      },
    });
  });
});

describe("metadata helpers", () => {
  it("words author page descriptions differently on every page", () => {
    expect(authorPageDescription(newsDesk, 12, 1, 2)).toBe(
      "News desk, Market Desk: Company news as it happens. 12 articles signed by News desk.",
    );
    expect(authorPageDescription(newsDesk, 12, 2, 2)).toBe(
      "News desk, Market Desk: Company news as it happens. 12 articles signed by News desk, page 2 of 2.",
    );
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
