/**
 * Article bodies: the registry of MDX components (what each computes, where it may be used, its docs)
 * and the scan of an MDX source for its component tags, as the build's parser sees them.
 */
export * from "./registry.ts";
export * from "./scan.ts";
