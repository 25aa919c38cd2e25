import { readFileSync } from "node:fs";
import { readTickers } from "../../src/lib/content/read.ts";
import {
  priceSnapshotSchema,
  seriesEvents,
  type PriceSnapshot,
  type TickerData,
} from "../../src/lib/prices/index.ts";
import type { Ticker } from "../../src/lib/content/index.ts";

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

/** A ticker's data (what figures and charts read), from the real content. */
export function tickerData(id: string): TickerData {
  const data = snapshot(id);
  return { ticker: ticker(id), bars: data.bars, events: seriesEvents(data), snapshot: data };
}

/** What the components read, for the given tickers of the real content. */
export function componentData(ids: readonly string[]) {
  return {
    tickerById: new Map(tickers.map((t) => [t.id, t])),
    snapshots: new Map(ids.map((id) => [id, snapshot(id)])),
  };
}
