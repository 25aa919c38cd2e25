/**
 * Charts: from the props of <PriceChart> to a resolved ChartSpec, its wording (caption, text
 * alternative, source line), its static SVG, what it embeds for the browser, and the article days a
 * ticker page marks.
 */
export * from "./spec.ts";
export * from "./props.ts";
export * from "./resolve.ts";
export * from "./wording.ts";
export * from "./svg.ts";
export * from "./embed.ts";
export * from "./ticker-markers.ts";
