import { readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { auditContent } from "../../scripts/lib/content-audit.ts";
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
      [`${A}/weekend.mdx`]: articleText({}, 'Shares <Move ticker="nvda" date="2025-01-26" /> on Sunday.'),
      [`${A}/2025/weekend.mdx`]: articleText(),
      [`${A}/_ignored.mdx`]: articleText({ title: "" }, "<Nonsense />"),
      [`${A}/2025/.ignored.mdx`]: articleText({ title: "" }, "<Nonsense />"),
    });
    expect(problems).toEqual([
      `${A}/bad-date.mdx: date: "2025-13-01" is not a calendar date; write YYYY-MM-DD, e.g. 2025-01-27`,
      `${A}/typo.mdx: tikcers: is not a known field; the fields are title, description, date, updated, author, tickers, tags, draft, image`,
      expect.stringMatching(
        new RegExp(`^${A}/unknown-ticker.mdx: tickers\\[1\\]: unknown ticker "nvdx" \\(known: amzn, `),
      ),
      `${A}/2025/weekend.mdx: (file name): slug "weekend" is already used by ${A}/weekend.mdx; each article needs a unique file name`,
      `${A}/weekend.mdx: line 10: <Move ticker="nvda" date="2025-01-26">: 2025-01-26 was not a trading day in the data; the nearest trading days are 2025-01-24 and 2025-01-27`,
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
          `^${A}/later.mdx: line 10: <Record ticker="nvda" date="2025-01-27">: the close on 2025-01-27 \\(\\$118\\.42\\) is not a record: the close on \\d{4}-\\d\\d-\\d\\d was \\$\\d`,
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
      `${A}/typo-tag.mdx: line 10: <Moev ticker="nvda" date="2025-01-27">: unknown component Moev; the components are Close, Move, Price, PriceChart, Record (see docs/editing.md)`,
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
