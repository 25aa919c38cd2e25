/**
 * A ChartSpec drawn as a static SVG: the series, a dashed rule with the price at the highest and lowest
 * point, the first and last date, and the markers with short labels. Pure string building, no DOM.
 *
 * Two variants of one drawing:
 * - "file": a standalone image (xmlns, fixed size, explicit colours of the light theme, a background, no
 *   CSS, no scripts) that feeds and image viewers can show as it is;
 * - "inline": for the article page, as wide as its column and coloured with the site's theme utilities
 *   (fill-ink, stroke-up, ...), so it follows the light/dark theme without JavaScript.
 *
 * Horizontal positions are percentages and the series sits in a nested SVG stretched to the full width
 * (`preserveAspectRatio="none"`, strokes kept at their width with `vector-effect`), so one drawing fits
 * any width at the chart's fixed height.
 *
 * A price chart may carry a volume pane under the price, and an article's chart may shade the days
 * after publication; a comparison (`compareSvg`) draws one line per series, each in its own colour and
 * dash pattern, with a legend in the image file (the page writes its legend in HTML).
 */
import { AFTER_PUBLICATION, markedDayLabel, markersByDate } from "./wording.ts";
import { rangeDirection } from "./resolve.ts";
import { CHART, type ChartSpec } from "./spec.ts";
import type { CompareSpec } from "./compare.ts";
import { SERIES_STYLES } from "./styles.ts";
import { formatDate } from "../site/dates.ts";
import { formatCompareValue, formatPrice, formatVolume } from "../prices/format.ts";

export type SvgVariant = "file" | "inline";

/** Width of the image file in pixels (about the article column); its height is the chart's. */
export const CHART_FILE_WIDTH = 720;

/** The light theme's colours (src/styles/global.css :root), spelled out for image files. */
export const FILE_COLOURS = {
  paper: "#fbfaf7",
  ink: "#1a1a1a",
  muted: "#545458",
  rule: "#d6d2c8",
  up: "#0a6e37",
  down: "#b0241b",
  "series-1": "#0b4fb3",
  "series-2": "#a14f00",
  "series-3": "#00776a",
  "series-4": "#7a3db8",
  "series-5": "#a3195b",
  "series-6": "#4d4d4d",
} as const;

type Colour = keyof typeof FILE_COLOURS;

// Written out in full so Tailwind finds and generates each utility.
const INLINE_FILL: Record<Colour, string> = {
  paper: "fill-paper",
  ink: "fill-ink",
  muted: "fill-muted",
  rule: "fill-rule",
  up: "fill-up",
  down: "fill-down",
  "series-1": "fill-series-1",
  "series-2": "fill-series-2",
  "series-3": "fill-series-3",
  "series-4": "fill-series-4",
  "series-5": "fill-series-5",
  "series-6": "fill-series-6",
};
const INLINE_STROKE: Record<Colour, string> = {
  paper: "stroke-paper",
  ink: "stroke-ink",
  muted: "stroke-muted",
  rule: "stroke-rule",
  up: "stroke-up",
  down: "stroke-down",
  "series-1": "stroke-series-1",
  "series-2": "stroke-series-2",
  "series-3": "stroke-series-3",
  "series-4": "stroke-series-4",
  "series-5": "stroke-series-5",
  "series-6": "stroke-series-6",
};

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
const FONT_SIZE = 12;
/** Rough width of a character at FONT_SIZE, to keep marker labels from running into each other. */
const CHAR_WIDTH = 6.6;
/** Width of one bar's slot in the nested drawing's own units. */
const SLOT = 10;

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
/** A coordinate with at most two decimals. */
const num = (value: number): string => String(Math.round(value * 100) / 100);

function paint(variant: SvgVariant, fill: Colour | "none", stroke: Colour | "none" = "none"): string {
  if (variant === "file") {
    return `fill="${fill === "none" ? "none" : FILE_COLOURS[fill]}"${stroke === "none" ? "" : ` stroke="${FILE_COLOURS[stroke]}"`}`;
  }
  const classes = [fill === "none" ? "" : INLINE_FILL[fill], stroke === "none" ? "" : INLINE_STROKE[stroke]]
    .filter(Boolean)
    .join(" ");
  return `${fill === "none" ? 'fill="none" ' : ""}class="${classes}"`;
}

