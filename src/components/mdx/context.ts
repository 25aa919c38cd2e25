/**
 * How MDX components know which article they are in: the article page (and the feed renderer) put
 * the article in `Astro.locals` before rendering its body. Errors then name the article's file.
 */
import { getSiteData } from "../../site-data.ts";
import type { Bar, Ticker } from "../../lib/schema.ts";
export { describeTag } from "../../lib/mdx-tags.ts";

export interface ArticleContext {
  /** Slug of the article. */
  id: string;
  /** Source file, for error messages: content/articles/<slug>.mdx */
  file: string;
  /** Publication date: the default centre of charts and default marker. */
  date: string;
}

export function articleContext(locals: App.Locals, tag: string): ArticleContext {
  if (!locals.article) {
    throw new Error(`${tag}: price components only work inside an article body (no article in Astro.locals)`);
  }
  return locals.article;
}

/** Wraps a failure so the build error names the file, the tag as written, and the problem. */
export function componentError(context: ArticleContext, tag: string, error: unknown): Error {
  return new Error(`${context.file}: ${tag}: ${error instanceof Error ? error.message : String(error)}`);
}

/** The ticker and its bars, or an error listing the known ids. */
export async function resolveTicker(ticker: unknown): Promise<{ ticker: Ticker; bars: Bar[] }> {
  const data = await getSiteData();
  const found = typeof ticker === "string" ? data.tickerById.get(ticker) : undefined;
  const bars = found && data.bars.get(found.id);
  if (!found || !bars) {
    const known = [...data.tickerById.keys()].sort().join(", ");
    throw new Error(`ticker: unknown ticker ${JSON.stringify(ticker)} (known: ${known})`);
  }
  return { ticker: found, bars };
}
