/**
 * The one registry of MDX components: for each component editors may use in an article without
 * importing it, what it computes from its props and the price data, where it may be used, and its entry
 * in the editing guide. The .astro file of each (src/components/mdx/<Name>.astro) renders what `compute`
 * returns; `npm run check:content` runs the same `compute` without building, so a bad `<Move>` gets the
 * same message from either; docs/editing.md's component section is written from `docs`
 * (`npm run docs`).
 */
import { missingSnapshot, unknownTicker } from "../content/errors.ts";
import type { Ticker } from "../content/schema.ts";
import { moveFigure, priceFigure, recordFigure, type MoveProps } from "../prices/figures.ts";
import type { PriceSnapshot, TickerData } from "../prices/snapshot.ts";
import { resolveChart } from "../chart/resolve.ts";
import type { ChartProps } from "../chart/spec.ts";
import type { ComponentTag } from "./scan.ts";

/** What the components read: every ticker and its price snapshot, by ticker id. */
export interface ComponentData {
  tickerById: ReadonlyMap<string, Ticker>;
  snapshots: ReadonlyMap<string, Pick<PriceSnapshot, "bars" | "source" | "adjusted">>;
}

/**
 * Where a component is rendered: the article it sits in (its body is rendered on the article page and
 * in feeds), or a page outside articles (a ticker page's chart).
 */
export interface ArticleContext {
  /** Slug of the article. */
  id: string;
  /** Source file, for error messages: content/articles/<slug>.mdx */
  file: string;
  /** Publication date: charts centre on it by default. */
  date: string;
  /** The component tags of its body as the scan read them (./scan.ts): their lines go in messages. */
  tags?: readonly ComponentTag[];
}

/** One prop as the editing guide documents it. */
export interface PropDoc {
  name: string;
  /** The values it takes, as the guide writes them: "`YYYY-MM-DD`", "a ticker id". */
  values: string;
  /** "required", or the default in words; empty when it has none. */
  default: string;
  /** What it does, when the name does not say it. */
  what?: string;
}

/** A component's section of the editing guide. */
export interface ComponentDocs {
  /** What it renders, in a sentence or two. */
  summary: string;
  props: readonly PropDoc[];
  /** Anything else an editor must know, after the props table. */
  notes?: string;
  /** MDX as an editor writes it. */
  example: string;
}

type Props = Record<string, unknown>;

export interface MdxComponent<Result> {
  /**
   * "article": only in an article's body (it reads the article's date or describes the article's
   * day); "page": also on other pages, given explicit props.
   */
  where: "article" | "page";
  /** What the component renders, from its props and the data; throws its error when they cannot give it. */
  compute(props: Props, article: ArticleContext | undefined, data: ComponentData): Result;
  docs: ComponentDocs;
}

/** The ticker a `ticker` prop names, and its price data; otherwise an error listing the known ids. */
export function lookupTicker(data: ComponentData, ticker: unknown): TickerData {
  if (ticker === undefined) throw new Error(missingProp(tickerProp));
  const found = typeof ticker === "string" ? data.tickerById.get(ticker) : undefined;
  if (!found) throw new Error(`ticker: ${unknownTicker(ticker, [...data.tickerById.keys()])}`);
  const snapshot = data.snapshots.get(found.id);
  if (!snapshot) throw new Error(`ticker: ${missingSnapshot(found.id)}`);
  return { ticker: found, bars: snapshot.bars, snapshot };
}

const tickerProp: PropDoc = { name: "ticker", values: "a ticker id", default: "required" };

/** `ticker is required and missing: add ticker="…" (a ticker id)`. */
export function missingProp(prop: PropDoc): string {
  return `${prop.name} is required and missing: add ${prop.name}="…" (${prop.values})`;
}
const dateProp: PropDoc = { name: "date", values: "`YYYY-MM-DD`", default: "required" };

/** A component entry, typed by what it computes. */
const component = <Result>(entry: MdxComponent<Result>): MdxComponent<Result> => entry;

