/**
 * The props of <PriceChart> as an editor writes them, checked one by one before they meet the data:
 * bad values throw a PriceDataError naming the prop, the value and what would work.
 */
import { show } from "../content/errors.ts";
import { isCalendarDate } from "../site/dates.ts";
import { checkUrl } from "../site/urls.ts";
import { PriceDataError } from "../prices/bars.ts";
import { CHART, chartTypes, type ChartMarker, type ChartType } from "./spec.ts";

export function dateProp(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && isCalendarDate(value)) return value;
  throw new PriceDataError(
    `${name}=${show(value)} is not a date; write ${name}="YYYY-MM-DD", e.g. "2025-01-27"`,
  );
}

export function typeProp(value: unknown): ChartType {
  if (value === undefined) return "area";
  if (chartTypes.includes(value as ChartType)) return value as ChartType;
  throw new PriceDataError(`type=${show(value)} is not a chart type; use one of ${chartTypes.join(", ")}`);
}

export function heightProp(value: unknown): number {
  if (value === undefined) return CHART.height;
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n === "number" && Number.isInteger(n) && n >= CHART.minHeight && n <= CHART.maxHeight) return n;
  throw new PriceDataError(
    `height=${show(value)} is not accepted; give a whole number of pixels from ${CHART.minHeight} to ${CHART.maxHeight}, e.g. height={${CHART.height}}`,
  );
}

export function titleProp(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  throw new PriceDataError(`title=${show(value)} is not accepted; give a short heading, or leave title out`);
}

/** Checks the shape of `markers`: a list of { date, label, href? }. Dates are checked against the data later. */
export function markersProp(value: unknown): ChartMarker[] | undefined {
  if (value === undefined) return undefined;
  const example = 'markers={[{ date: "2025-01-27", label: "DeepSeek sell-off" }]}';
  if (!Array.isArray(value)) throw new PriceDataError(`markers must be a list; write ${example}`);
  return value.map((item: unknown, i): ChartMarker => {
    const where = `markers[${i}]`;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      throw new PriceDataError(`${where} is ${show(item)}, not { date, label }; write ${example}`);
    }
    const { date, label, href, ...rest } = item as Record<string, unknown>;
    const unknown = Object.keys(rest);
    if (unknown.length > 0) {
      throw new PriceDataError(
        `${where} has unknown field ${unknown.join(", ")}; a marker has date, label and href`,
      );
    }
    if (typeof date !== "string" || !isCalendarDate(date)) {
      throw new PriceDataError(`${where}.date ${show(date)} is not a date; write date: "YYYY-MM-DD"`);
    }
    if (typeof label !== "string" || label.trim() === "") {
      throw new PriceDataError(`${where}.label ${show(label)} is missing or empty; give a short label`);
    }
    if (href === undefined) return { date, label: label.trim() };
    if (typeof href !== "string") {
      throw new PriceDataError(
        `${where}.href ${show(href)} is not a link; give a site path ("/articles/x/") or an https:// address`,
      );
    }
    const link = checkUrl(href);
    if ("problem" in link) {
      throw new PriceDataError(`${where}.href ${show(href)} is not a link: the address ${link.problem}`);
    }
    return { date, label: label.trim(), href };
  });
}

/**
 * A switch such as `volume` or `afterPublication`: written bare (`<PriceChart volume />`) or as
 * `{true}`/`{false}`; anything else is refused rather than guessed.
 */
export function flagProp(name: string, value: unknown): boolean {
  if (value === undefined || value === false) return false;
  if (value === true) return true;
  throw new PriceDataError(
    `${name}=${show(value)} is not accepted; write ${name} on its own (or ${name}={true}) to turn it on, or leave it out`,
  );
}
