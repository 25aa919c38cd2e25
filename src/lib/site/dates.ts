/**
 * Calendar dates are `YYYY-MM-DD` strings throughout: trading days and publication dates carry no
 * time of day, so they are compared as strings and formatted in UTC, never shifted by a time zone.
 */
import { site } from "./config.ts";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real date written `YYYY-MM-DD` (rejects 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Midnight UTC of a calendar date, for APIs that want a Date (feeds, JSON-LD). */
export function toUtcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Today's calendar date in UTC: the build date that decides what is scheduled. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The build date: BUILD_DATE=YYYY-MM-DD overrides today (UTC), so tests, and an editor checking what
 * goes live on a given day, can build "as of" another date.
 */
export function buildDate(env: Record<string, string | undefined> = process.env): string {
  return env.BUILD_DATE ?? todayUtc();
}

const formats = {
  /** 27 January 2025 */
  long: new Intl.DateTimeFormat(site.locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }),
  /** 27 Jan 2025 */
  short: new Intl.DateTimeFormat(site.locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }),
  /** Monday 27 January 2025 */
  weekday: new Intl.DateTimeFormat(site.locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }),
};

export function formatDate(date: string, style: keyof typeof formats = "long"): string {
  return formats[style].format(toUtcDate(date));
}

/** A span of calendar dates, sharing what both ends share: "13 – 27 Jan 2025", "13 Jan – 3 Feb 2025". */
export function formatDateRange(from: string, to: string, style: "long" | "short" = "short"): string {
  return formats[style].formatRange(toUtcDate(from), toUtcDate(to));
}
