/**
 * How MDX components know which article they are in: the article page (and the feed renderer) put
 * the article in `Astro.locals` before rendering its body. Errors then name the article's file.
 */
import { getSiteData } from "../../site-data.ts";
import { componentProblem, lookupTicker } from "../../lib/component-check.ts";
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
  return new Error(componentProblem(context.file, tag, error));
}

/** The ticker and its bars, or an error listing the known ids (the same lookup check:content runs). */
export async function resolveTicker(ticker: unknown): Promise<{ ticker: Ticker; bars: readonly Bar[] }> {
  return lookupTicker(await getSiteData(), ticker);
}
