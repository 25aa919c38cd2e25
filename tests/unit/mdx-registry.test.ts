import { describe, expect, it } from "vitest";
import {
  ARTICLE_ONLY,
  articleContext,
  componentProblem,
  computeComponent,
  lookupTicker,
  MDX_COMPONENTS,
  type MdxComponentName,
  MDX_COMPONENT_NAMES,
  scanMdx,
} from "../../src/lib/mdx/index.ts";
import { componentData, tickers } from "../support/price-data.ts";

const data = componentData(["nvda", "avgo", "tsm", "ixic", "byd", "tsla"]);
const nvda = data.snapshots.get("nvda")!.bars;
/** An article of 27 January 2025 updated on 3 February: its figures and charts may use data up to then. */
const article = articleContext({
  id: "nvidia-rout",
  file: "content/articles/nvidia-rout.mdx",
  data: {
    date: "2025-01-27",
    updates: [{ date: "2025-02-03" }],
    tickers: ["nvda", "avgo", "tsm", "ixic"],
  },
});
/** What component `name` computes, or the error it throws, as the page would see it before wrapping. */
const compute = (name: MdxComponentName, props: Record<string, unknown>) =>
  MDX_COMPONENTS[name].compute(props, article, data);

describe("articleContext", () => {
  it("is as of the article's date, or of its latest update", () => {
    expect(article).toEqual({
      id: "nvidia-rout",
      file: "content/articles/nvidia-rout.mdx",
      date: "2025-01-27",
      asOf: "2025-02-03",
      tickers: ["nvda", "avgo", "tsm", "ixic"],
    });
    const plain = articleContext({ id: "x", file: "content/articles/x.mdx", data: { date: "2025-01-27" } });
    expect([plain.asOf, plain.tickers]).toEqual(["2025-01-27", []]);
    const updates = { date: "2025-01-27", updates: [{ date: "2025-02-10" }, { date: "2025-01-30" }] };
    expect(articleContext({ id: "x", file: "x.mdx", data: updates }).asOf).toBe("2025-02-10");
  });
});

describe("lookupTicker", () => {
  it("gives the ticker and its bars", () => {
    const found = lookupTicker(data, "nvda");
    expect(found.ticker.symbol).toBe("NVDA");
    expect(found.bars).toBe(nvda);
  });

  it("says a missing ticker is required, not unknown", () => {
    expect(() => lookupTicker(data, undefined)).toThrow(
      'ticker is required and missing: add ticker="…" (a ticker id)',
    );
  });

  it.each([["nvdx"], [""], [42]])("names the bad value %s and lists the known ids", (value) => {
    expect(() => lookupTicker(data, value)).toThrow(
      `ticker: unknown ticker ${JSON.stringify(value)} (known: ${tickers
        .map((t) => t.id)
        .sort()
        .join(", ")})`,
    );
  });

  it("in an article, accepts only the tickers its frontmatter lists", () => {
    expect(() => lookupTicker(data, "tsla", article)).toThrow(
      'ticker: "tsla" is not among the article\'s tickers (nvda, avgo, tsm, ixic); add it to tickers: in the frontmatter',
    );
    expect(lookupTicker(data, "avgo", article).ticker.name).toBe("Broadcom");
  });

  it("says a registered ticker has no price snapshot, rather than calling it unknown", () => {
    expect(() => lookupTicker(data, "msft")).toThrow(
      'ticker: ticker "msft" has no price snapshot; import one into content/prices/msft.json with npm run import-prices',
    );
  });
});

