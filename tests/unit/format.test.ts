import { describe, expect, it } from "vitest";
import {
  direction,
  directionArrow,
  directionWord,
  formatAmount,
  formatCompareValue,
  formatPercent,
  formatPrice,
  formatSignedPrice,
  formatVolume,
  moveWords,
  priceUnit,
  roundPercent,
} from "../../src/lib/prices/index.ts";

const usd = { currency: "USD", kind: "stock" } as const;
const hkd = { currency: "HKD", kind: "stock" } as const;
const index = { currency: "USD", kind: "index" } as const;

describe("formatPrice", () => {
  it("writes US dollars with $ and cents", () => {
    expect(formatPrice(118.42, usd)).toBe("$118.42");
    expect(formatPrice(128.9, usd)).toBe("$128.90");
    expect(formatPrice(1234.5, usd)).toBe("$1,234.50");
  });

  it("writes Hong Kong dollars as HK$, so they are never mistaken for US dollars", () => {
    expect(formatPrice(327.8, hkd)).toBe("HK$327.80");
    expect(formatPrice(91.65, hkd)).toBe("HK$91.65");
  });

  it("writes an index in points, whatever its currency", () => {
    expect(formatPrice(19341.83, index)).toBe("19,341.83 points");
    expect(formatPrice(20000, index)).toBe("20,000.00 points");
  });

  it("rounds to two decimals, halves up", () => {
    expect(formatPrice(1.125, usd)).toBe("$1.13");
    expect(formatPrice(0.004, usd)).toBe("$0.00");
    expect(formatPrice(10.125, index)).toBe("10.13 points");
  });

  it("has unit-less amounts and unit names for tables", () => {
    expect(formatAmount(19341.83)).toBe("19,341.83");
    expect(formatAmount(118.4)).toBe("118.40");
    expect(priceUnit(usd)).toBe("USD");
    expect(priceUnit(hkd)).toBe("HKD");
    expect(priceUnit(index)).toBe("points");
  });
});

describe("percentages", () => {
  it("round to two decimals, halves away from zero in both directions", () => {
    expect(roundPercent(-16.96816715748142)).toBe(-16.97);
    expect(roundPercent(4.482132041187163)).toBe(4.48);
    expect(roundPercent(0.125)).toBe(0.13);
    expect(roundPercent(-0.125)).toBe(-0.13);
  });

  it("never show a negative zero", () => {
    expect(Object.is(roundPercent(-0.004), 0)).toBe(true);
    expect(formatPercent(-0.004, true)).toBe("0.00%");
  });

  it("are magnitudes by default and signed on request", () => {
    expect(formatPercent(-16.968)).toBe("16.97%");
    expect(formatPercent(-16.968, true)).toBe("-16.97%");
    expect(formatPercent(8.93, true)).toBe("+8.93%");
    expect(formatPercent(1234.5, true)).toBe("+1,234.50%");
    expect(formatPercent(0, true)).toBe("0.00%");
  });
});

describe("moves in words", () => {
  it("say rose, fell or was unchanged by the displayed rounding", () => {
    expect(moveWords({ percent: 8.931, basis: "close" })).toBe("rose 8.93%");
    expect(moveWords({ percent: -16.968, basis: "close" })).toBe("fell 16.97%");
    expect(moveWords({ percent: 0.004, basis: "close" })).toBe("was unchanged");
    expect(moveWords({ percent: -0.004, basis: "close" })).toBe("was unchanged");
  });

  it("word an intraday high as a swing, and never invent a rise", () => {
    expect(moveWords({ percent: 4.4821, basis: "high" })).toBe("rose as much as 4.48%");
    expect(moveWords({ percent: -1, basis: "high" })).toBe("stayed at least 1.00% below the previous close");
    expect(moveWords({ percent: 0, basis: "high" })).toBe("never traded above the previous close");
  });

  it("word an intraday low as a swing, and never invent a fall", () => {
    expect(moveWords({ percent: -3.1, basis: "low" })).toBe("fell as much as 3.10%");
    expect(moveWords({ percent: 2, basis: "low" })).toBe("stayed at least 2.00% above the previous close");
    expect(moveWords({ percent: 0.001, basis: "low" })).toBe("never traded below the previous close");
  });

  it("have a direction and an arrow that does not rely on colour", () => {
    expect(direction({ percent: 0.005 })).toBe("up");
    expect(direction({ percent: -0.005 })).toBe("down");
    expect(direction({ percent: 0.0049 })).toBe("flat");
    expect(directionArrow("up")).toBe("▲");
    expect(directionArrow("down")).toBe("▼");
    expect(directionArrow("flat")).toBe("■");
    expect(["up", "down", "flat"].map((d) => directionWord(d as "up"))).toEqual(["up", "down", "unchanged"]);
  });
});

describe("changes in price, volumes and comparison values", () => {
  it("sign a change in price and keep its unit", () => {
    expect(formatSignedPrice(10.57, usd)).toBe("+$10.57");
    expect(formatSignedPrice(-2.4, hkd)).toBe("-HK$2.40");
    expect(formatSignedPrice(-612.47, index)).toBe("-612.47 points");
    expect(formatSignedPrice(0.004, usd)).toBe("$0.00");
  });

  it("write volumes compactly, and small ones in full", () => {
    expect(formatVolume(818_830_900)).toBe("818.83M");
    expect(formatVolume(5_879_980_000)).toBe("5.88B");
    expect(formatVolume(24_500)).toBe("24.50K");
    expect(formatVolume(9_870)).toBe("9,870");
  });

  it("write a comparison's value as its mode says", () => {
    expect(formatCompareValue(83.0318, "rebased")).toBe("83.03");
    expect(formatCompareValue(-15.8112, "percent")).toBe("-15.81%");
    expect(formatCompareValue(3.2, "percent")).toBe("+3.20%");
  });
});
