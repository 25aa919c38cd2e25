/**
 * The one registry of MDX components: for each component editors may use in an article without
 * importing it, what it computes from its props and the price data, where it may be used, and its entry
 * in the editing guide. The .astro file of each (src/components/mdx/<Name>.astro) renders what `compute`
 * returns; `npm run check:content` runs the same `compute` without building, so a bad `<Move>` gets the
 * same message from either; docs/editing.md's component section is written from `docs`
 * (`npm run docs`).
 */
import { afterAsOf, FIGURE_AFTER_AS_OF, missingSnapshot, unknownTicker } from "../content/errors.ts";
import { asOfDate } from "../content/articles.ts";
import type { Ticker } from "../content/schema.ts";
import { moveFigure, priceFigure, recordFigure, type MoveProps } from "../prices/figures.ts";
import { seriesEvents, type PriceSnapshot, type TickerData } from "../prices/snapshot.ts";
import { isCalendarDate } from "../site/dates.ts";
import { resolveChart } from "../chart/resolve.ts";
import { COMPARE_LIMITS, resolveCompare, tickersProp, type CompareProps } from "../chart/compare.ts";
import { CHART, type ChartProps } from "../chart/spec.ts";
import type { ComponentTag } from "./scan.ts";

/** What the components read: every ticker and its price snapshot, by ticker id. */
export interface ComponentData {
  tickerById: ReadonlyMap<string, Ticker>;
  snapshots: ReadonlyMap<string, Pick<PriceSnapshot, "bars" | "sources" | "events" | "gaps">>;
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
  /** Publication date: a chart marks it by default. */
  date: string;
  /**
   * The day nothing in the article may look past: its date, or its latest update's (asOfDate in
   * src/lib/content/articles.ts). A chart ends on it by default; figures and chart dates after it are
   * refused, but for the later days a chart shows, shaded, when the editor asks (afterPublication).
   */
  asOf: string;
  /** The ticker ids its frontmatter lists: the only ones its components may use. */
  tickers: readonly string[];
  /** The component tags of its body as the scan read them (./scan.ts): their lines go in messages. */
  tags?: readonly ComponentTag[];
}

