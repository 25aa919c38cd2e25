/**
 * Charts: from the props of <PriceChart> to a resolved ChartSpec, its wording (caption, text
 * alternative, source line), its static SVG, what it embeds for the browser, and the article days a
 * ticker page marks; a ticker page's chart with its ranges and benchmark; <CompareChart>'s comparison.
 */
export * from "./spec.ts";
export * from "./props.ts";
export * from "./resolve.ts";
export * from "./wording.ts";
export * from "./svg.ts";
export * from "./embed.ts";
export * from "./ticker-markers.ts";
export * from "./ticker-chart.ts";
export * from "./compare.ts";
export * from "./styles.ts";
