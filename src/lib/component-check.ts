/**
 * What the price components do with their props before rendering, without rendering: the MDX
 * components (src/components/mdx) and `npm run check:content` both go through these functions, so a
 * bad `<Move>` gets the same message from either. Each check throws the error the component would.
 */
import { moveFigure, priceFigure, recordFigure, type MoveProps } from "./figures.ts";
import { checkChart } from "./chart.ts";
import { unknownTicker } from "./content-check.ts";
import type { Bar, Ticker } from "./schema.ts";

/** The data the components read: tickers and their bars, by ticker id. */
export interface ComponentData {
  tickerById: ReadonlyMap<string, Ticker>;
  bars: ReadonlyMap<string, readonly Bar[]>;
}

/** What a component knows of the article it sits in. */
export interface ArticleInfo {
  /** Publication date: charts centre on it by default. */
  date: string;
}

/** The components editors may use in an article without importing them (src/components/mdx/index.ts). */
export const MDX_COMPONENTS = ["Close", "Move", "Price", "PriceChart", "Record"] as const;
export type MdxComponentName = (typeof MDX_COMPONENTS)[number];

export function isMdxComponent(name: string): name is MdxComponentName {
  return (MDX_COMPONENTS as readonly string[]).includes(name);
}

/** The ticker a `ticker` prop names, and its bars; otherwise an error listing the known ids. */
export function lookupTicker(data: ComponentData, ticker: unknown): { ticker: Ticker; bars: readonly Bar[] } {
  const found = typeof ticker === "string" ? data.tickerById.get(ticker) : undefined;
  const bars = found && data.bars.get(found.id);
  if (!found || !bars) throw new Error(`ticker: ${unknownTicker(ticker, [...data.tickerById.keys()])}`);
  return { ticker: found, bars };
}

/** The line a failing component reports: `<file>: <tag as written>: <problem>`. */
export function componentProblem(file: string, tag: string, error: unknown): string {
  return `${file}: ${tag}: ${error instanceof Error ? error.message : String(error)}`;
}

type Props = Record<string, unknown>;

/**
 * Runs the checks the component `name` runs on `props`; throws its error when the props or the data
 * cannot give a figure or a chart.
 */
export function checkComponent(
  name: MdxComponentName,
  props: Props,
  article: ArticleInfo,
  data: ComponentData,
): void {
  const { ticker, bars } = lookupTicker(data, props.ticker);
  switch (name) {
    case "PriceChart":
      checkChart(ticker, bars, props, article.date);
      return;
    case "Move":
      moveFigure(bars, props as MoveProps);
      return;
    case "Close":
      priceFigure(bars, ticker, { date: props.date as string });
      return;
    case "Price":
      priceFigure(bars, ticker, props as { date: string; basis?: string });
      return;
    case "Record":
      recordFigure(bars, ticker, props as { date: string; basis?: string });
      return;
  }
}
