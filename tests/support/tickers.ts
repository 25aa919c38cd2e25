import type { Ticker } from "../../src/lib/content/index.ts";

/** Nvidia as content/tickers.yaml describes it, for tests that need a ticker without reading the file. */
export const NVDA: Ticker = {
  id: "nvda",
  symbol: "NVDA",
  name: "Nvidia",
  exchange: "NASDAQ",
  currency: "USD",
  kind: "stock",
  timezone: "America/New_York",
};