/** The context of an article's body, from its id, file and frontmatter: one definition for the build and check:content. */
export function articleContext(article: {
  id: string;
  file: string;
  data: {
    date: string;
    updates?: readonly { date: string }[] | undefined;
    tickers?: readonly string[] | undefined;
  };
}): ArticleContext {
  return {
    id: article.id,
    file: article.file,
    date: article.data.date,
    asOf: asOfDate(article.data),
    tickers: article.data.tickers ?? [],
  };
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

/**
 * The ticker a `ticker` prop (or `prop`, e.g. `tickers[2]`) names, and its price data; otherwise an
 * error listing the known ids. In an article, the ticker must be one its frontmatter lists, so its
 * page, its feed and the ticker's page all know the article is about it.
 */
export function lookupTicker(
  data: ComponentData,
  ticker: unknown,
  article?: ArticleContext,
  prop = "ticker",
): TickerData {
  if (ticker === undefined) throw new Error(missingProp({ ...tickerProp, name: prop }));
  const found = typeof ticker === "string" ? data.tickerById.get(ticker) : undefined;
  if (!found) throw new Error(`${prop}: ${unknownTicker(ticker, [...data.tickerById.keys()])}`);
  if (article && !article.tickers.includes(found.id)) {
    const listed = article.tickers.length > 0 ? `(${article.tickers.join(", ")})` : "(none)";
    throw new Error(
      `${prop}: "${found.id}" is not among the article's tickers ${listed}; add it to tickers: in the frontmatter`,
    );
  }
  const snapshot = data.snapshots.get(found.id);
  if (!snapshot) throw new Error(`${prop}: ${missingSnapshot(found.id)}`);
  return { ticker: found, bars: snapshot.bars, events: seriesEvents(snapshot), snapshot };
}

/** A figure's dates (`date`, `from`, `to`) must not be after the article's as-of date. */
function figureAsOf(props: Props, article: ArticleContext | undefined): void {
  if (!article) return;
  for (const name of ["date", "from", "to"]) {
    const value = props[name];
    if (typeof value === "string" && isCalendarDate(value) && value > article.asOf) {
      throw new Error(afterAsOf(`${name}="${value}"`, article, FIGURE_AFTER_AS_OF));
    }
  }
}

const tickerProp: PropDoc = { name: "ticker", values: "a ticker id", default: "required" };

/** `ticker is required and missing: add ticker="…" (a ticker id)`. */
export function missingProp(prop: PropDoc): string {
  return `${prop.name} is required and missing: add ${prop.name}="…" (${prop.values})`;
}
const dateProp: PropDoc = { name: "date", values: "`YYYY-MM-DD`", default: "required" };
/** A chart's height, as <PriceChart> and <CompareChart> both take it. */
const heightDoc: PropDoc = {
  name: "height",
  values: `a number of pixels, ${CHART.minHeight} to ${CHART.maxHeight}`,
  default: String(CHART.height),
};

/** A component entry, typed by what it computes. */
const component = <Result>(entry: MdxComponent<Result>): MdxComponent<Result> => entry;

export const MDX_COMPONENTS = {
  Move: component({
    where: "article",
    compute: (props, article, data) => {
      const { bars, events } = lookupTicker(data, props.ticker, article);
      figureAsOf(props, article);
      return moveFigure(bars, props as MoveProps, events);
    },
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
      notes:
        "Give either `date`, or `from` and `to`. A move across a split or bonus issue is measured on one basis\n(see [Splits](#splits-how-figures-and-charts-handle-them)); a day right after a documented gap in the data\nhas no day move: give `from` and `to` instead.",
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
    compute: (props, article, data) => {
      const { ticker, bars } = lookupTicker(data, props.ticker, article);
      figureAsOf(props, article);
      return priceFigure(bars, ticker, { date: props.date as string });
    },
    docs: {
      summary:
        'A day\'s closing price with its currency ("$118.42", "HK$345.00"; an index in points), as traded that\nday: a later split never changes it.',
      props: [tickerProp, dateProp],
      example: 'They closed at <Close ticker="nvda" date="2025-01-27" />.',
    },
  }),
  Price: component({
    where: "article",
    compute: (props, article, data) => {
      const { ticker, bars } = lookupTicker(data, props.ticker, article);
      figureAsOf(props, article);
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
    compute: (props, article, data) => {
      const { ticker, bars, events } = lookupTicker(data, props.ticker, article);
      figureAsOf(props, article);
      return recordFigure(bars, ticker, props as { date: string; basis?: string }, events);
    },
    docs: {
      summary:
        '"the highest close since 2 October 2024" or "the highest intraday price since 2 October 2024" (the\nfirst day of the ticker\'s data), rendered only when the data show it: the day\'s close (or high) is\nabove every earlier one in the snapshot. It never says "record": the data start on a known day, and\nthe share may have traded higher before it. If the day is not the highest, the build stops and names\nthe earlier day that was higher, so no article claims a high the data do not support.',
      props: [tickerProp, dateProp, { name: "basis", values: "`close`, `high`", default: "`close`" }],
      notes:
        'Write it where a noun phrase fits: "closed at HK$352.00, <Record ... />" reads "closed at HK$352.00,\nthe highest close since 2 October 2024". Say "record" in your own words only for a record the\nsource of the claim states (a record one-day loss of market value, say), attributed to it.',
      example:
        'BYD\'s shares closed at <Close ticker="byd" date="2025-02-12" />, <Record ticker="byd" date="2025-02-12" />.',
    },
  }),
  PriceChart: component({
    where: "page",
    compute: (props, article, data) =>
      resolveChart(lookupTicker(data, props.ticker, article), props as ChartProps, article),
    docs: {
      summary:
        "A price chart: a static image of the series with a caption stating the move and the data's source,\nwhich becomes an interactive chart in the browser; feeds get the image and the caption. Readers who\ncannot see it get the caption and a table of the prices.",
      props: [
        tickerProp,
        {
          name: "from",
          values: "`YYYY-MM-DD`, inside the data",
          default: `${CHART.sideDays} trading days before the article's date`,
        },
        {
          name: "to",
          values: "`YYYY-MM-DD`, inside the data, after `from`, not after the as-of date",
          default: "the article's as-of date",
        },
        { name: "type", values: "`area`, `line`, `candles`", default: "`area`" },
        {
          name: "markers",
          values: "a list of `{ date, label }`, dates in range",
          default: "the article's date",
        },
        { name: "title", values: "text", default: "made from the ticker and the range" },
        heightDoc,
        {
          name: "volume",
          values: "on or off (write `volume` to turn it on)",
          default: "off",
          what: "a pane of daily volume under the price",
        },
        {
          name: "afterPublication",
          values: "on or off",
          default: "off",
          what: `lets \`to\` and \`markers\` go past the as-of date; the later days are shaded and labelled "after publication" (without \`to\`: ${CHART.sideDays} trading days after it)`,
        },
      ],
      notes: [
        "Dates in `from`, `to` and `markers` must be trading days. An article dated on a day without trading",
        "(a Sunday release) marks the next trading day when its as-of date reaches it, and otherwise the last",
        "close before publication. Keep marker labels short: the static chart shortens labels past 28",
        "characters (the table and the interactive chart's read-out show them in full).",
        "",
        "**No look-ahead.** An article's charts and figures use no prices from after its *as-of date*: its",
        "`date`, or its `updated` date when it has one. A chart ends on that day by default; a `to`, a",
        "marker or a figure (`<Move>`, `<Close>`, `<Price>`, `<Record>`) dated later stops the build with a",
        "message saying so. To show what happened next in a chart, add `afterPublication`: the days after",
        'the as-of date are then drawn shaded and labelled "after publication".',
      ].join("\n"),
      example: [
        '<PriceChart ticker="nvda" />',
        "",
        "<PriceChart",
        '  ticker="bidu"',
        '  from="2025-01-17"',
        '  to="2025-02-14"',
        '  type="line"',
        "  volume",
        "  markers={[",
        '    { date: "2025-01-27", label: "DeepSeek shock" },',
        '    { date: "2025-02-14", label: "Next-gen model report" },',
        "  ]}",
        '  title="Baidu\'s shares around its model announcement"',
        "/>",
        "",
        '<PriceChart ticker="bidu" from="2025-01-17" afterPublication />',
      ].join("\n"),
    },
  }),
  CompareChart: component({
    where: "page",
    compute: (props, article, data) => {
      const ids = tickersProp(props.tickers);
      const series = ids.map((id, i) => lookupTicker(data, id, article, `tickers[${i}]`));
      return resolveCompare(series, props as CompareProps, article);
    },
    docs: {
      summary:
        "Several instruments on one chart, each rebased to 100 at the close of `from` (or as the percentage\nchange from it), with a legend, a caption naming the best and the worst performer with their moves,\nand a table of the values; an interactive chart in the browser, an image and the caption in feeds.",
      props: [
        {
          name: "tickers",
          values: `a list of ${COMPARE_LIMITS.min} to ${COMPARE_LIMITS.max} ticker ids, each listed in the article's \`tickers\``,
          default: "required",
        },
        {
          name: "from",
          values: "`YYYY-MM-DD`, a trading day of every series",
          default: "required",
          what: "the day each series is measured from",
        },
        {
          name: "to",
          values: "`YYYY-MM-DD`, a trading day of at least one series, not after the as-of date",
          default: "the article's as-of date",
        },
        {
          name: "mode",
          values: "`rebased` (each series is 100 at `from`), `percent` (the change from `from`)",
          default: "`rebased`",
        },
        { name: "title", values: "text", default: "the names and the range" },
        heightDoc,
        { name: "afterPublication", values: "on or off", default: "off", what: "as for `<PriceChart>`" },
      ],
      notes: [
        "Series on different calendars (Hong Kong and New York holidays differ) are aligned like this: the",
        "chart's dates are the days on which at least one of them traded; on each date a series stands at its",
        "last close on or before it, and the table marks a carried close with †. So `from` must be a trading",
        "day of every series, and each series' move is to its last close on or before the chart's last day.",
        "The same checks as `<PriceChart>` apply, including the as-of rule.",
      ].join("\n"),
      example: [
        "<CompareChart",
        '  tickers={["nvda", "avgo", "tsm", "ixic"]}',
        '  from="2025-01-13"',
        '  to="2025-01-27"',
        "/>",
        "",
        '<CompareChart tickers={["bidu", "baidu-hk"]} from="2025-01-24" to="2025-03-10" mode="percent" />',
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
