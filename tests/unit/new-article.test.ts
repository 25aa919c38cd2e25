import { describe, expect, it } from "vitest";
import {
  articleSource,
  exampleFor,
  PLACEHOLDER_DEK,
  problemLines,
  validateNewArticle,
  type NewArticleInput,
} from "../../scripts/lib/new-article.ts";
import { CONTENT, articleFrontmatterSchema, parseFrontmatter } from "../../src/lib/content/index.ts";
import { readAuthors, readTags } from "../../src/lib/content/read.ts";
import { componentData, snapshot, tickers } from "../support/price-data.ts";
import type { Bar } from "../../src/lib/prices/index.ts";
import { isMdxComponent, MDX_COMPONENTS, scanMdx } from "../../src/lib/mdx/index.ts";

const tags = readTags(CONTENT.tags);
const registries = {
  tickers,
  tags,
  authors: readAuthors(CONTENT.authors),
  articleFiles: ["content/articles/nvidia-record-one-day-loss.mdx", "content/articles/2025/old-story.mdx"],
};
const bars = new Map<string, Bar[]>(tickers.map((ticker) => [ticker.id, snapshot(ticker.id).bars]));

const good: NewArticleInput = {
  title: "Nvidia and Tesla: a test headline",
  date: "2025-02-01",
  authors: ["news-desk"],
  tickers: ["nvda", "tsla"],
  tags: ["nvidia", "markets"],
  draft: false,
};

/** The problems for one input, as the command prints them. */
const linesFor = (changes: Partial<NewArticleInput>) =>
  problemLines(validateNewArticle({ ...good, ...changes }, registries));

describe("validateNewArticle", () => {
  it("accepts a good input", () => {
    expect(linesFor({})).toEqual([]);
  });

  it.each<[string, Partial<NewArticleInput>, RegExp]>([
    [
      "an unknown ticker",
      { tickers: ["nvda", "nvdx"] },
      /^--tickers: unknown ticker "nvdx" \(known: aapl, alibaba-hk, amzn, .*nvda.*\)$/,
    ],
    ["a malformed ticker", { tickers: ["NVDA"] }, /^--tickers: "NVDA" is not a valid ticker id/],
    ["a malformed tag", { tags: ["AI models"] }, /^--tags: "AI models" is not a valid tag: use lowercase/],
    [
      "a tag outside the vocabulary",
      { tags: ["crypto"] },
      /^--tags: unknown tag "crypto"; use a tag from content\/tags.yaml/,
    ],
    ["no tag", { tags: [] }, /^--tags: is empty; give 1 to 8 tags/],
    ["a tag twice", { tags: ["nvidia", "nvidia"] }, /^--tags: "nvidia" is listed twice/],
    [
      "nine tags",
      { tags: tags.slice(0, 9).map((t) => t.id) },
      /^--tags: has 9 tags; an article may have at most 8/,
    ],
    [
      "an impossible date",
      { date: "2025-02-30" },
      /^--date: "2025-02-30" is not a calendar date; write YYYY-MM-DD/,
    ],
    ["a date in another format", { date: "01/02/2025" }, /^--date: "01\/02\/2025" is not a calendar date/],
    [
      "an unknown author",
      { authors: ["news-desk", "bob"] },
      /^--authors: unknown author "bob"; use an author from content\/authors.yaml \(known: china-desk, data-desk, markets-desk, news-desk, technology-desk\)/,
    ],
    ["no author", { authors: [] }, /^--authors: is empty; name at least one author/],
    [
      "a headline over 120 characters",
      { title: "x".repeat(121) },
      /^headline: is 121 characters long; a headline may have at most 120/,
    ],
    ["an empty headline", { title: "  " }, /^headline: is empty/],
    [
      "a dek that is too short",
      { description: "Too short." },
      /^--description: is 10 characters long; a dek needs 50 to 300/,
    ],
    [
      "a headline whose slug is taken",
      { title: "Nvidia record one-day loss" },
      /^--slug: slug "nvidia-record-one-day-loss" is already used by content\/articles\/nvidia-record-one-day-loss.mdx;.* choose another with --slug$/,
    ],
    [
      "a slug taken in a subfolder",
      { slug: "old-story" },
      /^--slug: slug "old-story" is already used by content\/articles\/2025\/old-story.mdx/,
    ],
    [
      "a malformed slug",
      { slug: "Old_Story" },
      /^--slug: "Old_Story" is not a valid file name: use lowercase/,
    ],
    [
      "a headline with nothing to make a slug from",
      { title: "深度求索" },
      /^--slug: the headline "深度求索" has no letters or digits.*--slug$/,
    ],
  ])("refuses %s", (_name, changes, expected) => {
    const lines = linesFor(changes);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
  });

  it("reports every problem at once", () => {
    expect(linesFor({ tickers: ["nvdx"], tags: ["crypto"], date: "tomorrow" })).toHaveLength(3);
  });
});

