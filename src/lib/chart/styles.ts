/**
 * How the lines of a multi-series chart are told apart, shared by the static SVG (./svg.ts) and the
 * interactive chart (src/scripts/price-chart.ts), which imports this module alone: a colour token
 * (src/styles/global.css, at least 5:1 against the page in both themes) and a dash pattern, so no line
 * rests on colour alone; the legend and the table name each series.
 */

export type SeriesColour = "series-1" | "series-2" | "series-3" | "series-4" | "series-5" | "series-6";

export interface LineStyle {
  colour: SeriesColour;
  /** SVG stroke-dasharray; empty for a solid line. */
  dash: string;
  /** lightweight-charts' LineStyle: 0 solid, 1 dotted, 2 dashed, 3 large dashed, 4 sparse dotted. */
  lineStyle: 0 | 1 | 2 | 3 | 4;
}

/** The series of a comparison, in the order its tickers are given. */
export const SERIES_STYLES: readonly LineStyle[] = [
  { colour: "series-1", dash: "", lineStyle: 0 },
  { colour: "series-2", dash: "7 4", lineStyle: 2 },
  { colour: "series-3", dash: "2 3", lineStyle: 1 },
  { colour: "series-4", dash: "12 4", lineStyle: 3 },
  { colour: "series-5", dash: "1 5", lineStyle: 4 },
  { colour: "series-6", dash: "7 3 2 3", lineStyle: 2 },
];

/** The benchmark a ticker page's "compare with" control adds: dashed, beside the ticker's solid line in ink. */
export const BENCHMARK_STYLE: LineStyle = { colour: "series-1", dash: "7 4", lineStyle: 2 };
