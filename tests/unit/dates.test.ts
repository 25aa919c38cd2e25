import { describe, expect, it } from "vitest";
import { addDays, formatDate, formatDateRange, isCalendarDate } from "@/lib/site/dates.ts";

describe("formatDate", () => {
  it("writes each style as readers see it, in UTC", () => {
    expect(formatDate("2025-01-27")).toBe("27 January 2025");
    expect(formatDate("2025-01-27", "short")).toBe("27 Jan 2025");
    expect(formatDate("2025-01-27", "weekday")).toBe("Monday, 27 January 2025");
  });

  it("gives each date and style its own text when asked again (the results are kept)", () => {
    expect(formatDate("2025-03-01", "short")).toBe("1 Mar 2025");
    expect(formatDate("2025-03-01", "long")).toBe("1 March 2025");
    expect(formatDate("2025-03-01", "short")).toBe("1 Mar 2025");
    expect(formatDate("2025-03-02", "short")).toBe("2 Mar 2025");
  });
});

describe("calendar dates", () => {
  it("formats a range sharing what both ends share", () => {
    expect(formatDateRange("2025-01-13", "2025-01-27")).toBe("13\u2009–\u200927 Jan 2025");
  });

  it("rejects impossible dates and steps across month ends", () => {
    expect(isCalendarDate("2025-02-30")).toBe(false);
    expect(addDays("2025-02-27", 2)).toBe("2025-03-01");
  });
});
