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

/** The calendar date `days` days after `date` (before it, for a negative number). */
export function addDays(date: string, days: number): string {
  const day = toUtcDate(date);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * ISO 8601 date-time at midnight UTC of a calendar date, as schema.org, Open Graph (`article:*`),
 * Atom and JSON Feed dates are read.
 */
export function isoDate(date: string): string {
  return toUtcDate(date).toISOString();
}

/** Today's calendar date in UTC: the build date that decides what is scheduled. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The build date: today in UTC, or BUILD_DATE=YYYY-MM-DD, so tests (and an editor checking what goes
 * live on a given day) can build "as of" another date. The build and `npm run check:content` both
 * read it here.
 */
export function buildDate(env: Record<string, string | undefined> = process.env): string {
  const given = env.BUILD_DATE;
  if (given === undefined || given === "") return todayUtc();
  if (!isCalendarDate(given)) {
    throw new Error(
      `BUILD_DATE=${given} is not a calendar date; write YYYY-MM-DD, e.g. 2025-03-17, or unset it`,
    );
  }
  return given;
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
  /** Monday, 27 January 2025 */
  weekday: new Intl.DateTimeFormat(site.locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }),
};

const time = new Intl.DateTimeFormat(site.locale, {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/**
 * A time of retrieval as readers see it: "1 Dec 2026, 21:35 UTC" for an ISO time, "28 Nov 2026" for
 * a calendar date (when only the day is known).
 */
export function formatRetrieved(value: string): string {
  const day = formatDate(value.slice(0, 10), "short");
  return value.length === 10 ? day : `${day}, ${time.format(new Date(value))} UTC`;
}

/** Formatted dates by style and date: list pages format the same few hundred dates thousands of times. */
const formatted = new Map<string, string>();

export function formatDate(date: string, style: keyof typeof formats = "long"): string {
  const key = `${style} ${date}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = formats[style].format(toUtcDate(date));
    formatted.set(key, text);
  }
  return text;
}

/** A span of calendar dates, sharing what both ends share: "13 – 27 Jan 2025", "13 Jan – 3 Feb 2025". */
export function formatDateRange(from: string, to: string, style: "long" | "short" = "short"): string {
  return formats[style].formatRange(toUtcDate(from), toUtcDate(to));
}
