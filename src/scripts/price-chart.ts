/**
 * `<price-chart>`: upgrades a chart figure's static SVG to an interactive lightweight-charts chart
 * when it scrolls into view. The library is imported on first use only, so a page without a chart
 * loads none of it and a page with several loads it once. The chart sits over the SVG (same box, no
 * layout shift), follows the theme toggle and its container's size, and is removed with the element.
 *
 * Two kinds of figure embed their data (src/lib/chart/embed.ts, src/lib/chart/compare.ts):
 * - a price chart: the series, an optional volume pane, the days after publication shaded, and on a
 *   ticker page range buttons and a "compare with" button (shipped hidden, shown here) whose state
 *   survives resizes and theme changes;
 * - a comparison: one line per series, each in its colour and dash pattern (src/lib/chart/styles.ts).
 * Every figure, summary and move is computed at build time; this code only formats and draws them.
 *
 * It is drawn under a strict Content-Security-Policy: the attribution logo (which injects a <style>)
 * is off, TradingView is credited in the site footer, and positions are set through the CSSOM only.
 * The canvas is one image to assistive technology, labelled like the static SVG; the figure's caption
 * and data table give every figure.
 */
import type {
  IChartApi,
  ISeriesApi,
  ISeriesMarkersPluginApi,
  MouseEventParams,
  SeriesMarker,
  SeriesType,
  Time,
} from "lightweight-charts";
import { AFTER_PUBLICATION, markedDayLabel, markersByDate } from "@/lib/chart/wording.ts";
import type { BarTuple, ChartData } from "@/lib/chart/embed.ts";
import type { CompareData } from "@/lib/chart/compare.ts";
import type { ChartMarker } from "@/lib/chart/spec.ts";
import { BENCHMARK_STYLE, SERIES_STYLES } from "@/lib/chart/styles.ts";
import { formatDate } from "@/lib/site/dates.ts";
import {
  direction,
  DIRECTION_COLOUR,
  directionArrow,
  formatAmount,
  formatCompareValue,
  formatPercent,
  formatPrice,
  formatVolume,
} from "@/lib/prices/format.ts";
import { site } from "@/lib/site/config.ts";

type Library = typeof import("lightweight-charts");

/** Prices on the scale and the crosshair as the site writes amounts (the heading names the unit). */
const PRICES = { type: "custom", formatter: formatAmount, minMove: 0.01 } as const;
let library: Promise<Library> | undefined;

/** The library, fetched once per page however many charts ask for it. */
function loadLibrary(): Promise<Library> {
  return (library ??= import("lightweight-charts"));
}

/** The site's colour tokens (src/styles/global.css) as the current theme sets them. */
interface Palette {
  ink: string;
  muted: string;
  rule: string;
  paper: string;
  up: string;
  down: string;
  series: string[];
}

function readPalette(element: Element): Palette {
  const style = getComputedStyle(element);
  const token = (name: string): string => style.getPropertyValue(`--${name}`).trim();
  return {
    ink: token("ink"),
    muted: token("muted"),
    rule: token("rule"),
    paper: token("paper"),
    up: token("up"),
    down: token("down"),
    series: SERIES_STYLES.map((s) => token(s.colour)),
  };
}

