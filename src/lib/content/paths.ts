/**
 * Where content lives and which files are which: the paths error messages name, the pattern that finds
 * articles, and how a file's name becomes its entry's id.
 */
import { basename, extname } from "node:path";

/** Where content lives, relative to the project root; error messages use these paths. */
export const CONTENT = {
  articles: "content/articles",
  tickers: "content/tickers.yaml",
  tags: "content/tags.yaml",
  authors: "content/authors.yaml",
  prices: "content/prices",
} as const;

/**
 * Which files under CONTENT.articles are articles: `.mdx` files whose names start with neither `_`
 * (notes, partials) nor `.` (editor and system files), at any depth. The build's loader and
 * `npm run check:content` both find articles with it.
 */
export const ARTICLE_PATTERN = "**/[^_.]*.mdx";

/**
 * The id of a content entry is its file name without the extension: `content/articles/2025/nvidia-rout.mdx`
 * is the article `nvidia-rout` (its URL slug), `content/prices/nvda.json` the snapshot of ticker `nvda`.
 */
export function idOfFile(file: string): string {
  return basename(file, extname(file));
}
