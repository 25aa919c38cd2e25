/**
 * `<price-chart>`: upgrades a chart figure's static SVG to an interactive lightweight-charts chart
 * when it scrolls into view. The library is imported on first use only, so a page without a chart
 * loads none of it and a page with several loads it once. The chart sits over the SVG (same box, no
 * layout shift), follows the theme toggle and its container's size, and is removed with the element.
 *
 * It is drawn under a strict Content-Security-Policy: the attribution logo (which injects a <style>)
 * is off, TradingView is credited in the site footer, and positions are set through the CSSOM only.
 * The canvas is hidden from assistive technology: the figure's caption and data table say it all.
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
import { markedDayLabel, markersByDate } from "@/lib/chart/wording.ts";
import type { BarTuple, ChartData } from "@/lib/chart/embed.ts";
import type { ChartMarker } from "@/lib/chart/spec.ts";
import { formatDate } from "@/lib/site/dates.ts";
import {
  direction,
  DIRECTION_COLOUR,
  directionArrow,
  formatAmount,
  formatPercent,
  formatPrice,
} from "@/lib/prices/format.ts";
import { site } from "@/lib/site/config.ts";

type Library = typeof import("lightweight-charts");
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
      { rootMargin: "100px 0px" },
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
    const data = JSON.parse(json) as ChartData;
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
    this.#teardown = this.#draw(lib, data);
  }

  #draw(lib: Library, data: ChartData): () => void {
    const svg = this.querySelector("svg");
    const host = document.createElement("div");
    host.className = "absolute inset-0";
    host.setAttribute("aria-hidden", "true");
    const tip = document.createElement("div");
    tip.className =
      "pointer-events-none absolute top-0 z-10 hidden max-w-64 rounded border border-rule bg-paper px-2 py-1 text-xs leading-snug text-ink shadow-sm";
    host.append(tip);
    this.append(host);

    const dates = data.bars.map((bar) => bar[0]);
    const indexOf = new Map(dates.map((date, i) => [date, i]));
    const markersOn = markersByDate(data.markers);

    let palette = readPalette(this);
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
        priceFormatter: formatAmount,
        timeFormatter: (time: Time) => formatDate(dateOf(time), "short"),
      },
    });

    let series: ISeriesApi<SeriesType>;
    let restyleSeries: (p: Palette) => void;
    const lineColour = (p: Palette) => ({ up: p.up, down: p.down, flat: p.ink })[data.direction];
    if (data.type === "candles") {
      const candles = chart.addSeries(lib.CandlestickSeries, {
        priceLineVisible: false,
        borderVisible: false,
      });
      candles.setData(
        data.bars.map((bar) => ({ time: bar[0], close: bar[1], open: bar[2]!, high: bar[3]!, low: bar[4]! })),
      );
      restyleSeries = (p) =>
        candles.applyOptions({ upColor: p.up, downColor: p.down, wickUpColor: p.up, wickDownColor: p.down });
      series = candles;
    } else if (data.type === "line") {
      const line = chart.addSeries(lib.LineSeries, { priceLineVisible: false, lineWidth: 2 });
      line.setData(data.bars.map((bar) => ({ time: bar[0], value: bar[1] })));
      restyleSeries = (p) => line.applyOptions({ color: lineColour(p) });
      series = line;
    } else {
      const area = chart.addSeries(lib.AreaSeries, { priceLineVisible: false, lineWidth: 2 });
      area.setData(data.bars.map((bar) => ({ time: bar[0], value: bar[1] })));
      restyleSeries = (p) =>
        area.applyOptions({
          lineColor: lineColour(p),
          topColor: withAlpha(lineColour(p), 0.28),
          bottomColor: withAlpha(lineColour(p), 0.02),
        });
      series = area;
    }

    // Labels on the canvas only where they fit: few markers and a wide enough chart; markers a few
    // sessions apart alternate above and below the series so their labels do not collide.
    const near = Math.max(2, Math.ceil(data.bars.length / 6));
    const labelled = (): boolean => markersOn.size <= 3 && host.clientWidth >= 480;
    let showLabels = labelled();
    const markerList = (p: Palette): SeriesMarker<Time>[] => {
      let previous: { index: number; above: boolean } | undefined;
      return [...markersOn].map(([date, markers]) => {
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
    };
    const markers: ISeriesMarkersPluginApi<Time> = lib.createSeriesMarkers(series, markerList(palette));
    const resized = (): void => {
      if (labelled() === showLabels) return;
      showLabels = labelled();
      markers.setMarkers(markerList(palette));
    };
    chart.timeScale().subscribeSizeChange(resized);

    const restyle = (): void => {
      palette = readPalette(this);
      chart.applyOptions({
        layout: { textColor: palette.muted },
        grid: { horzLines: { color: withAlpha(palette.rule, 0.8) } },
        rightPriceScale: { borderColor: palette.rule },
        timeScale: { borderColor: palette.rule },
        crosshair: {
          vertLine: { color: palette.muted, labelBackgroundColor: palette.ink },
          horzLine: { color: palette.muted, labelBackgroundColor: palette.ink },
        },
      });
      restyleSeries(palette);
      markers.setMarkers(markerList(palette));
      this.dataset.theme = document.documentElement.dataset.theme ?? "light";
    };
    restyle();
    chart.timeScale().fitContent();

    const showTip = (param: MouseEventParams<Time>): void => {
      const i = param.time === undefined ? undefined : indexOf.get(dateOf(param.time));
      if (i === undefined || !param.point) {
        tip.classList.add("hidden");
        host.style.cursor = "";
        return;
      }
      this.#fillTip(tip, data, i, markersOn.get(dates[i]!) ?? []);
      tip.classList.remove("hidden");
      const room = host.clientWidth - tip.offsetWidth;
      const left = param.point.x + 12 <= room ? param.point.x + 12 : param.point.x - tip.offsetWidth - 12;
      tip.style.left = `${Math.max(0, Math.min(left, room))}px`;
      host.style.cursor = markersOn.get(dates[i]!)?.some((m) => m.href) ? "pointer" : "";
    };
    const follow = (param: MouseEventParams<Time>): void => {
      if (param.time === undefined) return;
      const href = markersOn.get(dateOf(param.time))?.find((m) => m.href)?.href;
      if (href) window.location.assign(href);
    };
    chart.subscribeCrosshairMove(showTip);
    chart.subscribeClick(follow);

    const listening = new AbortController();
    document.addEventListener("themechange", restyle, { signal: listening.signal });

    svg?.classList.add("invisible");
    this.dataset.points = String(series.data().length);
    this.dataset.state = "interactive";

    return () => {
      listening.abort();
      chart.unsubscribeCrosshairMove(showTip);
      chart.unsubscribeClick(follow);
      chart.timeScale().unsubscribeSizeChange(resized);
      chart.remove();
      host.remove();
      svg?.classList.remove("invisible");
      delete this.dataset.points;
      delete this.dataset.state;
      delete this.dataset.theme;
    };
  }

  /** The read-out for bar `i`: date, price(s), the day's move, and the full labels of its markers. */
  #fillTip(tip: HTMLElement, data: ChartData, i: number, markers: ChartMarker[]): void {
    const bar: BarTuple = data.bars[i]!;
    const [date, close] = bar;
    const line = (text: string, className = ""): HTMLElement => {
      const el = document.createElement("div");
      el.textContent = text;
      if (className) el.className = className;
      return el;
    };
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
