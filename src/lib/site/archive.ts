/**
 * The optional hybrid mode, for an archive too large for one build: with ARCHIVE_AFTER_DAYS=N set at
 * build time, articles dated more than N days before the build date are not prerendered but rendered
 * on request by Astro's Node adapter (astro.config.ts), with a Cache-Control header that lets a CDN in
 * front keep them; the recent window and every list, feed and sitemap stay static. Unset (the
 * default), the whole site is static. docs/scaling.md says how to run it.
 */
import { isCalendarDate } from "./dates.ts";

/** The one setting: the environment variable that switches the hybrid mode on, and its window. */
export const ARCHIVE_SETTING = "ARCHIVE_AFTER_DAYS";

/** The window in days, or undefined for a fully static site; anything but a whole number above 0 is refused. */
export function archiveAfterDays(env: Record<string, string | undefined>): number | undefined {
  const raw = env[ARCHIVE_SETTING];
  if (raw === undefined || raw.trim() === "") return undefined;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(
      `${ARCHIVE_SETTING}=${JSON.stringify(raw)}: give the window as a whole number of days above 0 (365 keeps a year static), or leave it unset for a fully static site`,
    );
  }
  return days;
}

/** What a hybrid build fixes for its server: its build date, and the first date still prerendered. */
export interface ArchiveWindow {
  today: string;
  /** Articles dated before this day are archived: rendered on request. */
  from: string;
}

/** The window of `days` days up to `today`: `from` is `days` calendar days before it. */
export function archiveWindow(today: string, days: number): ArchiveWindow {
  if (!isCalendarDate(today))
    throw new Error(`archive window: ${JSON.stringify(today)} is not a YYYY-MM-DD date`);
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  return { today, from };
}

/** Whether an article of this date is archived (rendered on request) in this window. */
export function isArchived(date: string, window: ArchiveWindow | undefined): boolean {
  return window !== undefined && date < window.from;
}

/**
 * The caching an archived page is served with: browsers keep it 5 minutes, a shared cache (CDN) a day,
 * and past that the CDN may serve its copy for a week more while it fetches a fresh one.
 */
export const ARCHIVE_CACHE_CONTROL = "public, max-age=300, s-maxage=86400, stale-while-revalidate=604800";
