/**
 * How MDX components know which article they are in: the article page (and the feed renderer) put
 * the article in `Astro.locals` before rendering its body. Errors then name the article's file.
 */
import { getSiteData } from "../../site-data.ts";
import { componentProblem, lookupTicker } from "../../lib/component-check.ts";
import type { Bar, PriceSnapshot, Ticker } from "../../lib/schema.ts";
export { describeTag } from "../../lib/mdx-tags.ts";

export interface ArticleContext {
  /** Slug of the article. */
  id: string;
  /** Source file, for error messages: content/articles/<slug>.mdx */
  file: string;
  /** Publication date: the default centre of charts and default marker. */
  date: string;
}

/** The context an article's body is rendered in, on its page and in feeds alike. */
export function articleContextOf(article: {
  id: string;
  filePath?: string;
  data: { date: string };
}): ArticleContext {
  return {
    id: article.id,
    file: article.filePath ?? `content/articles/${article.id}.mdx`,
    date: article.data.date,
  };
}

export function articleContext(locals: App.Locals, tag: string): ArticleContext {
  if (!locals.article) {
    throw new Error(`${tag}: price components only work inside an article body (no article in Astro.locals)`);
  }
  return locals.article;
}

/**
 * Where a component that also works outside articles (PriceChart, TickerChip) is: the article, whose
 * date centres charts, or else the page, named by its path in error messages.
 */
export function pageContext(locals: App.Locals, url: URL): { file: string; date?: string } {
  return locals.article ?? { file: `page ${url.pathname}` };
}

/** Wraps a failure so the build error names the file (or page), the tag as written, and the problem. */
export function componentError(context: { file: string }, tag: string, error: unknown): Error {
  return new Error(componentProblem(context.file, tag, error));
}

/** The ticker and its bars, or an error listing the known ids (the same lookup check:content runs). */
export async function resolveTicker(ticker: unknown): Promise<{ ticker: Ticker; bars: readonly Bar[] }> {
  return lookupTicker(await getSiteData(), ticker);
}

/** resolveTicker, plus where the ticker's prices come from (for a chart's source line). */
export async function resolveChartData(ticker: unknown): Promise<{
  ticker: Ticker;
  bars: readonly Bar[];
  snapshot: Pick<PriceSnapshot, "source" | "adjusted">;
}> {
  const data = await getSiteData();
  const found = lookupTicker(data, ticker);
  const snapshot = data.prices.get(found.ticker.id);
  if (!snapshot) throw new Error(`ticker: no price snapshot for ${found.ticker.id} in content/prices/`);
  return { ...found, snapshot };
}
