/**
 * Number formatting for prices and moves. Everything a reader sees as a figure passes through here,
 * so rounding and signs are the same in prose, captions, tables and feeds.
 */
import { site } from "../site/config.ts";
import type { Move } from "./bars.ts";
import type { Ticker } from "../content/schema.ts";

const twoDecimals = new Intl.NumberFormat(site.numberLocale, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const currencyFormats = new Map<string, Intl.NumberFormat>();

/** A price without its unit, for tables and axes whose heading names the unit: "118.42", "19,341.83". */
export function formatAmount(value: number): string {
  return twoDecimals.format(value);
}

/** The unit prices are quoted in, for headings: "USD", "HKD", or "points" for an index. */
export function priceUnit(ticker: Pick<Ticker, "currency" | "kind">): string {
  return ticker.kind === "index" ? "points" : ticker.currency;
}

/** A price with its unit: "$118.42", "HK$327.80", or "19,341.83 points" for an index. */
export function formatPrice(value: number, ticker: Pick<Ticker, "currency" | "kind">): string {
  if (ticker.kind === "index") return `${formatAmount(value)} points`;
  let format = currencyFormats.get(ticker.currency);
  if (!format) {
    format = new Intl.NumberFormat(site.numberLocale, { style: "currency", currency: ticker.currency });
    currencyFormats.set(ticker.currency, format);
  }
  return format.format(value);
}

/**
 * A change in price with its sign and unit: "+$10.57", "-HK$2.40", "-612.47 points"; a change that
 * rounds to zero has no sign.
 */
export function formatSignedPrice(change: number, ticker: Pick<Ticker, "currency" | "kind">): string {
  const magnitude = formatPrice(Math.abs(change), ticker);
  const rounded = Math.round(Math.abs(change) * 100);
  return rounded === 0 ? magnitude : `${change > 0 ? "+" : "-"}${magnitude}`;
}

const compact = new Intl.NumberFormat(site.numberLocale, {
  notation: "compact",
  maximumFractionDigits: 2,
  minimumFractionDigits: 2,
});
const whole = new Intl.NumberFormat(site.numberLocale, { maximumFractionDigits: 0 });

/** A number of shares traded: "818.83M", "1.20B"; under ten thousand, in full ("9,870"). */
export function formatVolume(volume: number): string {
  return volume < 10_000 ? whole.format(volume) : compact.format(volume);
}

/**
 * Per cent rounded to 2 decimals, halves away from zero (a fall of 0.125% reads 0.13% like a rise
 * does), as a number: what every displayed percentage is based on.
 */
export function roundPercent(percent: number): number {
  const rounded = (Math.sign(percent) * Math.round(Math.abs(percent) * 100)) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** "16.97%" (magnitude only), or with `signed` "-16.97%" / "+8.93%" / "0.00%". */
export function formatPercent(percent: number, signed = false): string {
  const rounded = roundPercent(percent);
  const magnitude = `${twoDecimals.format(Math.abs(rounded))}%`;
  if (!signed || rounded === 0) return magnitude;
  return `${rounded > 0 ? "+" : "-"}${magnitude}`;
}

/** How a comparison states each series: rebased to 100 at its start, or as the per cent change from it. */
export type CompareMode = "rebased" | "percent";

/** A comparison's value as its mode writes it: "83.03" rebased, "-16.97%" as a change. */
export function formatCompareValue(value: number, mode: CompareMode): string {
  return mode === "rebased" ? formatAmount(value) : formatPercent(value, true);
}

export type Direction = "up" | "down" | "flat";

/** Direction of a move as displayed: a move that rounds to 0.00% is flat. */
export function direction(move: Pick<Move, "percent">): Direction {
  const rounded = roundPercent(move.percent);
  return rounded > 0 ? "up" : rounded < 0 ? "down" : "flat";
}

/**
 * A move in words, with the verb: "fell 16.97%", "rose 8.93%", "was unchanged"; for an intraday
 * extreme, "rose as much as 4.48%" (high) or "fell as much as 3.10%" (low). When the high was below
 * the previous close (or the low above it) the sentence says so instead of inventing a rise.
 */
export function moveWords(move: Pick<Move, "percent" | "basis">): string {
  const dir = direction(move);
  const size = formatPercent(move.percent);
  if (move.basis === "high") {
    if (dir === "up") return `rose as much as ${size}`;
    return dir === "flat"
      ? "never traded above the previous close"
      : `stayed at least ${size} below the previous close`;
  }
  if (move.basis === "low") {
    if (dir === "down") return `fell as much as ${size}`;
    return dir === "flat"
      ? "never traded below the previous close"
      : `stayed at least ${size} above the previous close`;
  }
  return dir === "up" ? `rose ${size}` : dir === "down" ? `fell ${size}` : "was unchanged";
}

/** The colour utility of a direction (src/styles/global.css tokens), always paired with a sign or words. */
export const DIRECTION_COLOUR: Record<Direction, string> = {
  up: "text-up",
  down: "text-down",
  flat: "text-muted",
};

/** The mark that shows a direction without colour, wherever a move is displayed with one. */
export function directionArrow(dir: Direction): string {
  return dir === "up" ? "▲" : dir === "down" ? "▼" : "■";
}

/** A direction in a word, for screen readers beside its mark: "up", "down", "unchanged". */
export function directionWord(dir: Direction): string {
  return dir === "up" ? "up" : dir === "down" ? "down" : "unchanged";
}

/** A row of the "What happened next" box: "1 trading day later", "20 trading days later", "Latest close". */
export function laterCloseLabel(days: number | undefined): string {
  if (days === undefined) return "Latest close";
  return `${days} trading day${days === 1 ? "" : "s"} later`;
}
