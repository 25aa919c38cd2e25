/**
 * Content files: where they live and how they are named, their schemas, the checks that span files,
 * the internal-link check, the encoding of files, the publication rule and article indexes, and the
 * messages every check words its problems with. Reading files from disk is ./read.ts, imported on its
 * own.
 */
export * from "./paths.ts";
export * from "./errors.ts";
export * from "./fields.ts";
export * from "./slug.ts";
export * from "./frontmatter.ts";
export * from "./schema.ts";
export * from "./checks.ts";
export * from "./links.ts";
export * from "./encoding.ts";
export * from "./articles.ts";
export * from "./formats.ts";
