/**
 * A ticker page's chart: every bar with its volume, the ranges a reader picks from (1M to All, the
 * periods of src/lib/prices/periods.ts), the article days marked, and the ticker's benchmark index
 * aligned to its dates for the "compare with" control. The static image and the data table show the
 * range it opens on (CHART.tickerRange); every range's summary is written here, so the browser only
 * shows it.
 */
import { percentChange } from "../prices/bars.ts";
import { direction, formatPrice, moveWords } from "../prices/format.ts";
import { periodStart, PERIOD_NAMES, PERIODS, type Period } from "../prices/periods.ts";
import type { Bar, TickerData } from "../prices/snapshot.ts";
import { adjustBars, plottedSeries } from "../prices/splits.ts";
import { formatDate, formatDateRange } from "../site/dates.ts";
import { CHART, type ChartMarker, type ChartRange, type ChartSpec, type ChartTicker } from "./spec.ts";
import { captionOf, describeChart, sourceLine } from "./wording.ts";

/** Each date's close of `benchmark`: its last close on or before the date, null before its data begin. */
export function alignCloses(dates: readonly string[], benchmark: readonly Bar[]): (number | null)[] {
  let j = -1;
  return dates.map((date) => {
    while (j + 1 < benchmark.length && benchmark[j + 1]!.date <= date) j++;
    return j < 0 ? null : benchmark[j]!.close;
  });
}

/** The ranges of PERIODS back from the last bar, each with its summary (and the benchmark's change beside it). */
export function chartRanges(
  ticker: ChartTicker,
  bars: readonly Bar[],
  benchmark?: { ticker: ChartTicker; closes: readonly (number | null)[] },
): ChartRange[] {
  const to = bars.at(-1)!.date;
  return PERIODS.map((period): ChartRange => {
    const { from, since } = periodStart(bars, period, to);
    const name = since
      ? `${PERIOD_NAMES[period]} (the data begin ${formatDate(since, "short")})`
      : PERIOD_NAMES[period];
    const start = bars.find((bar) => bar.date === from)!;
    const end = bars.at(-1)!;
    const move = { percent: percentChange(start.close, end.close), basis: "close" as const };
    const span = formatDateRange(from, to);
    const own = `${ticker.name} ${moveWords(move)}, from ${formatPrice(start.close, ticker)} to ${formatPrice(end.close, ticker)}`;
    const range: ChartRange = {
      period,
      from,
      to,
      name,
      summary: `${name}, ${span}: ${own}.`,
      direction: direction(move),
    };
    if (benchmark) {
      const i = bars.indexOf(start);
      const first = benchmark.closes[i];
      const last = benchmark.closes.at(-1);
      if (first != null && last != null) {
        const theirs = moveWords({ percent: percentChange(first, last), basis: "close" });
        range.compareSummary = `${name}, ${span}: ${own}; ${benchmark.ticker.name} ${theirs}.`;
      }
    }
    return range;
  });
}

/**
 * The ticker page's chart of `data`: opens on CHART.tickerRange, carries every bar for the other
 * ranges, marks `markers` (the article days), and aligns `benchmark` to its dates when given. Every
 * range ends on the last bar, so all of them plot the bars on its basis: split-adjusted before any
 * split, as the source line says.
 */
export function tickerChart(
  data: TickerData,
  options: {
    markers: readonly ChartMarker[];
    benchmark?: TickerData | undefined;
    height: number;
    initial?: Period;
  },
): ChartSpec {
  const { ticker, events } = data;
  const bars = adjustBars(data.bars, events.splits);
  const first = bars[0]!.date;
  const last = bars.at(-1)!.date;
  const initial = options.initial ?? CHART.tickerRange;
  const dates = bars.map((bar) => bar.date);
  const benchmark = options.benchmark && {
    ticker: options.benchmark.ticker,
    closes: alignCloses(dates, adjustBars(options.benchmark.bars, options.benchmark.events.splits)),
  };
  const ranges = chartRanges(ticker, bars, benchmark);
  const shown = ranges.find((range) => range.period === initial)!;
  const plotted = plottedSeries(data.bars, events, shown.from, shown.to);
  const markers = options.markers.filter((m) => m.date >= shown.from && m.date <= shown.to);
  const span = formatDateRange(shown.from, shown.to);
  const volume = bars.some((bar) => bar.volume !== undefined);
  return {
    ticker,
    from: shown.from,
    to: shown.to,
    type: "area",
    height: options.height,
    ...plotted,
    markers,
    focus: shown.to,
    title: `${ticker.name} (${ticker.symbol}): daily close${volume ? " and volume" : ""}`,
    description: describeChart(ticker, "area", span, markers, { volume }),
    caption: captionOf(data.bars, ticker, shown.to, shown.from, shown.to, events),
    // Any range can be shown, so the line covers the whole of the data: every source, split and gap.
    source: sourceLine(data.snapshot, { from: first, to: last, splits: events.splits, gaps: events.gaps }),
    volume,
    explore: {
      bars: [...bars],
      ranges,
      initial,
      markers: [...options.markers],
      ...(benchmark ? { benchmark } : {}),
    },
  };
}
