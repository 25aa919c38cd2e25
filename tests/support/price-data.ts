import { readFileSync } from "node:fs";
import { readTickers } from "../../src/lib/content-check";
import { priceSnapshotSchema, type PriceSnapshot, type Ticker } from "../../src/lib/schema";

/** The site's tickers, read and validated from content/tickers.yaml. */
export const tickers: Ticker[] = readTickers("content/tickers.yaml");

export function ticker(id: string): Ticker {
  const found = tickers.find((t) => t.id === id);
  if (!found) throw new Error(`no ticker ${id} in content/tickers.yaml`);
  return found;
}

/** A real price snapshot from content/prices/, validated as the build validates it. */
export function snapshot(id: string): PriceSnapshot {
  return priceSnapshotSchema.parse(JSON.parse(readFileSync(`content/prices/${id}.json`, "utf8")));
}

/** What resolveChart needs for a ticker, from the real content. */
export function chartSource(id: string) {
  const data = snapshot(id);
  return { ticker: ticker(id), bars: data.bars, snapshot: data };
}
