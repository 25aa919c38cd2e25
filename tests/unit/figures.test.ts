import { describe, expect, it } from "vitest";
import { chipFigure, moveFigure, priceFigure, recordFigure, NO_EVENTS } from "../../src/lib/prices/index.ts";
import { snapshot, ticker } from "../support/price-data";

// Expected figures are the ones reported at the time and checked by hand against content/prices/:
// Nvidia closed at $118.42 on 27 Jan 2025, down from $142.62; BYD's previous close was HK$330.20.
const nvda = snapshot("nvda").bars;
const byd = snapshot("byd").bars;
const tsla = snapshot("tsla").bars;
const ixic = snapshot("ixic").bars;

describe("<Move>", () => {
  it("states a day's fall in words or with a sign (USD)", () => {
    expect(moveFigure(nvda, { date: "2025-01-27" })).toMatchObject({
      text: "fell 16.97%",
      direction: "down",
    });
    expect(moveFigure(nvda, { date: "2025-01-27", format: "signed" }).text).toBe("-16.97%");
  });

  it("states a day's rise (USD) and an index's fall", () => {
    expect(moveFigure(nvda, { date: "2025-01-28" })).toMatchObject({ text: "rose 8.93%", direction: "up" });
    expect(moveFigure(ixic, { date: "2025-01-27" }).text).toBe("fell 3.07%");
  });

  it("states the change over a range, close to close", () => {
    expect(moveFigure(tsla, { from: "2025-02-04", to: "2025-02-11" }).text).toBe("fell 16.24%");
  });

  it("states the intraday swing to the high against the previous close (HKD)", () => {
    expect(moveFigure(byd, { date: "2025-02-11", basis: "high" }).text).toBe("rose as much as 4.48%");
    expect(moveFigure(byd, { date: "2025-02-11" }).text).toBe("fell 0.73%");
  });

  it("stops on a day with no trading, naming the nearest trading days", () => {
    expect(() => moveFigure(nvda, { date: "2025-01-18" })).toThrow(
      "2025-01-18 was not a trading day in the data; the nearest trading days are 2025-01-17 and 2025-01-21",
    );
    // Martin Luther King Jr. Day: a weekday without trading.
    expect(() => moveFigure(nvda, { date: "2025-01-20" })).toThrow("are 2025-01-17 and 2025-01-21");
  });

  it("stops on a date outside the data, saying what the data cover", () => {
    expect(() => moveFigure(nvda, { date: "2023-01-03" })).toThrow(
      "2023-01-03 is outside the data: the data run from 2024-10-01 to 2026-09-17",
    );
  });

  it("stops on props that do not make sense", () => {
    expect(() => moveFigure(nvda, { date: "2025-01-27", from: "2025-01-24" })).toThrow("not both");
    expect(() => moveFigure(nvda, {})).toThrow('needs date="YYYY-MM-DD"');
    expect(() => moveFigure(nvda, { date: "2025-01-27", basis: "top" })).toThrow(
      "use one of close, high, low",
    );
    expect(() => moveFigure(nvda, { date: "2025-01-27", format: "pct" })).toThrow("use one of words, signed");
    expect(() => moveFigure(nvda, { from: "2025-01-27", to: "2025-01-24" })).toThrow("must be before");
  });
});

describe("<Close>, <Price> and <Record>", () => {
  it("give prices with their unit", () => {
    expect(priceFigure(nvda, ticker("nvda"), { date: "2025-01-28" })).toBe("$128.99");
    expect(priceFigure(nvda, ticker("nvda"), { date: "2025-01-27", basis: "open" })).toBe("$124.80");
    expect(priceFigure(byd, ticker("byd"), { date: "2025-02-11" })).toBe("HK$327.80");
    expect(priceFigure(ixic, ticker("ixic"), { date: "2025-01-27" })).toBe("19,341.83 points");
  });

  it("say a high is the highest since the first day of the data, only when the data show it", () => {
    // BYD's data start on 2 October 2024; the intraday high of HK$345.00 on 11 February 2025 and the
    // close of HK$352.00 on 12 February top every earlier high and close in them.
    expect(recordFigure(byd, ticker("byd"), { date: "2025-02-11", basis: "high" })).toBe(
      "the highest intraday price since 2 October 2024",
    );
    expect(recordFigure(byd, ticker("byd"), { date: "2025-02-12" })).toBe(
      "the highest close since 2 October 2024",
    );
    expect(() => recordFigure(byd, ticker("byd"), { date: "2025-02-11" })).toThrow(
      "the close on 2025-02-11 (HK$327.80) is not the highest close since 2 October 2024: the close on 2025-02-10 was HK$330.20",
    );
    expect(() => recordFigure(byd, ticker("byd"), { date: "2024-10-02" })).toThrow(
      "2024-10-02 is the first bar of the data, so there is no earlier close for it to be the highest since",
    );
  });

  it("name a longer history when one is declared", () => {
    expect(recordFigure(byd, ticker("byd"), { date: "2025-02-12" }, NO_EVENTS, "2008-07-31")).toBe(
      "the highest close since 31 July 2008",
    );
  });
});

describe("ticker chips", () => {
  it("show the move on a trading day, with arrow and sign", () => {
    expect(chipFigure(nvda, ticker("nvda"), "2025-01-27")).toEqual({
      date: "2025-01-27",
      close: "$118.42",
      move: { direction: "down", short: "▼ -16.97%", words: "fell 16.97%" },
      sentence: "Nvidia fell 16.97% on 27 Jan 2025 to $118.42",
    });
  });

  it("show the last close readers knew for a story dated on a weekend", () => {
    const figure = chipFigure(snapshot("baidu-hk").bars, ticker("baidu-hk"), "2025-03-16");
    expect(figure.date).toBe("2025-03-14");
    expect(figure.close).toBe("HK$91.65");
  });

  it("show the latest close without a date", () => {
    const figure = chipFigure(nvda, ticker("nvda"));
    expect(figure.date).toBe("2026-09-17");
    expect(figure.close).toBe("$219.34");
    // Up from $213.90 on 16 September 2026: 5.44 / 213.90 = 2.543%.
    expect(figure.move?.short).toBe("▲ +2.54%");
  });

  it("stop for a date before the data", () => {
    expect(() => chipFigure(nvda, ticker("nvda"), "2024-01-02")).toThrow(
      "no trading day on or before 2024-01-02",
    );
  });
});