export const MDX_COMPONENTS = {
  Move: component({
    where: "article",
    compute: (props, _article, data) => moveFigure(lookupTicker(data, props.ticker).bars, props as MoveProps),
    docs: {
      summary:
        "A price move in words, computed from the data and coloured up or down (the words or the sign say it\nwithout colour).",
      props: [
        { ...tickerProp, what: "the instrument" },
        {
          name: "date",
          values: "`YYYY-MM-DD`",
          default: "",
          what: "the day's move: the previous close to this day's close (or high/low)",
        },
        {
          name: "from",
          values: "`YYYY-MM-DD`",
          default: "",
          what: "with `to`: the change from the close of `from` to the close of `to`",
        },
        { name: "to", values: "`YYYY-MM-DD`", default: "", what: "see `from`" },
        {
          name: "basis",
          values: "`close`, `high`, `low`",
          default: "`close`",
          what: "with `date`: measure to the intraday high or low instead of the close",
        },
        {
          name: "format",
          values: '`words` ("fell 16.97%"), `signed` ("-16.97%")',
          default: "`words`",
          what: "how the move is written",
        },
      ],
      notes: "Give either `date`, or `from` and `to`.",
      example: [
        'Nvidia\'s shares <Move ticker="nvda" date="2025-01-27" /> on Monday.',
        'Over the week they <Move ticker="nvda" from="2025-01-24" to="2025-01-31" />.',
        'BYD\'s shares <Move ticker="byd" date="2025-02-11" basis="high" /> at one point.',
        'Year to date: <Move ticker="tsla" from="2025-01-02" to="2025-03-10" format="signed" />.',
      ].join("\n"),
    },
  }),
  Close: component({
    where: "article",
    compute: (props, _article, data) => {
      const { ticker, bars } = lookupTicker(data, props.ticker);
      return priceFigure(bars, ticker, { date: props.date as string });
    },
    docs: {
      summary: 'A day\'s closing price with its currency ("$118.42", "HK$345.00"; an index in points).',
      props: [tickerProp, dateProp],
      example: 'They closed at <Close ticker="nvda" date="2025-01-27" />.',
    },
  }),
  Price: component({
    where: "article",
    compute: (props, _article, data) => {
      const { ticker, bars } = lookupTicker(data, props.ticker);
      return priceFigure(bars, ticker, props as { date: string; basis?: string });
    },
    docs: {
      summary: "A day's open, high, low or close with its currency.",
      props: [
        tickerProp,
        dateProp,
        { name: "basis", values: "`close`, `open`, `high`, `low`", default: "`close`" },
      ],
      example: [
        'They opened at <Price ticker="nvda" date="2025-01-27" basis="open" /> and fell as low as',
        "",
        '<Price ticker="nvda" date="2025-01-27" basis="low" />.',
      ].join("\n"),
    },
  }),
  Record: component({
    where: "article",
    compute: (props, _article, data) => {
      const { ticker, bars } = lookupTicker(data, props.ticker);
      return recordFigure(bars, ticker, props as { date: string; basis?: string });
    },
    docs: {
      summary:
        '"a record close" or "a record intraday high", rendered only when the data show one: the day\'s close\n(or high) is above every earlier one in the snapshot. If it is not, the build stops and names the\nearlier day that was higher, so no article claims a record the data do not support.',
      props: [tickerProp, dateProp, { name: "basis", values: "`close`, `high`", default: "`close`" }],
      example: 'BYD\'s shares ended at <Record ticker="byd" date="2025-02-12" />.',
    },
  }),
  PriceChart: component({
    where: "page",
    compute: (props, article, data) =>
      resolveChart(lookupTicker(data, props.ticker), props as ChartProps, article?.date),
    docs: {
      summary:
        "A price chart: a static image of the series with a caption stating the move and the data's source,\nwhich becomes an interactive chart in the browser; feeds get the image and the caption. Readers who\ncannot see it get the caption and a table of the prices.",
      props: [
        tickerProp,
        {
          name: "from",
          values: "`YYYY-MM-DD`, inside the data",
          default: "15 trading days before the article's date",
        },
        {
          name: "to",
          values: "`YYYY-MM-DD`, inside the data, after `from`",
          default: "15 trading days after the article's date",
        },
        { name: "type", values: "`area`, `line`, `candles`", default: "`area`" },
        {
          name: "markers",
          values: "a list of `{ date, label }`, dates in range",
          default: "the article's date",
        },
        { name: "title", values: "text", default: "made from the ticker and the range" },
        { name: "height", values: "a number of pixels, 200 to 640", default: "320" },
      ],
      notes:
        "Dates in `from`, `to` and `markers` must be trading days. An article dated on a day without trading\n(a Sunday release) is centred on, and marks, the next trading day. Keep marker labels short: the\nstatic chart shortens labels past 28 characters (the table and the interactive chart's read-out show\nthem in full).",
      example: [
        '<PriceChart ticker="nvda" />',
        "",
        "<PriceChart",
        '  ticker="bidu"',
        '  from="2025-01-17"',
        '  to="2025-02-21"',
        '  type="line"',
        "  markers={[",
        '    { date: "2025-01-27", label: "DeepSeek shock" },',
        '    { date: "2025-02-14", label: "Next-gen model report" },',
        "  ]}",
        '  title="Baidu\'s shares around its model announcement"',
        "/>",
      ].join("\n"),
    },
  }),
};

