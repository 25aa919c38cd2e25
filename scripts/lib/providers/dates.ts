/**
 * Calendar dates for providers. A bar's date is the trading day in the exchange's own calendar: Yahoo
 * stamps a daily bar with the instant the session opened, and for Sydney (10:00 local, 23:00 or 00:00
 * UTC) or any market east of UTC that instant can fall on the previous UTC day, so dates are never taken
 * from the UTC clock.
 */
import { isCalendarDate } from "../../../src/lib/site/index.ts";
import type { DailyRequest } from "./types.ts";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    // Throws RangeError for a zone the runtime does not know.
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date, `YYYY-MM-DD`, of a Unix time (seconds) in an IANA time zone. */
export function dateInZone(epochSeconds: number, timeZone: string): string {
  const parts = formatter(timeZone).formatToParts(new Date(epochSeconds * 1000));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The calendar date of a Unix time (seconds) at a fixed offset from UTC (seconds east). */
export function dateAtOffset(epochSeconds: number, offsetSeconds: number): string {
  return new Date((epochSeconds + offsetSeconds) * 1000).toISOString().slice(0, 10);
}

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * Checks a request before anything is fetched. These are the caller's mistakes, not the provider's,
 * so they are plain Errors that name the field, the value and the fix.
 */
export function checkRequest(provider: string, request: DailyRequest): void {
  const problems: string[] = [];
  if (typeof request.symbol !== "string" || request.symbol.trim() === "") {
    problems.push(`symbol ${JSON.stringify(request.symbol)} is empty; give the provider's symbol, e.g. AAPL`);
  }
  for (const field of ["from", "to"] as const) {
    if (typeof request[field] !== "string" || !isCalendarDate(request[field])) {
      problems.push(`${field} ${JSON.stringify(request[field])} is not a calendar date; write YYYY-MM-DD`);
    }
  }
  if (problems.length === 0 && request.from > request.to) {
    problems.push(`from ${request.from} is after to ${request.to}; give the earlier date as from`);
  }
  if (problems.length > 0) throw new Error(`${provider}: ${problems.join("; ")}`);
}