/** Width and height of the image file for a chart, for `<img width height>`. */
export function chartFileSize(spec: Pick<ChartSpec, "height">): { width: number; height: number } {
  return { width: CHART_FILE_WIDTH, height: spec.height };
}

/** One marker per date: several labels on a date become "first label +N". */
interface MarkerPoint {
  /** Horizontal position in per cent of the width. */
  x: number;
  close: number;
  text: string;
}

function markerPoints(spec: ChartSpec): MarkerPoint[] {
  return [...markersByDate(spec.markers)].flatMap(([date, markers]) => {
    const index = spec.bars.findIndex((bar) => bar.date === date);
    if (index < 0) return [];
    const text = markedDayLabel(markers);
    return [{ x: ((index + 0.5) / spec.bars.length) * 100, close: spec.bars[index]!.close, text }];
  });
}

interface LabelPlace {
  row: number;
  anchor: "start" | "end";
}

/**
 * Where each marker's label goes in a drawing `width` pixels wide: one of two rows above the plot,
 * to the right of its line if it fits, else to the left; never over another label or across another
 * marker's line. A label with no room is left out (undefined): the data table and tooltip keep it.
 */
function placeLabels(points: readonly MarkerPoint[], width: number): (LabelPlace | undefined)[] {
  const boxes: { row: number; start: number; end: number }[] = [];
  const lines: { x: number; row: number }[] = [];
  return points.map((point) => {
    const x = (point.x / 100) * width;
    const w = point.text.length * CHAR_WIDTH + 4;
    for (const anchor of ["start", "end"] as const) {
      const [start, end] = anchor === "start" ? [x, x + w] : [x - w, x];
      if (start < 0 || end > width) continue;
      for (const row of [0, 1]) {
        const free =
          !boxes.some((b) => b.row === row && start < b.end + 8 && end > b.start - 8) &&
          // A line runs down from its label's row, through the rows below it.
          !lines.some((l) => l.row < row && l.x >= start - 4 && l.x <= end + 4) &&
          !boxes.some((b) => b.row > row && x >= b.start - 4 && x <= b.end + 4);
        if (free) {
          boxes.push({ row, start, end });
          lines.push({ x, row });
          return { row, anchor };
        }
      }
    }
    return undefined;
  });
}

/** Column widths the inline chart's labels are laid out for: a phone, and the narrowest wider screen. */
const NARROW_WIDTH = 288;
const WIDE_WIDTH = 608;

/** Where the parts of a drawing sit, top to bottom, in pixels. */
interface Frame {
  plotTop: number;
  /** Bottom of the price (or comparison) plot. */
  plotBottom: number;
  /** The volume pane, when there is one. */
  volume?: { top: number; height: number };
}

function frameOf(height: number, top: number, volume: boolean): Frame {
  const plotTop = top + 19;
  if (!volume) return { plotTop, plotBottom: height - 38 };
  const paneHeight = Math.round(height * CHART.volumeShare);
  const paneTop = height - 22 - paneHeight;
  return { plotTop, plotBottom: paneTop - 36, volume: { top: paneTop, height: paneHeight } };
}

/** Dashed rules at the top and bottom of the plot with their values, and the first and last date. */
function axes(
  variant: SvgVariant,
  frame: Frame,
  H: number,
  labels: { hi: string; lo: string; from: string; to: string },
): string {
  const rules = [frame.plotTop, frame.plotBottom].map(
    (y) =>
      `<line x1="0" x2="100%" y1="${y}" y2="${y}" ${paint(variant, "none", "rule")} stroke-dasharray="3 3"/>`,
  );
  return (
    rules.join("") +
    `<g ${paint(variant, "muted")}>` +
    `<text x="0" y="${frame.plotTop - 6}">${esc(labels.hi)}</text>` +
    `<text x="0" y="${frame.plotBottom + 15}">${esc(labels.lo)}</text>` +
    `<text x="0" y="${H - 5}">${esc(labels.from)}</text>` +
    `<text x="100%" y="${H - 5}" text-anchor="end">${esc(labels.to)}</text>` +
    `</g>`
  );
}

