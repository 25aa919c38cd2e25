/**
 * Feeds: channels and the one item builder, the RSS, Atom and JSON Feed writers it feeds, chart images,
 * and article HTML made fit for readers.
 */
export * from "./build.ts";
export * from "./clean-html.ts";
export { JSON_FEED_VERSION } from "./json-feed.ts";
