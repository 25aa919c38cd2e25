/**
 * Periods back from a day: one month, three months, six months, the year to date, one year, and all
 * the data. The quote header's changes over a period and the chart's range buttons use the same
 * rule, so "3M" means one thing on a ticker page:
 *
 * - a period of N months starts at the close of the last trading day on or before the same calendar
 *   date N months earlier (31 March less one month is 28 February);
 * - the year to date starts at the last close of the previous year;
 * - when the data begin after that day, the period starts at the first bar instead and says so
 *   (`since`), so a figure never claims a span the data do not cover.
 */
import { tradingDayOnOrBefore } from "./bars.ts";
import type { Bar } from "./snapshot.ts";

export const PERIODS = ["1M", "3M", "6M", "YTD", "1Y", "All"] as const;
export type Period = (typeof PERIODS)[number];

/** How each period is said in full, for labels and summaries. */
export const PERIOD_NAMES: Record<Period, string> = {
  "1M": "1 month",
  "3M": "3 months",
  "6M": "6 months",
  YTD: "Year to date",
  "1Y": "1 year",
  All: "All the data",
};

const MONTHS: Partial<Record<Period, number>> = { "1M": 1, "3M": 3, "6M": 6, "1Y": 12 };

/** `date` less `months` calendar months, the day kept where the month has it, else its last day. */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** `date` less `days` calendar days. */
export function daysBefore(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

/** Where a period back from `end` starts. */
export interface PeriodStart {
  /** The trading day whose close the period is measured from (the first day of its chart range). */
  from: string;
  /** The first date of the data, when they begin after the period's own start; absent otherwise. */
  since?: string;
}

/**
 * The start of `period` back from `end` (a trading day in `bars`): see the module's rule. `All`
 * starts at the first bar, which is never a shortfall.
 */
export function periodStart(bars: readonly Bar[], period: Period, end: string): PeriodStart {
  const first = bars[0]!.date;
  if (period === "All") return { from: first };
  const target =
    period === "YTD" ? `${Number(end.slice(0, 4)) - 1}-12-31` : monthsBefore(end, MONTHS[period]!);
  if (target < first) return { from: first, since: first };
  return { from: tradingDayOnOrBefore(bars, target) };
}
