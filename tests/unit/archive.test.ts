import { describe, expect, it } from "vitest";
import {
  ARCHIVE_CACHE_CONTROL,
  archiveAfterDays,
  archiveWindow,
  isArchived,
} from "../../src/lib/site/archive.ts";

describe("the hybrid mode's one setting", () => {
  it("is off unless ARCHIVE_AFTER_DAYS is set", () => {
    expect(archiveAfterDays({})).toBeUndefined();
    expect(archiveAfterDays({ ARCHIVE_AFTER_DAYS: "" })).toBeUndefined();
    expect(archiveAfterDays({ ARCHIVE_AFTER_DAYS: "365" })).toBe(365);
  });

  it("refuses a window that is not a whole number of days above 0, saying what it takes", () => {
    for (const bad of ["0", "-3", "1.5", "a year"]) {
      expect(() => archiveAfterDays({ ARCHIVE_AFTER_DAYS: bad })).toThrow(
        `ARCHIVE_AFTER_DAYS=${JSON.stringify(bad)}: give the window as a whole number of days above 0`,
      );
    }
  });
});

describe("the archive window", () => {
  it("starts the given number of calendar days before the build date", () => {
    expect(archiveWindow("2025-07-01", 365)).toEqual({ today: "2025-07-01", from: "2024-07-01" });
    // From 1 March 2024 to 1 March 2025 is 365 days (29 February 2024 comes before it); one more is the 29th.
    expect(archiveWindow("2025-03-01", 365).from).toBe("2024-03-01");
    expect(archiveWindow("2025-03-01", 366).from).toBe("2024-02-29");
    expect(archiveWindow("2025-03-01", 1).from).toBe("2025-02-28");
    expect(() => archiveWindow("2025-02-30", 10)).toThrow('"2025-02-30" is not a YYYY-MM-DD date');
  });

  it("archives the articles dated before its first day, and none without a window", () => {
    const window = { today: "2025-07-01", from: "2025-06-01" };
    expect(isArchived("2025-05-31", window)).toBe(true);
    expect(isArchived("2025-06-01", window)).toBe(false);
    expect(isArchived("2020-01-01", undefined)).toBe(false);
  });

  it("lets a CDN keep an archived page a day and serve it stale for a week while it revalidates", () => {
    expect(ARCHIVE_CACHE_CONTROL).toBe("public, max-age=300, s-maxage=86400, stale-while-revalidate=604800");
  });
});