describe("each component's compute", () => {
  it("passes the tags of a real article", () => {
    for (const [name, props] of [
      ["Move", { ticker: "nvda", date: "2025-01-27" }],
      ["Move", { ticker: "nvda", from: "2025-01-24", to: "2025-02-03", format: "signed" }],
      ["Close", { ticker: "nvda", date: "2025-01-28" }],
      ["Price", { ticker: "nvda", date: "2025-01-27", basis: "low" }],
      ["PriceChart", { ticker: "nvda" }],
      ["PriceChart", { ticker: "nvda", volume: true }],
      ["CompareChart", { tickers: ["nvda", "avgo", "tsm", "ixic"], from: "2025-01-24" }],
      [
        "PriceChart",
        {
          ticker: "nvda",
          from: "2025-01-13",
          to: "2025-01-27",
          markers: [{ date: "2025-01-27", label: "Sell-off" }],
        },
      ],
    ] as const) {
      expect(() => compute(name, props)).not.toThrow();
    }
  });

  it.each<[MdxComponentName, Record<string, unknown>, RegExp]>([
    [
      "Move",
      { ticker: "nvda", date: "2025-01-27", to: "2025-01-28" },
      /^give either date, or from and to, not both$/,
    ],
    ["Move", { ticker: "nvda" }, /^needs date="YYYY-MM-DD", or from="YYYY-MM-DD" and to="YYYY-MM-DD"$/],
    [
      "Move",
      { ticker: "nvda", date: "2025-01-27", basis: "open" },
      /^basis="open" is not accepted; use one of close, high, low$/,
    ],
    ["Close", { ticker: "nvda", date: "2024-06-03" }, /^2024-06-03 is outside the data: the data run from /],
    [
      "Price",
      { ticker: "nvda", date: "2025-01-27", basis: "volume" },
      /^basis="volume" is not accepted; use one of close, open, high, low$/,
    ],
    [
      "Record",
      { ticker: "nvda", date: "2025-01-27" },
      /^the close on 2025-01-27 \(\$118\.42\) is not the highest close since 1 October 2024/,
    ],
    ["Close", { ticker: "NVDA", date: "2025-01-27" }, /^ticker: unknown ticker "NVDA"/],
    [
      "PriceChart",
      { ticker: "nvda", from: "2025-01-27", to: "2025-01-13" },
      /^from \(2025-01-27\) is after to \(2025-01-13\)/,
    ],
    [
      "PriceChart",
      { ticker: "nvda", type: "bars" },
      /^type="bars" is not a chart type; use one of area, line, candles$/,
    ],
    ["PriceChart", { ticker: "nvdx" }, /^ticker: unknown ticker "nvdx"/],
    ["PriceChart", { ticker: "tsla" }, /^ticker: "tsla" is not among the article's tickers/],
    ["CompareChart", { tickers: ["nvda", "tsla"], from: "2025-01-24" }, /^tickers\[1\]: "tsla" is not among/],
    [
      "CompareChart",
      { tickers: ["nvda", "nvdx"], from: "2025-01-24" },
      /^tickers\[1\]: unknown ticker "nvdx"/,
    ],
    ["CompareChart", { tickers: "nvda", from: "2025-01-24" }, /^tickers must be a list of 2 to 6 ticker ids/],
  ])("%s %o: %s", (name, props, expected) => {
    expect(() => compute(name, props)).toThrow(expected);
  });
});

describe("no look-ahead in figures", () => {
  const refused = (prop: string, date: string) =>
    `${prop}="${date}" is after the article's as-of date, 2025-02-03 (the date of its latest update): an article's figures use no prices from after it; use a date on or before 2025-02-03, or, when the article is updated with later news, add an entry to updates: dated that day (a chart can show later days with afterPublication)`;

  it.each<[MdxComponentName, Record<string, unknown>, string]>([
    ["Move", { ticker: "nvda", date: "2025-02-04" }, refused("date", "2025-02-04")],
    ["Move", { ticker: "nvda", from: "2025-01-24", to: "2025-02-04" }, refused("to", "2025-02-04")],
    ["Close", { ticker: "nvda", date: "2025-02-18" }, refused("date", "2025-02-18")],
    ["Price", { ticker: "nvda", date: "2025-02-04", basis: "high" }, refused("date", "2025-02-04")],
    ["Record", { ticker: "nvda", date: "2025-06-27" }, refused("date", "2025-06-27")],
  ])("%s %o is refused", (name, props, message) => {
    expect(() => compute(name, props)).toThrow(message);
  });

  it("accepts the as-of date itself", () => {
    expect(compute("Close", { ticker: "nvda", date: "2025-02-03" })).toBe("$116.66");
  });

  it("says an article without updates is as of its publication date", () => {
    const plain = articleContext({ id: "x", file: "x.mdx", data: { date: "2025-01-27", tickers: ["nvda"] } });
    expect(() => MDX_COMPONENTS.Close.compute({ ticker: "nvda", date: "2025-01-28" }, plain, data)).toThrow(
      "is after the article's as-of date, 2025-01-27 (its publication date)",
    );
  });
});

describe("the editing guide's examples", () => {
  it.each(MDX_COMPONENT_NAMES)("<%s>'s examples compute in an article as of 10 March 2025", (name) => {
    const all = componentData(tickers.map((t) => t.id));
    const march = articleContext({
      id: "x",
      file: "content/articles/x.mdx",
      data: { date: "2025-03-10", tickers: tickers.map((t) => t.id) },
    });
    const { tags } = scanMdx(`---\ntitle: x\n---\n\n${MDX_COMPONENTS[name].docs.example}\n`);
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) {
      expect(() =>
        computeComponent(tag.name as MdxComponentName, tag.props, { article: march }, all),
      ).not.toThrow();
    }
  });
});

describe("componentProblem", () => {
  it("reads file: tag: problem", () => {
    expect(componentProblem("content/articles/x.mdx", "<Move>", new Error("bad"))).toBe(
      "content/articles/x.mdx: <Move>: bad",
    );
  });
});

describe("computeComponent", () => {
  it("names the article file and the tag as written", () => {
    expect(() =>
      computeComponent("Close", { ticker: "nvda", date: "2025-01-25" }, { article }, data),
    ).toThrow(
      'content/articles/nvidia-rout.mdx: <Close ticker="nvda" date="2025-01-25">: 2025-01-25 was not a trading day in the data; the nearest trading days are 2025-01-24 and 2025-01-27',
    );
  });

  it("refuses a figure outside an article, naming the page", () => {
    expect(() =>
      computeComponent("Move", { ticker: "nvda", date: "2025-01-27" }, { page: "/tickers/nvda/" }, data),
    ).toThrow(`page /tickers/nvda/: <Move ticker="nvda" date="2025-01-27">: ${ARTICLE_ONLY}`);
  });

  it("gives what the component renders", () => {
    expect(computeComponent("Close", { ticker: "nvda", date: "2025-01-27" }, { article }, data)).toBe(
      "$118.42",
    );
  });
});
