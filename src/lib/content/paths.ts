/**
 * Where content lives and which files are which: the paths error messages name, the pattern that finds
 * articles, and how a file's name becomes its entry's id.
 */
import { basename, extname } from "node:path";
import { SLUG, slugify } from "./slug.ts";

/** Where content lives, relative to the project root; error messages use these paths. */
export const CONTENT = {
  articles: "content/articles",
  tickers: "content/tickers.yaml",
  tags: "content/tags.yaml",
  authors: "content/authors.yaml",
  prices: "content/prices",
} as const;

/**
 * The files under CONTENT.articles the build's loader reads: `.mdx` files whose names start with
 * neither `_` (notes, partials) nor `.` (editor and system files), at any depth. Every other file there
 * is an image (isImageFile) or an error (articleFileProblem), so nothing is skipped without a word.
 */
export const ARTICLE_PATTERN = "**/[^_.]*.mdx";

/** A file or folder under CONTENT.articles that is never read: notes (`_x.mdx`) and system files (`.x`). */
export function isIgnoredName(name: string): boolean {
  return name.startsWith("_") || name.startsWith(".");
}

/** Images an article shows sit next to it (`./chart.png`): these files are not articles, nor errors. */
export const IMAGE_EXTENSIONS = [".avif", ".gif", ".jpeg", ".jpg", ".png", ".svg", ".webp"] as const;

/** True for an image file (any case of extension: cameras write .JPG). */
export function isImageFile(file: string): boolean {
  return (IMAGE_EXTENSIONS as readonly string[]).includes(extname(file).toLowerCase());
}

/**
 * Why a file under CONTENT.articles (`file`, its path from the project root) cannot be an article,
 * or undefined when it is one (images are neither: see isImageFile). Articles are lowercase `.mdx` files named by the slug rule (SLUG), so
 * a name is the same URL on every disk and host, and no two can differ only by case.
 */
export function articleFileProblem(file: string): string | undefined {
  const name = basename(file);
  const extension = extname(name);
  const stem = basename(name, extension);
  const hint = `move it out of content/articles (images, ${IMAGE_EXTENSIONS.join(" ")}, may stay), or start its name with _ to keep it here unpublished`;
  if (extension !== ".mdx") {
    const as = `${slugify(stem) || "a-slug"}.mdx`;
    return extension.toLowerCase() === ".mdx"
      ? `${file}: (file name): the extension ${extension} must be lowercase: rename the file to ${as}`
      : `${file}: (file name): only .mdx files are articles; rename it to ${as} if it is one, or ${hint}`;
  }
  if (!SLUG.test(stem)) {
    return `${file}: (file name): "${stem}" is not a slug (lowercase letters a-z, digits and single hyphens, as in the article's address); rename the file${slugify(stem) ? ` to ${slugify(stem)}.mdx` : ""}`;
  }
  return undefined;
}

/**
 * The id of a content entry is its file name without the extension: `content/articles/2025/nvidia-rout.mdx`
 * is the article `nvidia-rout` (its URL slug), `content/prices/nvda.json` the snapshot of ticker `nvda`.
 */
export function idOfFile(file: string): string {
  return basename(file, extname(file));
}
