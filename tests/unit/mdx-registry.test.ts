import { describe, expect, it } from "vitest";
import {
  ARTICLE_ONLY,
  componentProblem,
  computeComponent,
  lookupTicker,
  MDX_COMPONENTS,
  type MdxComponentName,
} from "../../src/lib/mdx/index.ts";
import { componentData, tickers } from "../support/price-data.ts";

const data = componentData(["nvda"]);
const nvda = data.snapshots.get("nvda")!.bars;
const article = { id: "nvidia-rout", file: "content/articles/nvidia-rout.mdx", date: "2025-01-27" };
/** What component `name` computes, or the error it throws, as the page would see it before wrapping. */
const compute = (name: MdxComponentName, props: Record<string, unknown>) =>
  MDX_COMPONENTS[name].compute(props, article, data);

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

  it("says a registered ticker has no price snapshot, rather than calling it unknown", () => {
    expect(() => lookupTicker(data, "tsla")).toThrow(
      'ticker: ticker "tsla" has no price snapshot; import one into content/prices/tsla.json with npm run import-prices',
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
    ["Close", { ticker: "nvda", date: "2030-01-02" }, /^2030-01-02 is outside the data: the data run from /],
    [
      "Price",
      { ticker: "nvda", date: "2025-01-27", basis: "volume" },
      /^basis="volume" is not accepted; use one of close, open, high, low$/,
    ],
    [
      "Record",
      { ticker: "nvda", date: "2025-01-27" },
      /^the close on 2025-01-27 \(\$118\.42\) is not a record/,
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
  ])("%s %o: %s", (name, props, expected) => {
    expect(() => compute(name, props)).toThrow(expected);
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