/** The days after publication, from bar `index` of `n` on: shaded, and labelled at the top right. */
function shading(variant: SvgVariant, frame: Frame, index: number, n: number): string {
  const x = `${num((index / n) * 100)}%`;
  const bottom = frame.volume ? frame.volume.top + frame.volume.height : frame.plotBottom;
  return (
    `<rect x="${x}" y="${frame.plotTop}" width="${num(((n - index) / n) * 100)}%" height="${bottom - frame.plotTop}" ${paint(variant, "muted")} fill-opacity="0.12"/>` +
    `<text x="100%" y="${frame.plotTop - 6}" text-anchor="end" ${paint(variant, "ink")}>${esc(AFTER_PUBLICATION)}</text>`
  );
}

/** Daily volume as bars in the pane under the price, with the highest volume as its scale. */
function volumePane(variant: SvgVariant, frame: Frame, spec: ChartSpec): string {
  const pane = frame.volume!;
  const volumes = spec.bars.map((bar) => bar.volume ?? 0);
  const max = Math.max(...volumes);
  const n = spec.bars.length;
  const bars = volumes
    .map((v, i) => {
      const h = max === 0 ? 0 : (v / max) * pane.height;
      return h === 0
        ? ""
        : `<rect x="${num(i * SLOT + 1.5)}" y="${num(pane.height - h)}" width="${SLOT - 3}" height="${num(h)}"/>`;
    })
    .join("");
  return (
    `<text x="0" y="${pane.top - 5}" ${paint(variant, "muted")}>${esc(`Volume (highest ${formatVolume(max)})`)}</text>` +
    `<svg x="0" y="${pane.top}" width="100%" height="${pane.height}" viewBox="0 0 ${n * SLOT} ${pane.height}" preserveAspectRatio="none"><g ${paint(variant, "muted")} fill-opacity="0.75">${bars}</g></svg>`
  );
}

function root(variant: SvgVariant, H: number, label: string, parts: string[]): string {
  const attrs =
    variant === "file"
      ? `width="${CHART_FILE_WIDTH}" height="${H}" viewBox="0 0 ${CHART_FILE_WIDTH} ${H}" font-family="${FONT}"`
      : `width="100%" height="${H}" class="block overflow-visible" aria-label="${esc(label)}"`;
  return `<svg xmlns="http://www.w3.org/2000/svg" ${attrs} font-size="${FONT_SIZE}" role="img">${parts.join("")}</svg>`;
}