/** `#rrggbb` with an alpha, as rgba() (the tokens are six-digit hex). */
function withAlpha(colour: string, alpha: number): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!hex) return colour;
  const [r, g, b] = hex.slice(1).map((part) => parseInt(part, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** The calendar date of a chart time (the data use "YYYY-MM-DD" strings). */
function dateOf(time: Time): string {
  if (typeof time === "string") return time;
  if (typeof time === "number") return new Date(time * 1000).toISOString().slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${time.year}-${pad(time.month)}-${pad(time.day)}`;
}

/** A line of the read-out. */
function line(text: string, className = ""): HTMLElement {
  const el = document.createElement("div");
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

/** What a drawn chart needs to keep doing its job, and to be taken down. */
interface Drawn {
  chart: IChartApi;
  /** Rereads the theme's colours and applies them. */
  restyle(palette: Palette): void;
  /** Fills the read-out for a date; false when the date has nothing to show. */
  fillTip(tip: HTMLElement, date: string): boolean;
  /** Where a click on a date leads, if anywhere. */
  hrefOn?(date: string): string | undefined;
  /** Recomputes what depends on the width (marker labels). */
  resized?(): void;
  /** Points drawn in the main series, for tests and the data attribute. */
  points(): number;
  teardown?(): void;
}

export class PriceChartElement extends HTMLElement {
  #observer: IntersectionObserver | undefined;
  /** Undoes everything the upgrade did; set while a chart is shown. */
  #teardown: (() => void) | undefined;
  #loading = false;

  connectedCallback(): void {
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.#observer?.disconnect();
        this.#observer = undefined;
        void this.#upgrade();
      },
      // Only once the chart is on screen: on a phone, a reader who never scrolls to it never downloads the library.
      { rootMargin: "0px" },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#teardown?.();
    this.#teardown = undefined;
  }

  async #upgrade(): Promise<void> {
    const json = this.querySelector('script[type="application/json"]')?.textContent;
    if (!json || this.#teardown || this.#loading) return;
    const data = JSON.parse(json) as ChartData | CompareData;
    this.#loading = true;
    let lib: Library;
    try {
      lib = await loadLibrary();
    } catch {
      // Offline or blocked: the static chart, caption and table remain.
      this.dataset.state = "static";
      return;
    } finally {
      this.#loading = false;
    }
    if (!this.isConnected || this.#teardown) return;
    this.#teardown = this.#mount(lib, data);
  }

  #mount(lib: Library, data: ChartData | CompareData): () => void {
    const svg = this.querySelector("svg");
    const controls = this.querySelector<HTMLElement>("[data-chart-controls]");
    const host = document.createElement("div");
    // With controls, the chart sits under their strip at the top of the box (sized for one row or two).
    host.className = controls
      ? "absolute inset-x-0 bottom-0 max-sm:top-[4.5rem] sm:top-10"
      : "absolute inset-0";
    host.setAttribute("role", "img");
    host.setAttribute("aria-label", svg?.getAttribute("aria-label") ?? "Price chart");
    const caption = this.closest("figure")?.querySelector("figcaption");
    if (caption?.id) host.setAttribute("aria-describedby", caption.id);
    const tip = document.createElement("div");
    tip.className =
      "pointer-events-none absolute top-0 z-10 hidden max-w-64 rounded border border-rule bg-paper px-2 py-1 text-xs leading-snug text-ink shadow-sm";
    host.append(tip);
    this.append(host);

    const chart: IChartApi = lib.createChart(host, {
      autoSize: true,
      handleScroll: false,
      handleScale: false,
      layout: {
        attributionLogo: false,
        background: { type: lib.ColorType.Solid, color: "transparent" },
        fontFamily: getComputedStyle(this).fontFamily,
        fontSize: 12,
      },
      grid: { vertLines: { visible: false } },
      timeScale: { fixLeftEdge: true, fixRightEdge: true },
      localization: {
        locale: site.locale,
        timeFormatter: (time: Time) => formatDate(dateOf(time), "short"),
      },
    });
    // The library's canvases and layout table are drawing, not content: the host is the one image.
    chart.chartElement().setAttribute("aria-hidden", "true");
    tip.setAttribute("aria-hidden", "true");
    const drawn =
      data.kind === "compare"
        ? this.#drawCompare(lib, chart, data)
        : this.#drawPrice(lib, chart, data, host, controls);

    const restyle = (): void => {
      const palette = readPalette(this);
      chart.applyOptions({
        layout: { textColor: palette.muted, panes: { separatorColor: palette.rule } },
        grid: { horzLines: { color: withAlpha(palette.rule, 0.8) } },
        rightPriceScale: { borderColor: palette.rule },
        timeScale: { borderColor: palette.rule },
        crosshair: {
          vertLine: { color: palette.muted, labelBackgroundColor: palette.ink },
          horzLine: { color: palette.muted, labelBackgroundColor: palette.ink },
        },
      });
      drawn.restyle(palette);
      this.dataset.theme = document.documentElement.dataset.theme ?? "light";
    };
    restyle();

    const showTip = (param: MouseEventParams<Time>): void => {
      const date = param.time === undefined ? undefined : dateOf(param.time);
      if (date === undefined || !param.point || !drawn.fillTip(tip, date)) {
        tip.classList.add("hidden");
        host.style.cursor = "";
        return;
      }
      tip.classList.remove("hidden");
      const room = host.clientWidth - tip.offsetWidth;
      const left = param.point.x + 12 <= room ? param.point.x + 12 : param.point.x - tip.offsetWidth - 12;
      tip.style.left = `${Math.max(0, Math.min(left, room))}px`;
      host.style.cursor = drawn.hrefOn?.(date) ? "pointer" : "";
    };
    const follow = (param: MouseEventParams<Time>): void => {
      if (param.time === undefined) return;
      const href = drawn.hrefOn?.(dateOf(param.time));
      if (href) window.location.assign(href);
    };
    const resized = (): void => drawn.resized?.();
    chart.subscribeCrosshairMove(showTip);
    chart.subscribeClick(follow);
    chart.timeScale().subscribeSizeChange(resized);

    const listening = new AbortController();
    document.addEventListener("themechange", restyle, { signal: listening.signal });

    svg?.classList.add("invisible");
    controls?.removeAttribute("hidden");
    this.dataset.points = String(drawn.points());
    this.dataset.panes = String(chart.panes().length);
    this.dataset.state = "interactive";

    return () => {
      listening.abort();
      chart.unsubscribeCrosshairMove(showTip);
      chart.unsubscribeClick(follow);
      chart.timeScale().unsubscribeSizeChange(resized);
      drawn.teardown?.();
      chart.remove();
      host.remove();
      controls?.setAttribute("hidden", "");
      svg?.classList.remove("invisible");
      delete this.dataset.points;
      delete this.dataset.panes;
      delete this.dataset.state;
      delete this.dataset.theme;
      delete this.dataset.range;
      delete this.dataset.compare;
    };
  }

  /** Full-height columns, on their own hidden scale, over the days after publication. */
  #shading(lib: Library, chart: IChartApi, dates: readonly string[], from: string | undefined) {
    if (!from) return undefined;
    const shade = chart.addSeries(lib.HistogramSeries, {
      priceScaleId: "after-publication",
      priceLineVisible: false,
      lastValueVisible: false,
    });
    shade.priceScale().applyOptions({ scaleMargins: { top: 0, bottom: 0 }, visible: false });
    const set = (shown: readonly string[]) =>
      shade.setData(shown.map((date) => (date >= from ? { time: date, value: 1 } : { time: date })));
    set(dates);
    return {
      set,
      restyle: (p: Palette) => shade.applyOptions({ color: withAlpha(p.muted, 0.14) }),
    };
  }

  #drawPrice(
    lib: Library,
    chart: IChartApi,
    data: ChartData,
    host: HTMLElement,
    controls: HTMLElement | null,
  ): Drawn {
    const dates = data.bars.map((bar) => bar[0]);
    const indexOf = new Map(dates.map((date, i) => [date, i]));
    const markersOn = markersByDate(data.markers);
    const figure = this.closest("figure");
    const summary = figure?.querySelector<HTMLElement>("[data-chart-summary]");
    const legend = figure?.querySelector<HTMLElement>("[data-chart-legend]");
    const ranges = data.ranges ?? [];
    let range = ranges.find((r) => r.period === data.initial);
    let comparing = false;
    let palette = readPalette(this);

    const shade = this.#shading(lib, chart, dates, data.afterPublication);
    let series: ISeriesApi<SeriesType>;
    let restyleSeries: (p: Palette) => void;
    /** The shown bars as the series takes them. */
    let setSeries: (bars: readonly BarTuple[]) => void;
    const lineColour = (p: Palette): string => {
      if (comparing) return p.ink;
      return { up: p.up, down: p.down, flat: p.ink }[range?.direction ?? data.direction];
    };
    if (data.type === "candles") {
      const candles = chart.addSeries(lib.CandlestickSeries, {
        priceFormat: PRICES,
        priceLineVisible: false,
        borderVisible: false,
      });
      setSeries = (bars) =>
        candles.setData(
          bars.map((bar) => ({ time: bar[0], close: bar[1], open: bar[2]!, high: bar[3]!, low: bar[4]! })),
        );
      restyleSeries = (p) =>
        candles.applyOptions({ upColor: p.up, downColor: p.down, wickUpColor: p.up, wickDownColor: p.down });
      series = candles;
    } else if (data.type === "line") {
      const plain = chart.addSeries(lib.LineSeries, {
        priceFormat: PRICES,
        priceLineVisible: false,
        lineWidth: 2,
      });
      setSeries = (bars) => plain.setData(bars.map((bar) => ({ time: bar[0], value: bar[1] })));
      restyleSeries = (p) => plain.applyOptions({ color: lineColour(p) });
      series = plain;
    } else {
      const area = chart.addSeries(lib.AreaSeries, {
        priceFormat: PRICES,
        priceLineVisible: false,
        lineWidth: 2,
      });
      setSeries = (bars) => area.setData(bars.map((bar) => ({ time: bar[0], value: bar[1] })));
      restyleSeries = (p) =>
        area.applyOptions({
          lineColor: lineColour(p),
          topColor: comparing ? "transparent" : withAlpha(lineColour(p), 0.28),
          bottomColor: comparing ? "transparent" : withAlpha(lineColour(p), 0.02),
        });
      series = area;
    }

    const volumes = data.volumes;
    const volume =
      volumes &&
      chart.addSeries(
        lib.HistogramSeries,
        {
          priceFormat: { type: "custom", formatter: formatVolume, minMove: 1 },
          priceLineVisible: false,
          lastValueVisible: false,
        },
        1,
      );
    if (volume) {
      const [price, pane] = chart.panes();
      price?.setStretchFactor(1 - 0.22);
      pane?.setStretchFactor(0.22);
    }
    let benchmark: ISeriesApi<"Line"> | undefined;

    // Labels on the canvas only where they fit: few markers and a wide enough chart; markers a few
    // sessions apart alternate above and below the series so their labels do not collide.
    let shown = { first: 0, last: dates.length - 1 };
    const markersShown = () =>
      [...markersOn].filter(([date]) => {
        const i = indexOf.get(date) ?? -1;
        return i >= shown.first && i <= shown.last;
      });
    const labelled = (): boolean => markersShown().length <= 3 && host.clientWidth >= 480;
    let showLabels = labelled();
    const markerList = (p: Palette): SeriesMarker<Time>[] => {
      const near = Math.max(2, Math.ceil((shown.last - shown.first + 1) / 6));
      let previous: { index: number; above: boolean } | undefined;
      const list: SeriesMarker<Time>[] = markersShown().map(([date, markers]) => {
        const index = indexOf.get(date) ?? 0;
        const above = !(previous && previous.above && index - previous.index < near);
        previous = { index, above };
        return {
          time: date,
          position: above ? "aboveBar" : "belowBar",
          shape: above ? "arrowDown" : "arrowUp",
          color: p.ink,
          size: 0.8,
          ...(showLabels ? { text: markedDayLabel(markers) } : {}),
        };
      });
      const after = data.afterPublication;
      if (after && (indexOf.get(after) ?? -1) >= shown.first) {
        list.push({
          time: after,
          position: "inBar",
          shape: "square",
          color: p.muted,
          size: 0.6,
          text: AFTER_PUBLICATION,
        });
        list.sort((a, b) => (String(a.time) < String(b.time) ? -1 : 1));
      }
      return list;
    };
    const markers: ISeriesMarkersPluginApi<Time> = lib.createSeriesMarkers(series, []);

    const applyBenchmark = (): void => {
      const closes = data.benchmark?.closes;
      if (!closes) return;
      if (comparing && !benchmark) {
        benchmark = chart.addSeries(lib.LineSeries, {
          priceFormat: PRICES,
          priceLineVisible: false,
          lineWidth: 2,
          lineStyle: BENCHMARK_STYLE.lineStyle,
          title: data.benchmark!.symbol,
        });
      } else if (!comparing && benchmark) {
        chart.removeSeries(benchmark);
        benchmark = undefined;
      }
      // In percentage mode each series is drawn as its change from the first bar shown: the range's start.
      chart
        .priceScale("right")
        .applyOptions({ mode: comparing ? lib.PriceScaleMode.Percentage : lib.PriceScaleMode.Normal });
      benchmark?.setData(
        closes
          .slice(shown.first, shown.last + 1)
          .map((value, j) =>
            value === null ? { time: dates[shown.first + j]! } : { time: dates[shown.first + j]!, value },
          ),
      );
    };

    const show = (): void => {
      shown = range
        ? { first: indexOf.get(range.from) ?? 0, last: indexOf.get(range.to) ?? dates.length - 1 }
        : { first: 0, last: dates.length - 1 };
      const slice = data.bars.slice(shown.first, shown.last + 1);
      setSeries(slice);
      volume?.setData(
        slice.map((bar, j) => {
          const value = volumes![shown.first + j];
          return value === null || value === undefined ? { time: bar[0] } : { time: bar[0], value };
        }),
      );
      shade?.set(dates.slice(shown.first, shown.last + 1));
      applyBenchmark();
      showLabels = labelled();
      markers.setMarkers(markerList(palette));
      restyleAll(palette);
      chart.timeScale().fitContent();
      this.dataset.range = range?.period ?? "";
      this.dataset.compare = comparing ? "on" : "off";
      this.dataset.points = String(series.data().length);
      if (summary && range) summary.textContent = (comparing && range.compareSummary) || range.summary;
      legend?.toggleAttribute("hidden", !comparing);
    };

    const restyleAll = (p: Palette): void => {
      palette = p;
      restyleSeries(p);
      shade?.restyle(p);
      volume?.applyOptions({ color: withAlpha(p.muted, 0.55) });
      benchmark?.applyOptions({ color: p.series[0] });
      markers.setMarkers(markerList(p));
    };

    // The controls: range buttons (arrow keys move between them) and the compare toggle.
    const buttons = [...(controls?.querySelectorAll<HTMLButtonElement>("button[data-range]") ?? [])];
    const compare = controls?.querySelector<HTMLButtonElement>("button[data-compare]");
    const listening = new AbortController();
    for (const button of buttons) {
      button.addEventListener(
        "click",
        () => {
          range = ranges.find((r) => r.period === button.dataset.range) ?? range;
          for (const b of buttons) b.setAttribute("aria-pressed", String(b === button));
          show();
        },
        { signal: listening.signal },
      );
      button.addEventListener(
        "keydown",
        (event) => {
          const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
          if (step === 0) return;
          event.preventDefault();
          buttons[(buttons.indexOf(button) + step + buttons.length) % buttons.length]!.focus();
        },
        { signal: listening.signal },
      );
    }
    compare?.addEventListener(
      "click",
      () => {
        comparing = !comparing;
        compare.setAttribute("aria-pressed", String(comparing));
        show();
      },
      { signal: listening.signal },
    );

    show();
    return {
      chart,
      restyle: restyleAll,
      points: () => series.data().length,
      resized: () => {
        // The range shown stays the range chosen, whatever the new width.
        chart.timeScale().fitContent();
        if (labelled() === showLabels) return;
        showLabels = labelled();
        markers.setMarkers(markerList(palette));
      },
      hrefOn: (date) => markersOn.get(date)?.find((m) => m.href)?.href,
      fillTip: (tip, date) => {
        const i = indexOf.get(date);
        if (i === undefined) return false;
        this.#fillPriceTip(tip, data, i, markersOn.get(date) ?? [], comparing);
        return true;
      },
      teardown: () => listening.abort(),
    };
  }

  #drawCompare(lib: Library, chart: IChartApi, data: CompareData): Drawn {
    const shade = this.#shading(lib, chart, data.dates, data.afterPublication);
    const lines = data.series.map((s, i) => {
      const drawn = chart.addSeries(lib.LineSeries, {
        priceFormat: {
          type: "custom",
          formatter: (value: number) => formatCompareValue(value, data.mode),
          minMove: 0.01,
        },
        priceLineVisible: false,
        lastValueVisible: true,
        lineWidth: 2,
        lineStyle: SERIES_STYLES[i]!.lineStyle,
        title: s.symbol,
      });
      drawn.setData(s.values.map((value, j) => ({ time: data.dates[j]!, value })));
      return drawn;
    });
    chart.timeScale().fitContent();
    const indexOf = new Map(data.dates.map((date, i) => [date, i]));
    return {
      chart,
      restyle: (p) => {
        shade?.restyle(p);
        lines.forEach((drawn, i) => drawn.applyOptions({ color: p.series[i] }));
      },
      points: () => lines[0]!.data().length,
      fillTip: (tip, date) => {
        const i = indexOf.get(date);
        if (i === undefined) return false;
        tip.replaceChildren(
          line(formatDate(date, "short"), "font-medium"),
          ...data.series.map((s) =>
            line(`${s.name} (${s.symbol}) ${formatCompareValue(s.values[i]!, data.mode)}`),
          ),
          ...(data.afterPublication && date >= data.afterPublication
            ? [line(AFTER_PUBLICATION, "mt-1 text-muted")]
            : []),
        );
        return true;
      },
    };
  }

  /** The read-out for bar `i`: date, price(s), the day's move, volume, and the full labels of its markers. */
  #fillPriceTip(
    tip: HTMLElement,
    data: ChartData,
    i: number,
    markers: ChartMarker[],
    comparing: boolean,
  ): void {
    const bar: BarTuple = data.bars[i]!;
    const [date, close] = bar;
    const price = (value: number) => formatPrice(value, data.ticker);
    const rows = [line(formatDate(date, "short"), "font-medium")];
    if (bar.length === 5) {
      rows.push(
        line(`Open ${price(bar[2])} · High ${price(bar[3])}`),
        line(`Low ${price(bar[4])} · Close ${price(close)}`),
      );
    } else {
      rows.push(line(`Close ${price(close)}`));
    }
    const percent = data.dayChanges[i];
    if (percent !== null && percent !== undefined) {
      const dir = direction({ percent });
      rows.push(
        line(`${directionArrow(dir)} ${formatPercent(percent, true)} on the day`, DIRECTION_COLOUR[dir]),
      );
    }
    const volume = data.volumes?.[i];
    if (volume !== null && volume !== undefined) rows.push(line(`Volume ${formatVolume(volume)}`));
    const benchmark = data.benchmark;
    const other = benchmark?.closes[i];
    if (comparing && benchmark && other !== null && other !== undefined) {
      rows.push(line(`${benchmark.name} ${formatPrice(other, benchmark.ticker)}`));
    }
    if (data.afterPublication && date >= data.afterPublication)
      rows.push(line(AFTER_PUBLICATION, "text-muted"));
    for (const marker of markers) {
      rows.push(line(marker.href ? `${marker.label} (click to read)` : marker.label, "mt-1 font-medium"));
    }
    tip.replaceChildren(...rows);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "price-chart": PriceChartElement;
  }
}

if (!customElements.get("price-chart")) customElements.define("price-chart", PriceChartElement);
