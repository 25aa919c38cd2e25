/**
 * Prices: the snapshot schema and file format, the maths over daily bars (closes, moves, ranges,
 * records), CSV parsing, number formatting, and the figures editors put in prose. Reading snapshots
 * from disk is ./read.ts, imported on its own.
 */
export * from "./snapshot.ts";
export * from "./bars.ts";
export * from "./csv.ts";
export * from "./format.ts";
export * from "./figures.ts";
export * from "./ticker-summary.ts";
export * from "./after.ts";
export * from "./look-ahead.ts";
