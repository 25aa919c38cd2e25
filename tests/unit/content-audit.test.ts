import { readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { auditContent } from "../../scripts/lib/content-audit.ts";
import { readLastModified } from "../../src/lib/content/read.ts";
import { PLACEHOLDER_DEK } from "../../scripts/lib/new-article.ts";
import { makeSiteCopy, type Overrides } from "../support/site-copy.ts";
import { articleText } from "../support/articles.ts";

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((cleanup) => cleanup());
  cleanups = [];
});

function audit(overrides: Overrides) {
  const copy = makeSiteCopy(overrides);
  cleanups.push(copy.cleanup);
  return auditContent(copy.dir);
}

const A = "content/articles";

describe("auditContent", () => {
  it("finds nothing wrong with the site's own content", () => {
    const result = auditContent(".");
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.counts.articles).toBe(readdirSync(A).filter((f) => f.endsWith(".mdx")).length);
    expect(result.counts.components).toBeGreaterThan(50);
  });

  it("reports frontmatter, reference and component problems together, each naming the file", () => {
    const { problems } = audit({
      [`${A}/typo.mdx`]: articleText({ tikcers: "[nvda]" }),
      [`${A}/bad-date.mdx`]: articleText({ date: '"2025-13-01"' }),
      [`${A}/unknown-ticker.mdx`]: articleText({ tickers: "[nvda, nvdx]" }),
      [`${A}/unknown-author.mdx`]: articleText({ authors: "[news-desk, newsdesk]" }),
      [`${A}/weekend.mdx`]: articleText({}, 'Shares <Move ticker="nvda" date="2025-01-26" /> on Sunday.'),
      [`${A}/2025/weekend.mdx`]: articleText(),
      [`${A}/_ignored.mdx`]: articleText({ title: "" }, "<Nonsense />"),
      [`${A}/2025/.ignored.mdx`]: articleText({ title: "" }, "<Nonsense />"),
    });
    expect(problems).toEqual([
      `${A}/bad-date.mdx: date: "2025-13-01" is not a calendar date; write YYYY-MM-DD, e.g. 2025-01-27`,
      `${A}/typo.mdx: tikcers: is not a known field; the fields are title, description, date, authors, format, tickers, tags, draft, image, updates, corrections`,
      `${A}/unknown-author.mdx: authors[1]: unknown author "newsdesk"; use an author from content/authors.yaml (known: china-desk, data-desk, markets-desk, news-desk, technology-desk) or add them there`,
      expect.stringMatching(
        new RegExp(
          `^${A}/unknown-ticker.mdx: tickers\\[1\\]: unknown ticker "nvdx" \\(known: aapl, alibaba-hk, amzn, `,
        ),
      ),
      `${A}/2025/weekend.mdx: (file name): slug "weekend" is already used by ${A}/weekend.mdx; each article needs a unique file name`,
      `${A}/weekend.mdx: line 10: <Move ticker="nvda" date="2025-01-26">: 2025-01-26 was not a trading day in the data; the nearest trading days are 2025-01-24 and 2025-01-27`,
    ]);
  });

  it("applies the as-of rule and the comparison's checks with the build's messages", () => {
    const { problems } = audit({
      // articleText's article is dated 2025-02-03 and lists nvda.
      [`${A}/later-chart.mdx`]: articleText(
        {},
        '<PriceChart ticker="nvda" from="2025-01-13" to="2025-02-10" />',
      ),
      [`${A}/later-figure.mdx`]: articleText(
        {},
        'Shares <Move ticker="nvda" date="2025-02-04" /> on Tuesday.',
      ),
      [`${A}/updated.mdx`]: articleText(
        { updates: '[{ date: 2025-02-04, text: "Adds the next day\'s trading." }]' },
        'Shares <Move ticker="nvda" date="2025-02-04" />.',
      ),
      [`${A}/compare.mdx`]: articleText(
        { tickers: "[nvda, byd]" },
        '<CompareChart tickers={["nvda", "byd"]} from="2025-01-29" />',
      ),
    });
    expect(problems).toEqual([
      `${A}/compare.mdx: line 10: <CompareChart tickers={["nvda","byd"]} from="2025-01-29">: from="2025-01-29" must be a trading day of every series, and for byd: 2025-01-29 was not a trading day in the data; the nearest trading days are 2025-01-27 and 2025-02-03`,
      `${A}/later-chart.mdx: line 10: <PriceChart ticker="nvda" from="2025-01-13" to="2025-02-10">: to="2025-02-10" is after the article's as-of date, 2025-02-03 (its publication date): an article's chart shows no prices from after it; end the chart on or before 2025-02-03, or add afterPublication to show the later days, shaded and labelled "after publication"`,
      `${A}/later-figure.mdx: line 10: <Move ticker="nvda" date="2025-02-04">: date="2025-02-04" is after the article's as-of date, 2025-02-03 (its publication date): an article's figures use no prices from after it; use a date on or before 2025-02-03, or, when the article is updated with later news, add an entry to updates: dated that day (a chart can show later days with afterPublication)`,
    ]);
  });

  it("checks drafts and scheduled articles, which a production build does not render", () => {
    const { problems } = audit({
      [`${A}/draft.mdx`]: articleText({ draft: "true" }, '<Close ticker="nvda" date="2025-01-25" />'),
      [`${A}/later.mdx`]: articleText({ date: "2099-01-01" }, '<Record ticker="nvda" date="2025-01-27" />'),
    });
    expect(problems).toEqual([
      `${A}/draft.mdx: line 11: <Close ticker="nvda" date="2025-01-25">: 2025-01-25 was not a trading day in the data; the nearest trading days are 2025-01-24 and 2025-01-27`,
      expect.stringMatching(
        new RegExp(
          `^${A}/later.mdx: line 10: <Record ticker="nvda" date="2025-01-27">: the close on 2025-01-27 \\(\\$118\\.42\\) is not the highest close since 1 October 2024: the close on \\d{4}-\\d\\d-\\d\\d was \\$\\d`,
        ),
      ),
    ]);
  });

  it("reports unknown components and MDX syntax errors with their lines", () => {
    const { problems } = audit({
      [`${A}/typo-tag.mdx`]: articleText({}, 'Shares <Moev ticker="nvda" date="2025-01-27" /> fell.'),
      [`${A}/unclosed.mdx`]: articleText({}, 'Shares <Move ticker="nvda" date="2025-01-27"> fell.'),
    });
    expect(problems).toEqual([
      `${A}/typo-tag.mdx: line 10: <Moev ticker="nvda" date="2025-01-27">: unknown component Moev; the components are Close, CompareChart, Move, Price, PriceChart, Record (see docs/editing.md)`,
      expect.stringMatching(
        new RegExp(
          `^${A}/unclosed.mdx: \\(body\\): not valid MDX: line 10, column 8: Expected a closing tag for \`<Move>\``,
        ),
      ),
    ]);
  });

  it("reports a bad snapshot once, without blaming the articles that use it", () => {
    const snapshot = JSON.parse(readFileSync("content/prices/nvda.json", "utf8"));
    const bar = snapshot.bars[1];
    bar.low = Math.max(bar.open, bar.close) + 1;
    const { problems } = audit({ "content/prices/nvda.json": JSON.stringify(snapshot) });
    expect(problems).toEqual([
      `content/prices/nvda.json: bars[1].low: ${bar.low} is above min(open, close) = ${Math.min(bar.open, bar.close)}; the low must be at or below both`,
    ]);
  });

  it("reports a snapshot that is not JSON, or not an object, once, naming the file", () => {
    const { problems } = audit({
      "content/prices/nvda.json": "{ not json",
      "content/prices/tsla.json": "[]",
    });
    // Once: not also "ticker nvda has no price snapshot", nor a problem for each article using it.
    expect(problems).toEqual([
      expect.stringMatching(/^content\/prices\/nvda\.json: \(whole file\): not valid JSON: \S/),
      "content/prices/tsla.json: (whole file): [] is not an object of fields",
    ]);
  });

  it("reports bad registries with the file and the field", () => {
    const tickers = readFileSync("content/tickers.yaml", "utf8").replace("currency: HKD", "currency: HKX");
    const { problems } = audit({ "content/tickers.yaml": tickers, "content/tags.yaml": "- id: Bad Tag\n" });
    expect(problems).toContain(
      'content/tickers.yaml: [3].currency: "HKX" is not an ISO 4217 currency code; use e.g. USD or HKD',
    );
    expect(problems).toContain(
      'content/tags.yaml: [0].id: "Bad Tag" is not a valid tag: use lowercase letters, digits and single hyphens, e.g. "us-china"',
    );
  });

  it("refuses an update dated after the build date, and reads content/authors.yaml", () => {
    const { problems, counts } = audit({
      [`${A}/ahead.mdx`]: articleText({ updates: '[{ date: 2099-01-02, text: "Added a later session." }]' }),
      "content/authors.yaml":
        "- id: news-desk\n  name: News desk\n  kind: desk\n  role: News\n  bio: Reports.\n",
    });
    expect(problems).toEqual([
      'content/authors.yaml: [0].kind: "desk" is not a kind of author; use one of organization, person',
      expect.stringMatching(
        new RegExp(
          `^${A}/ahead.mdx: updates\\[0\\]\\.date: 2099-01-02 is after the build date \\d{4}-\\d\\d-\\d\\d; date the update on the day it is made, not ahead$`,
        ),
      ),
    ]);
    expect(counts.authors).toBe(0);
  });

  it("warns about a placeholder dek without failing", () => {
    const result = audit({
      [`${A}/fresh.mdx`]: articleText({ description: JSON.stringify(PLACEHOLDER_DEK) }),
    });
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([
      `${A}/fresh.mdx: description: still the placeholder written by npm run new; write the dek`,
    ]);
  });

  it("refuses props only a build could read, and files that are not articles", () => {
    const { problems } = audit({
      [`${A}/spread.mdx`]: articleText({}, "<Move {...props} />"),
      [`${A}/notes.md`]: articleText(),
      [`${A}/Capital.mdx`]: articleText(),
    });
    expect(problems).toEqual([
      `${A}/Capital.mdx: (file name): "Capital" is not a slug (lowercase letters a-z, digits and single hyphens, as in the article's address); rename the file to capital.mdx`,
      `${A}/notes.md: (file name): only .mdx files are articles; rename it to notes.mdx if it is one, or move it out of content/articles (images, .avif .gif .jpeg .jpg .png .svg .webp, may stay), or start its name with _ to keep it here unpublished`,
      `${A}/spread.mdx: line 10: <Move {...props}>: {...props}: spread props are not accepted; write each prop`,
    ]);
  });
});

describe("readLastModified, the sitemap's lastmod", () => {
  it("dates each article by its latest update or correction, else its date", () => {
    const dates = readLastModified(".");
    expect(dates.get("byd-puts-deepseek-in-its-cars")).toBe("2025-02-12");
    expect(dates.get("baidu-releases-reasoning-model")).toBe("2025-03-18");
    expect(dates.get("nvidia-record-one-day-loss")).toBe("2025-01-27");
    expect(dates.size).toBe(readdirSync(A).filter((f) => f.endsWith(".mdx")).length);
  });

  it("reads corrections too, and leaves out an article the build would refuse", () => {
    const copy = makeSiteCopy({
      [`${A}/corrected.mdx`]: articleText({
        corrections: '[{ date: 2025-02-05, text: "Fixed a figure." }]',
        updates: '[{ date: 2025-02-04, text: "Added a session." }]',
      }),
      [`${A}/broken.mdx`]: articleText({ date: '"2025-13-01"' }),
    });
    cleanups.push(copy.cleanup);
    const dates = readLastModified(copy.dir);
    expect(dates.get("corrected")).toBe("2025-02-05");
    expect(dates.has("broken")).toBe(false);
  });
});
