/**
 * How MDX components know which article they are in: the article page (and the feed renderer) put
 * the article in `Astro.locals` before rendering its body. Errors then name the article's file.
 * Every price component (and TickerChip) reads its ticker's data and reports failures through
 * `tickerFigure`.
 */
import { getSiteData } from "../../site-data.ts";
import { componentProblem, lookupTicker } from "../../lib/component-check.ts";
import { missingSnapshot } from "../../lib/content-check.ts";
import type { Bar, PriceSnapshot, Ticker } from "../../lib/schema.ts";
import { describeTag } from "../../lib/mdx-tags.ts";

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

/** Where a component is rendered, for its errors (and, in an article, the date charts centre on). */
export interface ComponentContext {
  /** The article's file, or `page <path>` outside articles. */
  file: string;
  /** The article's date; absent outside articles. */
  date?: string;
}

/** A ticker's data as the components read it: the ticker, its bars and where its prices come from. */
export interface TickerData {
  ticker: Ticker;
  bars: readonly Bar[];
  snapshot: Pick<PriceSnapshot, "source" | "adjusted">;
}

/** What a price component is, as its .astro file knows it (`Astro` satisfies it). */
interface Component {
  props: { ticker: unknown };
  locals: App.Locals;
  url: URL;
}

/**
 * Renders a price component: runs `figure` on the data of the ticker its props name. `where` says if it
 * needs an article ("article": Move, Close, Price, Record) or works on any page ("page": PriceChart,
 * TickerChip). Any failure, an unknown ticker included, stops the build with one line naming the file
 * (or page), the tag as the editor wrote it and the problem.
 */
export async function tickerFigure<T>(
  name: string,
  component: Component,
  where: "article" | "page",
  figure: (data: TickerData, context: ComponentContext) => T,
): Promise<T> {
  const tag = describeTag(name, component.props);
  const context: ComponentContext = component.locals.article ?? { file: `page ${component.url.pathname}` };
  if (where === "article" && !component.locals.article) {
    throw new Error(
      componentProblem(
        context.file,
        tag,
        "only works in an article's body (content/articles/<slug>.mdx); a page can show a TickerChip, or a PriceChart with from and to",
      ),
    );
  }
  try {
    const data = await getSiteData();
    const found = lookupTicker(data, component.props.ticker);
    const snapshot = data.prices.get(found.ticker.id);
    if (!snapshot) throw new Error(`ticker: ${missingSnapshot(found.ticker.id)}`);
    return figure({ ...found, snapshot }, context);
  } catch (error) {
    throw new Error(componentProblem(context.file, tag, error), { cause: error });
  }
}
