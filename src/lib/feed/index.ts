/** Feeds: channels and items, the one feed builder, chart images, and article HTML made fit for readers. */
export * from "./build.ts";
export * from "./clean-html.ts";
