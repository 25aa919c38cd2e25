import { describe, expect, it } from "vitest";
import {
  barOn,
  barsInRange,
  changeBetween,
  closeOn,
  dayMove,
  isRecord,
  nearestTradingDays,
  previousBar,
  PriceDataError,
  tradingDayOnOrAfter,
} from "../../src/lib/prices/index.ts";
import { snapshot } from "../support/price-data.ts";

const nvda = snapshot("nvda").bars;
const byd = snapshot("byd").bars;
const tsla = snapshot("tsla").bars;
const round2 = (n: number) => Math.round(n * 100) / 100;

describe("Nvidia around the DeepSeek sell-off (real data)", () => {
  it("27 January 2025: closed at 118.42, down 16.97% from 142.62", () => {
    const move = dayMove(nvda, "2025-01-27");
    expect(move.end).toBe(118.42);
    expect(move.start).toBe(142.62);
    expect(move.fromDate).toBe("2025-01-24");
    expect(round2(move.percent)).toBe(-16.97);
  });

  it("28 January 2025: closed at 128.99, up 8.93% (press reports said 128.86; the data win)", () => {
    expect(closeOn(nvda, "2025-01-28")).toBe(128.99);
    expect(round2(dayMove(nvda, "2025-01-28").percent)).toBe(8.93);
  });
});

describe("moves", () => {
  it("measures the intraday high against the previous close (BYD, 11 February 2025)", () => {
    const high = dayMove(byd, "2025-02-11", "high");
    expect(high.end).toBe(345);
    expect(round2(high.percent)).toBe(4.48);
    expect(round2(dayMove(byd, "2025-02-11").percent)).toBe(-0.73);
  });

  it("measures the change between two closes (Tesla, 4 to 11 February 2025)", () => {
    const change = changeBetween(tsla, "2025-02-04", "2025-02-11");
    expect(change.start).toBe(392.21);
    expect(change.end).toBe(328.5);
    expect(round2(change.percent)).toBe(-16.24);
  });

  it("refuses a range that runs backwards", () => {
    expect(() => changeBetween(tsla, "2025-02-11", "2025-02-04")).toThrow(
      "from (2025-02-11) must be before to (2025-02-04)",
    );
  });

  it("has no move on the first bar of the data, and says why", () => {
    expect(() => dayMove(nvda, "2024-10-01")).toThrow(
      "2024-10-01 is the first bar of the data, so it has no previous close to measure a move from; the data run from 2024-10-01 to 2026-09-17",
    );
    expect(previousBar(nvda, "2024-10-01")).toBeUndefined();
    expect(previousBar(nvda, "2024-10-02")?.date).toBe("2024-10-01");
  });
});

describe("dates without trading", () => {
  it("names the nearest trading days for a weekend", () => {
    expect(() => barOn(nvda, "2025-01-25")).toThrow(
      "2025-01-25 was not a trading day in the data; the nearest trading days are 2025-01-24 and 2025-01-27",
    );
    expect(nearestTradingDays(nvda, "2025-01-26")).toEqual({ before: "2025-01-24", after: "2025-01-27" });
  });

  it("names the nearest trading days for a holiday (Hong Kong's Lunar New Year)", () => {
    expect(() => closeOn(byd, "2025-01-29")).toThrow(/nearest trading days are 2025-01-27 and 2025-02-03/);
  });

  it("says when a date is outside the data", () => {
    expect(() => barOn(byd, "2025-11-03")).toThrow(
      "2025-11-03 is outside the data: the data run from 2024-10-02 to 2025-10-30",
    );
    expect(() => barOn(nvda, "2024-09-30")).toThrow(PriceDataError);
  });

  it("finds the first trading day on or after a Sunday", () => {
    expect(tradingDayOnOrAfter(nvda, "2025-03-16")).toBe("2025-03-17");
    expect(tradingDayOnOrAfter(nvda, "2025-03-17")).toBe("2025-03-17");
  });
});

describe("ranges", () => {
  it("slices both ends inclusive", () => {
    const slice = barsInRange(nvda, "2025-01-24", "2025-01-28");
    expect(slice.map((b) => b.date)).toEqual(["2025-01-24", "2025-01-27", "2025-01-28"]);
  });

  it("accepts range ends that are not trading days, keeping the trading days between", () => {
    expect(barsInRange(nvda, "2025-01-25", "2025-01-27").map((b) => b.date)).toEqual(["2025-01-27"]);
  });

  it("refuses a range outside the data", () => {
    expect(() => barsInRange(byd, "2025-10-01", "2025-11-28")).toThrow(
      "the range 2025-10-01 to 2025-11-28 is not inside the data: the data run from 2024-10-02 to 2025-10-30",
    );
    expect(() => barsInRange(nvda, "2025-02-01", "2025-01-01")).toThrow(
      "from (2025-02-01) is after to (2025-01-01)",
    );
  });
});

describe("records", () => {
  it("BYD's high of 345.00 on 11 February 2025 was the highest in the data so far", () => {
    expect(isRecord(byd, "2025-02-11", "high")).toBe(true);
  });

  it("its close that day was not a record, the next day's was", () => {
    expect(isRecord(byd, "2025-02-11", "close")).toBe(false);
    expect(isRecord(byd, "2025-02-12", "close")).toBe(true);
  });

  it("Nvidia's close on its worst day was no record, and the first bar never is", () => {
    expect(isRecord(nvda, "2025-01-27")).toBe(false);
    expect(isRecord(nvda, "2024-10-01")).toBe(false);
  });
});
