/**
 * Article bodies: the registry of MDX components (what each computes, where it may be used, its docs),
 * the allowlists of what an article and its rendered HTML may contain, and the scan that holds an MDX
 * source to them, as the build's parser sees it.
 */
export * from "./registry.ts";
export * from "./scan.ts";
export * from "./allowlist.ts";
export * from "./literal.ts";
