/**
 * What pages tell search engines and social sites: structured data, descriptions, Open Graph cards.
 * Drawing the cards and caching them on disk is ./og-image-files.ts, imported on its own.
 */
export * from "./metadata.ts";
export * from "./og-card.ts";
export * from "./news-sitemap.ts";