describe("articleSource", () => {
  const parse = (text: string) => articleFrontmatterSchema.parse(parseFrontmatter(text, "new.mdx").data);

  it("writes frontmatter the build reads back as the input, with the placeholder dek", () => {
    const title = 'Tesla\'s "Q4": 50% down? #1 \\ back—slash & “quotes” 🚗';
    const data = parse(articleSource({ ...good, title }, exampleFor("nvda", bars.get("nvda")!, good.date)));
    expect(data).toEqual({
      title,
      description: PLACEHOLDER_DEK,
      date: "2025-02-01",
      authors: ["news-desk"],
      format: "news",
      tickers: ["nvda", "tsla"],
      tags: ["nvidia", "markets"],
      draft: false,
      updates: [],
      corrections: [],
    });
  });

  it("writes draft: true and the editor's dek when given", () => {
    const description =
      "Nvidia's shares fell on Monday as investors weighed a cheaper way to build AI models.";
    const text = articleSource(
      { ...good, draft: true, description },
      exampleFor("nvda", bars.get("nvda")!, good.date),
    );
    expect(text).toContain("\ndraft: true\n");
    expect(parse(text)).toMatchObject({ draft: true, description });
  });

  it("comments out its examples, so the new article renders no component", () => {
    const text = articleSource(good, exampleFor("nvda", bars.get("nvda")!, good.date));
    expect(text).toMatch(/<Move ticker="nvda"/);
    expect(text).toMatch(/<PriceChart ticker="nvda"/);
    expect(scanMdx(text).tags).toEqual([]);
  });

  it("gives examples that work once copied out of the comment", () => {
    const text = articleSource(good, exampleFor("tsla", bars.get("tsla")!, "2025-03-09"));
    const comment = /\{\/\*([\s\S]*?)\*\/\}/.exec(text)![1]!;
    const { tags: found } = scanMdx(comment);
    expect(found.map((t) => t.name)).toEqual(["Move", "Move", "Close", "PriceChart"]);
    for (const tag of found) {
      const name = tag.name;
      if (!isMdxComponent(name)) throw new Error(`unexpected ${name}`);
      const article = {
        id: "x",
        file: "content/articles/x.mdx",
        date: "2025-03-09",
        asOf: "2025-03-09",
        tickers: ["tsla"],
      };
      expect(() => MDX_COMPONENTS[name].compute(tag.props, article, componentData(["tsla"]))).not.toThrow();
    }
  });
});

describe("exampleFor", () => {
  it("uses the last trading day on or before the article's date, and the ten trading days before it", () => {
    // Saturday 1 February 2025: Friday the 31st traded; Monday 20 January (a US holiday) did not.
    expect(exampleFor("nvda", bars.get("nvda")!, "2025-02-01")).toEqual({
      ticker: "nvda",
      date: "2025-01-31",
      from: "2025-01-16",
      to: "2025-01-31",
    });
  });

  it("falls back to the end of the data for a date after it", () => {
    const nvda = bars.get("nvda")!;
    expect(exampleFor("nvda", nvda, "2099-01-01").date).toBe(nvda.at(-1)!.date);
  });
});