export type MdxComponentName = keyof typeof MDX_COMPONENTS;

/** The names editors may use, for messages and the guide. */
export const MDX_COMPONENT_NAMES = Object.keys(MDX_COMPONENTS) as MdxComponentName[];

export function isMdxComponent(name: string): name is MdxComponentName {
  return Object.hasOwn(MDX_COMPONENTS, name);
}

/** `unknown component Chart; the components are Close, Move, …`. */
export function unknownComponent(name: string): string {
  return `unknown component ${name}; the components are ${[...MDX_COMPONENT_NAMES].sort().join(", ")} (see docs/editing.md)`;
}

/** Why a component is refused outside an article's body. */
export const ARTICLE_ONLY =
  "only works in an article's body (content/articles/<slug>.mdx); a page can show a TickerChip, or a PriceChart with from and to";

/** How an MDX component tag is shown in messages, as the editor wrote it: <Move ticker="nvda" date="2025-01-27"> */
export function describeTag(name: string, props: object): string {
  const attrs = Object.entries(props)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) =>
      typeof value === "string" ? `${key}="${value}"` : `${key}={${JSON.stringify(value)}}`,
    );
  return `<${[name, ...attrs].join(" ")}>`;
}

/**
 * The line a failing component reports: `<file>: line <n>: <tag as written>: <problem>` (without the
 * line where it is not known: a tag on a page other than an article).
 */
export function componentProblem(file: string, tag: string, error: unknown, line?: number): string {
  return `${file}: ${line ? `line ${line}: ` : ""}${tag}: ${error instanceof Error ? error.message : String(error)}`;
}

/** The line of the tag `name` with exactly these props in an article's scanned tags, if there is one. */
export function lineOfTag(
  tags: readonly ComponentTag[] | undefined,
  name: string,
  props: object,
): number | undefined {
  const written = describeTag(name, props);
  return tags?.find((tag) => tag.name === name && describeTag(tag.name, tag.props) === written)?.line;
}

/**
 * Runs component `name` on `props` as the page would, and returns what it renders; any failure throws
 * one line naming the file (or page), the tag as written and the problem.
 */
export function computeComponent<Name extends MdxComponentName>(
  name: Name,
  props: Props,
  where: { article?: ArticleContext; page?: string },
  data: ComponentData,
): ReturnType<(typeof MDX_COMPONENTS)[Name]["compute"]> {
  const entry: MdxComponent<unknown> = MDX_COMPONENTS[name];
  const file = where.article?.file ?? `page ${where.page ?? "(unknown)"}`;
  const tag = describeTag(name, props);
  if (entry.where === "article" && !where.article) throw new Error(componentProblem(file, tag, ARTICLE_ONLY));
  try {
    return entry.compute(props, where.article, data) as ReturnType<(typeof MDX_COMPONENTS)[Name]["compute"]>;
  } catch (error) {
    const line = lineOfTag(where.article?.tags, name, props);
    throw new Error(componentProblem(file, tag, error, line), { cause: error });
  }
}
