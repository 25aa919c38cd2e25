/**
 * The market-data provider layer: one interface that every source of daily bars implements, so the
 * update-prices command can ask any of them for the same thing and get the same shape back.
 *
 * A provider never writes a file and never logs; it returns a ProviderSeries or throws a ProviderError
 * (./errors.ts) whose `kind` says what went wrong and whether trying again can help.
 */
import type { Bar } from "../../../src/lib/prices/index.ts";

/** What a caller asks for: one symbol's daily bars from `from` to `to`, both inclusive. */
export interface DailyRequest {
  /** The symbol in the provider's own form: `AAPL`, `1211.HK`, `^IXIC` for Yahoo. */
  symbol: string;
  /** First trading day wanted, `YYYY-MM-DD` in the exchange's calendar. */
  from: string;
  /** Last trading day wanted, `YYYY-MM-DD` in the exchange's calendar, inclusive. */
  to: string;
  /**
   * The ISO 4217 code the caller expects (the ticker's currency in content/tickers.yaml). When given,
   * a series in another currency, or whose currency the provider does not report, is refused with a
   * "currency" error instead of being returned.
   */
  currency?: string;
}

/** A split, e.g. 4-for-1 is numerator 4, denominator 1: one old share became four. */
export interface Split {
  /** The first trading day at the new share count (the ex-date), in the exchange's calendar. */
  date: string;
  numerator: number;
  denominator: number;
}

/** What every provider returns. */
export interface ProviderSeries {
  /** The provider's `name`, e.g. "yahoo" or "csv:stooq". */
  provider: string;
  /** The symbol as requested. */
  symbol: string;
  /** ISO 4217 code as the provider reports it; null when it reports none (Yahoo does, for some symbols). */
  currency: string | null;
  /** The exchange's IANA time zone, when the provider says. */
  timezone?: string;
  /**
   * "as-traded": prices as they traded that day (Yahoo's split-adjusted prices are converted back).
   * "split-adjusted": prices divided by every later split; only a CSV source declared so returns this.
   * A snapshot source records it as its `basis`.
   */
  basis: "as-traded" | "split-adjusted";
  /** Daily bars within [from, to], oldest first, one per trading day, each a valid snapshot bar. */
  bars: Bar[];
  /** Splits whose ex-date falls within [from, to], oldest first. */
  splits: Split[];
  /** When the data were fetched, an ISO timestamp (UTC). */
  retrievedAt: string;
  /** Every URL requested for this series, in order, with any key replaced by `***`. */
  requests: string[];
  /**
   * What a reader of the data should know, one sentence each: days left out and why, splits undone.
   * Suitable for a snapshot's source `notes`.
   */
  notes: string[];
  /** Trading days inside [from, to] the provider answered for without prices (never filled in). */
  missing?: { date: string; reason: string }[];
  /** How the provider delivered the prices before any conversion, when it differs from `basis`. */
  delivered?: "as-traded" | "split-adjusted";
}

/** A source of daily bars. */
export interface PriceProvider {
  readonly name: string;
  fetchDaily(request: DailyRequest): Promise<ProviderSeries>;
}