/** The chart as an SVG document (variant "file") or element (variant "inline"). */
export function chartSvg(spec: ChartSpec, variant: SvgVariant): string {
  const { bars, height: H } = spec;
  const n = bars.length;
  const candles = spec.type === "candles";
  const highs = bars.map((b) => (candles ? b.high : b.close));
  const lows = bars.map((b) => (candles ? b.low : b.close));
  const hi = Math.max(...highs);
  const lo = Math.min(...lows);

  const points = markerPoints(spec);
  // Label layouts with the class that shows each: the file has one width; the page has two, one below
  // Tailwind's `sm` breakpoint and one above (the same layout twice needs no class).
  const wide = placeLabels(points, variant === "file" ? CHART_FILE_WIDTH : WIDE_WIDTH);
  const narrow = variant === "file" ? wide : placeLabels(points, NARROW_WIDTH);
  const same = narrow.every((place, i) => place?.row === wide[i]?.row && place?.anchor === wide[i]?.anchor);
  const layouts: { places: (LabelPlace | undefined)[]; className: string }[] = same
    ? [{ places: wide, className: "" }]
    : [
        { places: narrow, className: "sm:hidden" },
        { places: wide, className: "max-sm:hidden" },
      ];
  const top = layouts.some((layout) => layout.places.some(Boolean)) ? 34 : 4;
  const rowY = [13, 27];
  const frame = frameOf(H, top, spec.volume);
  const { plotTop, plotBottom } = frame;
  const plotH = plotBottom - plotTop;
  /** Vertical position inside the plot (the nested drawing's units are pixels vertically). */
  const yOf = (v: number): number => (hi === lo ? plotH / 2 : ((hi - v) / (hi - lo)) * plotH);
  const xOf = (i: number): number => i * SLOT + SLOT / 2;

  const series = { up: "up", down: "down", flat: "ink" }[rangeDirection(spec)] as Colour;
  const keepWidth = 'vector-effect="non-scaling-stroke"';
  const parts: string[] = [];

  if (variant === "file")
    parts.push(`<title>${esc(spec.title)}</title><desc>${esc(spec.description)}</desc>`);
  if (variant === "file") parts.push(`<rect width="100%" height="100%" ${paint(variant, "paper")}/>`);

  const after = spec.afterPublication ? bars.findIndex((bar) => bar.date === spec.afterPublication) : -1;
  if (after > 0) parts.push(shading(variant, frame, after, n));
  parts.push(
    axes(variant, frame, H, {
      hi: formatPrice(hi, spec.ticker),
      lo: formatPrice(lo, spec.ticker),
      from: formatDate(spec.from, "short"),
      to: formatDate(spec.to, "short"),
    }),
  );
  if (frame.volume) parts.push(volumePane(variant, frame, spec));

  // The series, stretched to the full width.
  const inner: string[] = [];
  if (candles) {
    bars.forEach((bar, i) => {
      const colour: Colour = bar.close >= bar.open ? "up" : "down";
      const bodyTop = Math.min(yOf(bar.open), yOf(bar.close));
      const bodyHeight = Math.max(Math.abs(yOf(bar.open) - yOf(bar.close)), 1);
      inner.push(
        `<g ${paint(variant, colour, colour)}>` +
          `<line x1="${num(xOf(i))}" x2="${num(xOf(i))}" y1="${num(yOf(bar.high))}" y2="${num(yOf(bar.low))}" ${keepWidth}/>` +
          `<rect x="${num(xOf(i) - SLOT * 0.3)}" y="${num(bodyTop)}" width="${num(SLOT * 0.6)}" height="${num(bodyHeight)}" stroke="none"/>` +
          `</g>`,
      );
    });
  } else {
    const line = bars
      .map((bar, i) => `${i === 0 ? "M" : "L"}${num(xOf(i))} ${num(yOf(bar.close))}`)
      .join(" ");
    if (spec.type === "area") {
      const area = `${line} L${num(xOf(n - 1))} ${plotH} L${num(xOf(0))} ${plotH} Z`;
      inner.push(`<path d="${area}" ${paint(variant, series)} fill-opacity="0.12"/>`);
    }
    inner.push(
      `<path d="${line}" ${paint(variant, "none", series)} stroke-width="2" stroke-linejoin="round" ${keepWidth} data-points="${n}"/>`,
    );
  }
  parts.push(
    `<svg x="0" y="${plotTop}" width="100%" height="${plotH}" viewBox="0 0 ${n * SLOT} ${plotH}" preserveAspectRatio="none" overflow="visible">${inner.join("")}</svg>`,
  );

  // Markers: a dashed line through the plot, a dot on the close, the short label above.
  for (const point of points) {
    const x = `${num(point.x)}%`;
    parts.push(
      `<line x1="${x}" x2="${x}" y1="${plotTop}" y2="${plotBottom}" ${paint(variant, "none", "muted")} stroke-dasharray="2 3"/>` +
        `<circle cx="${x}" cy="${num(plotTop + yOf(point.close))}" r="4" ${paint(variant, "ink", "paper")} stroke-width="1.5"/>`,
    );
  }
  for (const { places, className } of layouts) {
    const labels = points.flatMap((point, i) => {
      const place = places[i];
      if (!place) return [];
      const x = `${num(point.x)}%`;
      const y = rowY[place.row]!;
      return [
        `<line x1="${x}" x2="${x}" y1="${y + 4}" y2="${plotTop}" stroke-dasharray="2 3"/>` +
          `<text x="${x}" dx="${place.anchor === "start" ? 4 : -4}" y="${y}" text-anchor="${place.anchor}" stroke="none">${esc(point.text)}</text>`,
      ];
    });
    if (labels.length === 0) continue;
    const shown = className ? ` class="${className}"` : "";
    parts.push(`<g${shown}><g ${paint(variant, "ink", "muted")}>${labels.join("")}</g></g>`);
  }

  return root(variant, H, spec.description, parts);
}

/** Height of one row of the image file's legend. */
const LEGEND_ROW = 18;
/** Series the image file's legend fits on one row. */
const LEGEND_PER_ROW = 3;

