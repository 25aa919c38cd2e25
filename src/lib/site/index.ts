/**
 * The site: its one configuration (name, URL, locale), the spelling of every URL, dates and their
 * formats, navigation, the theme rule, security headers, the keys of incremental builds and the
 * build timers (PERF_TIMERS=1).
 */
export * from "./config.ts";
export * from "./paths.ts";
export * from "./routes.ts";
export * from "./urls.ts";
export * from "./dates.ts";
export * from "./navigation.ts";
export * from "./edit-link.ts";
export * from "./theme.ts";
export * from "./theme-init.ts";
export * from "./search-text.ts";
export * from "./security-headers.ts";
export * from "./cache-key.ts";
export * from "./perf-timer.ts";
export * from "./archive.ts";
