/**
 * `npm run check:content` says what the build says: for each bad-content fixture, a copy of the site
 * is built (and fails) and checked, and the problem lines of both are compared.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildCopy, makeSiteCopy, run, type Overrides } from "../support/site-copy";
import { articleText } from "../support/articles";

const A = "content/articles";
const NVDA = "content/prices/nvda.json";

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((cleanup) => cleanup());
  cleanups = [];
});

/** Problem lines: the ones that start with a content file, without terminal colours, once each. */
function problemLines(output: string): string[] {
  const lines = output
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("content/"));
  return [...new Set(lines)].sort();
}

function buildAndCheck(overrides: Overrides) {
  const copy = makeSiteCopy(overrides);
  cleanups.push(copy.cleanup);
  const build = buildCopy(copy.dir);
  const check = run(copy.dir, process.execPath, [resolve("scripts/check-content.ts")]);
  return { build, check };
}

const snapshot = JSON.parse(readFileSync(NVDA, "utf8"));
const badBar = structuredClone(snapshot);
badBar.bars[2].high = Math.min(badBar.bars[2].open, badBar.bars[2].close) - 1;

const FIXTURES: [string, Overrides][] = [
  [
    "frontmatter problems in several articles",
    {
      [`${A}/typo.mdx`]: articleText({ tikcers: "[nvda]" }),
      [`${A}/bad-date.mdx`]: articleText({ date: "2025-02-30" }),
      [`${A}/no-frontmatter.mdx`]: "# Just a heading\n",
      [`${A}/bad-tag.mdx`]: articleText({ tags: "[Nvidia, markets]" }),
      [`${A}/long-title.mdx`]: articleText({ title: JSON.stringify("A".repeat(121)) }),
      [`${A}/no-author.mdx`]: articleText({ authors: "" }),
      [`${A}/update-ahead.mdx`]: articleText({ updates: '[{ date: 2099-01-01, text: "A later session." }]' }),
      [`${A}/bad-format.mdx`]: articleText({ format: "opinion" }),
    },
  ],
  [
    "references to unknown tickers and tags, and a duplicate slug",
    {
      [`${A}/unknown-ticker.mdx`]: articleText({ tickers: "[nvda, nvdaa]" }),
      [`${A}/unknown-tag.mdx`]: articleText({ tags: "[nvidia, crypto]" }),
      [`${A}/unknown-author.mdx`]: articleText({ authors: "[news-desk, jane]" }),
      [`${A}/2025/nvidia-record-one-day-loss.mdx`]: articleText(),
    },
  ],
  [
    "two files sharing a slug, each with its own unknown ticker",
    {
      [`${A}/shared-slug.mdx`]: articleText({ tickers: "[nvda, nvdaa]" }),
      [`${A}/2025/shared-slug.mdx`]: articleText({ tickers: "[nvdx]" }),
    },
  ],
  ["a price bar whose high is below its open", { [NVDA]: JSON.stringify(badBar) }],
  ["a price snapshot that is not JSON (one problem, not also a missing snapshot)", { [NVDA]: "{ not json" }],
  [
    "a component without its required ticker",
    { [`${A}/no-ticker.mdx`]: articleText({}, 'At <Close date="2025-01-27" />.') },
  ],
  [
    "a ticker with a made-up currency",
    {
      "content/tickers.yaml": readFileSync("content/tickers.yaml", "utf8").replace(
        "currency: HKD",
        "currency: HKX",
      ),
    },
  ],
  [
    "a move on a day with no trading",
    { [`${A}/weekend.mdx`]: articleText({}, 'Shares <Move ticker="nvda" date="2025-01-26" />.') },
  ],
  [
    "a record the data do not show",
    { [`${A}/record.mdx`]: articleText({}, 'It was <Record ticker="nvda" date="2025-01-27" />.') },
  ],
  [
    "a close of an unknown ticker",
    { [`${A}/close.mdx`]: articleText({}, 'At <Close ticker="nvdx" date="2025-01-27" />.') },
  ],
  [
    "a chart marker outside the chart's range (a prop written as an expression)",
    {
      [`${A}/chart-marker.mdx`]: articleText(
        {},
        '<PriceChart\n  ticker="nvda"\n  from="2025-01-13"\n  to="2025-01-27"\n  markers={[{ date: "2025-02-03", label: "Later" }]}\n/>',
      ),
    },
  ],
  [
    "a chart with its default range, for an article dated before the data",
    { [`${A}/chart-early.mdx`]: articleText({ date: "2023-06-01" }, '<PriceChart ticker="nvda" />') },
  ],
  [
    "a chart of a type that does not exist",
    { [`${A}/chart-type.mdx`]: articleText({}, '<PriceChart ticker="nvda" type="bars" height={320} />') },
  ],
  [
    "a move over a range outside the data",
    { [`${A}/range.mdx`]: articleText({}, '<Move ticker="tsla" from="2024-01-02" to="2025-01-27" />') },
  ],
];

describe("check:content and the build report the same problems", () => {
  it.each(FIXTURES)("%s", (_name, overrides) => {
    const { build, check } = buildAndCheck(overrides);
    expect(build.status, build.output).not.toBe(0);
    expect(check.status, check.output).toBe(1);
    const fromBuild = problemLines(build.output);
    expect(fromBuild.length, build.output).toBeGreaterThan(0);
    expect(problemLines(check.output)).toEqual(fromBuild);
  });

  it("a misspelt component: both name the file, the line and the fix", () => {
    const { build, check } = buildAndCheck({
      [`${A}/typo-tag.mdx`]: articleText({}, 'Shares <Moev ticker="nvda" date="2025-01-27" />.'),
    });
    expect(build.status).not.toBe(0);
    const expected = [
      `${A}/typo-tag.mdx: line 10: <Moev ticker="nvda" date="2025-01-27">: unknown component Moev; the components are Close, CompareChart, Move, Price, PriceChart, Record (see docs/editing.md)`,
    ];
    expect(problemLines(build.output)).toEqual(expected);
    expect(problemLines(check.output)).toEqual(expected);
  });

  it("broken YAML: both stop and name the file (in the build, Astro's own YAML reader speaks first)", () => {
    const { build, check } = buildAndCheck({
      [`${A}/bad-yaml.mdx`]: articleText({ tags: "[nvidia, markets" }),
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(/content\/articles\/bad-yaml\.mdx:\d+/);
    expect(problemLines(check.output)).toEqual([
      expect.stringMatching(
        new RegExp(`^${A}/bad-yaml.mdx: \\(frontmatter\\): not valid YAML at line \\d+: `),
      ),
    ]);
  });

  it("an unclosed tag: both stop at the same line and column", () => {
    const { build, check } = buildAndCheck({
      [`${A}/unclosed.mdx`]: articleText({}, 'Shares <Move ticker="nvda" date="2025-01-27"> fell.'),
    });
    expect(build.status).not.toBe(0);
    const expected = [
      expect.stringMatching(
        new RegExp(
          `^${A}/unclosed.mdx: \\(body\\): not valid MDX: line 10, column 8: Expected a closing tag for \`<Move>\``,
        ),
      ),
    ];
    expect(problemLines(build.output)).toEqual(expected);
    expect(problemLines(check.output)).toEqual(problemLines(build.output));
  });
});