/**
 * A comparison as an SVG document (variant "file", with a legend) or element (variant "inline", whose
 * legend the page writes): one line per series in its colour and dash pattern, a rule at the base
 * (100, or 0%), the highest and lowest values and both end dates.
 */
export function compareSvg(spec: CompareSpec, variant: SvgVariant): string {
  const H = spec.height;
  const n = spec.dates.length;
  const all = spec.series.flatMap((s) => s.values);
  const hi = Math.max(...all);
  const lo = Math.min(...all);
  const legendRows = variant === "file" ? Math.ceil(spec.series.length / LEGEND_PER_ROW) : 0;
  const frame = frameOf(H, 4 + legendRows * LEGEND_ROW, false);
  const { plotTop, plotBottom } = frame;
  const plotH = plotBottom - plotTop;
  const yOf = (v: number): number => (hi === lo ? plotH / 2 : ((hi - v) / (hi - lo)) * plotH);
  const xOf = (i: number): number => i * SLOT + SLOT / 2;
  const keepWidth = 'vector-effect="non-scaling-stroke"';
  const base = spec.mode === "rebased" ? 100 : 0;
  const parts: string[] = [];

  if (variant === "file") {
    parts.push(`<title>${esc(spec.title)}</title><desc>${esc(spec.description)}</desc>`);
    parts.push(`<rect width="100%" height="100%" ${paint(variant, "paper")}/>`);
    spec.series.forEach((s, i) => {
      const style = SERIES_STYLES[i]!;
      const x = (i % LEGEND_PER_ROW) * (CHART_FILE_WIDTH / LEGEND_PER_ROW);
      const y = 4 + Math.floor(i / LEGEND_PER_ROW) * LEGEND_ROW + 12;
      parts.push(
        `<line x1="${x}" x2="${x + 24}" y1="${y - 4}" y2="${y - 4}" ${paint(variant, "none", style.colour)} stroke-width="2.5"${style.dash ? ` stroke-dasharray="${style.dash}"` : ""}/>` +
          `<text x="${x + 30}" y="${y}" ${paint(variant, "ink")}>${esc(`${s.ticker.name} (${s.ticker.symbol})`)}</text>`,
      );
    });
  }
  const after = spec.afterPublication ? spec.dates.indexOf(spec.afterPublication) : -1;
  if (after > 0) parts.push(shading(variant, frame, after, n));
  parts.push(
    axes(variant, frame, H, {
      hi: formatCompareValue(hi, spec.mode),
      lo: formatCompareValue(lo, spec.mode),
      from: formatDate(spec.from, "short"),
      to: formatDate(spec.to, "short"),
    }),
  );
  const inner = [
    `<line x1="0" x2="${n * SLOT}" y1="${num(yOf(base))}" y2="${num(yOf(base))}" ${paint(variant, "none", "muted")} stroke-dasharray="1 3" ${keepWidth}/>`,
    ...spec.series.map((s, i) => {
      const style = SERIES_STYLES[i]!;
      const d = s.values.map((v, j) => `${j === 0 ? "M" : "L"}${num(xOf(j))} ${num(yOf(v))}`).join(" ");
      return `<path d="${d}" ${paint(variant, "none", style.colour)} stroke-width="2.5" stroke-linejoin="round"${style.dash ? ` stroke-dasharray="${style.dash}"` : ""} ${keepWidth} data-series="${esc(s.ticker.id)}"/>`;
    }),
  ];
  parts.push(
    `<svg x="0" y="${plotTop}" width="100%" height="${plotH}" viewBox="0 0 ${n * SLOT} ${plotH}" preserveAspectRatio="none" overflow="visible">${inner.join("")}</svg>`,
  );
  return root(variant, H, spec.description, parts);
}

/** Width and height of the image file for a comparison. */
export function compareFileSize(spec: Pick<CompareSpec, "height">): { width: number; height: number } {
  return { width: CHART_FILE_WIDTH, height: spec.height };
}

/** A comparison's file variant with an XML declaration. */
export function compareSvgFile(spec: CompareSpec): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${compareSvg(spec, "file")}\n`;
}

/** The file variant with an XML declaration, ready to be written as `<name>.svg`. */
export function chartSvgFile(spec: ChartSpec): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${chartSvg(spec, "file")}\n`;
}
