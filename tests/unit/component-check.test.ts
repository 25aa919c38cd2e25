import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  checkComponent,
  componentProblem,
  lookupTicker,
  MDX_COMPONENTS,
} from "../../src/lib/component-check.ts";
import { snapshot, tickers } from "../support/price-data.ts";

const nvda = snapshot("nvda").bars;
const data = { tickerById: new Map(tickers.map((t) => [t.id, t])), bars: new Map([["nvda", nvda]]) };
const article = { date: "2025-01-27" };

describe("lookupTicker", () => {
  it("gives the ticker and its bars", () => {
    const found = lookupTicker(data, "nvda");
    expect(found.ticker.symbol).toBe("NVDA");
    expect(found.bars).toBe(nvda);
  });

  it.each([["nvdx"], [undefined], [42]])("names the bad value %s and lists the known ids", (value) => {
    expect(() => lookupTicker(data, value)).toThrow(
      `ticker: unknown ticker ${JSON.stringify(value)} (known: ${tickers
        .map((t) => t.id)
        .sort()
        .join(", ")})`,
    );
  });

  it("treats a registered ticker without price data as unknown", () => {
    expect(() => lookupTicker(data, "tsla")).toThrow(/unknown ticker "tsla"/);
  });
});

describe("checkComponent", () => {
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
      expect(() => checkComponent(name, props, article, data)).not.toThrow();
    }
  });

  it.each<[Parameters<typeof checkComponent>[0], Record<string, unknown>, RegExp]>([
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
    expect(() => checkComponent(name, props, article, data)).toThrow(expected);
  });
});

describe("componentProblem", () => {
  it("reads file: tag: problem", () => {
    expect(componentProblem("content/articles/x.mdx", "<Move>", new Error("bad"))).toBe(
      "content/articles/x.mdx: <Move>: bad",
    );
  });
});

describe("MDX_COMPONENTS", () => {
  it("names exactly the components the article page passes to MDX", () => {
    const index = readFileSync("src/components/mdx/index.ts", "utf8");
    const passed = /export const mdxComponents = \{([^}]*)\}/
      .exec(index)![1]!
      .split(",")
      .map((name) => name.trim());
    expect([...MDX_COMPONENTS]).toEqual(passed.filter(Boolean).sort());
  });
});
