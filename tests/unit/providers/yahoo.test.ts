/**
 * The Yahoo provider against Yahoo's own recorded chart responses (tests/fixtures/providers/yahoo,
 * sources in SOURCES.md there), served by msw in place of query2.finance.yahoo.com. Expected values
 * are worked out by hand from the recorded numbers.
 */
import { inspect } from "node:util";
import { delay, http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { createYahooProvider, roundTo } from "../../../scripts/lib/providers/yahoo.ts";
import {
  fastRetry,
  mockServer,
  providerError,
  recorded,
  recordedJson,
  YAHOO_CHART,
  type ChartBody,
} from "./support.ts";

const { server, seen } = mockServer();

/** Serves `body` for every chart request, counting them. */
function serve(body: string | ChartBody, status = 200) {
  const count = { requests: 0 };
  const text = typeof body === "string" ? body : JSON.stringify(body);
  server.use(
    http.get(YAHOO_CHART, () => {
      count.requests++;
      return new HttpResponse(text, {
        status,
        headers: { "content-type": "application/json;charset=utf-8" },
      });
    }),
  );
  return count;
}

const AAPL = "chart-AAPL-2020-08-31-to-2020-11-07.json";
const NVDA = "historical-via-chart-NVDA-split-2021-02-01-to-2022-01-31.csv.json";
const WSU = "chart-WSU.DE-2023-08-04-to-2023-08-09.json";
const LUCYW = "chart-LUCYW-null-currency.json";

/** A provider whose clock is the moment Yahoo answered the recording. */
const at = (iso: string, extra: Parameters<typeof createYahooProvider>[0] = {}) =>
  createYahooProvider({ now: () => new Date(iso), retry: fastRetry, ...extra });

describe("Yahoo provider: a recorded AAPL chart across its 4-for-1 split of 2020-08-31", () => {
  // Yahoo answered at 2025-02-20 11:47:42 GMT. AAPL has not split since 2020-08-31, so the recorded
  // body (asked up to 2020-11-07) holds every split Yahoo's adjustment reflects.
  const provider = at("2025-02-20T11:47:42Z");

  it("returns the bars as traded, dated in New York, with the split and where they came from", async () => {
    serve(recorded(AAPL).body);
    const series = await provider.fetchDaily({
      symbol: "AAPL",
      from: "2020-08-31",
      to: "2020-11-06",
      currency: "USD",
    });
    expect(series.provider).toBe("yahoo");
    expect(series.symbol).toBe("AAPL");
    expect(series.currency).toBe("USD");
    expect(series.timezone).toBe("America/New_York");
    expect(series.basis).toBe("as-traded");
    expect(series.retrievedAt).toBe("2025-02-20T11:47:42.000Z");
    expect(series.bars).toHaveLength(49);
    // The ex-date itself trades at the new share count: 127.58 open, 129.04 close, as traded that day.
    expect(series.bars[0]).toEqual({
      date: "2020-08-31",
      open: 127.58,
      high: 131,
      low: 126,
      close: 129.04,
      volume: 225702700,
    });
    expect(series.bars[1]).toEqual({
      date: "2020-09-01",
      open: 132.76,
      high: 134.8,
      low: 130.53,
      close: 134.18,
      volume: 151948100,
    });
    // The first session after New York left daylight saving time (stamped 14:30 UTC, not 13:30).
    expect(series.bars[44]).toEqual({
      date: "2020-11-02",
      open: 109.11,
      high: 110.68,
      low: 107.32,
      close: 108.77,
      volume: 122866900,
    });
    expect(series.bars[48]).toEqual({
      date: "2020-11-06",
      open: 118.32,
      high: 119.2,
      low: 116.13,
      close: 118.69,
      volume: 114457900,
    });
    expect(series.splits).toEqual([{ date: "2020-08-31", numerator: 4, denominator: 1 }]);
    // No bar in the window is before the split, so nothing was multiplied.
    expect(series.notes).toEqual([]);
    // The request runs from the day before `from` to now, so every later split is in the answer.
    expect(series.requests).toEqual([
      "https://query2.finance.yahoo.com/v8/finance/chart/AAPL?useYfid=true&interval=1d&includePrePost=false&events=split&lang=en-US&period1=1598745600&period2=1740052062",
    ]);
    // Nothing but the chart: no cookie, no crumb, no version check against the npm registry.
    expect(seen).toEqual([`GET ${series.requests[0]}`]);
  });

  it("keeps only the requested days, and only the splits within them", async () => {
    serve(recorded(AAPL).body);
    const series = await provider.fetchDaily({ symbol: "AAPL", from: "2020-09-01", to: "2020-09-04" });
    expect(series.bars.map((bar) => [bar.date, bar.close])).toEqual([
      ["2020-09-01", 134.18],
      ["2020-09-02", 131.4],
      ["2020-09-03", 120.88],
      ["2020-09-04", 120.96],
    ]);
    expect(series.splits).toEqual([]);
  });

  it("refuses a currency other than the one expected", async () => {
    serve(recorded(AAPL).body);
    const error = await providerError(
      provider.fetchDaily({ symbol: "AAPL", from: "2020-09-01", to: "2020-09-04", currency: "EUR" }),
    );
    expect(error.kind).toBe("currency");
    expect(error.message).toBe(
      'yahoo: AAPL: Yahoo reports the prices in "USD", not EUR; check the symbol (another listing may trade in another currency) or the ticker\'s currency',
    );
  });
});

describe("Yahoo provider: bars on both sides of a split (NVDA's 4-for-1 of 2021-07-20, recorded)", () => {
  it("multiplies the prices before the ex-date by 4 and divides their volumes by 4; leaves the rest", async () => {
    // Yahoo answered at 2025-02-22 10:01:31 GMT, after NVDA's 10-for-1 of 2024-06-10, so its prices are
    // divided by 40 before 2021-07-20 and by 10 after. The recorded request ended 2022-01-31, so the body
    // holds only the 2021 split: the provider undoes that one, leaving these bars on the 2024 share
    // scale. A live request runs to now and also carries the 2024 split (see the next test).
    serve(recorded(NVDA).body);
    const series = await at("2025-02-22T10:01:31Z").fetchDaily({
      symbol: "NVDA",
      from: "2021-07-16",
      to: "2021-07-21",
    });
    expect(series.bars).toEqual([
      // 19.030500411987305 × 4 = 76.122, 19.156999588012695 × 4 = 76.628, ...; 688224000 / 4
      { date: "2021-07-16", open: 76.12, high: 76.63, low: 72.29, close: 72.64, volume: 172056000 },
      // 17.915250778198242 × 4 = 71.661, 19.04199981689453 × 4 = 76.168, 18.77975082397461 × 4 = 75.119
      { date: "2021-07-19", open: 71.66, high: 76.17, low: 71.46, close: 75.12, volume: 187265000 },
      // The ex-date and after: Yahoo's values, rounded to its priceHint of 2 decimals.
      { date: "2021-07-20", open: 18.73, high: 18.84, low: 18.16, close: 18.61, volume: 434687000 },
      { date: "2021-07-21", open: 18.88, high: 19.53, low: 18.74, close: 19.41, volume: 371017000 },
    ]);
    expect(series.splits).toEqual([{ date: "2021-07-20", numerator: 4, denominator: 1 }]);
    expect(series.notes).toEqual([
      "Yahoo's prices before 2021-07-20 were multiplied by 4/1 and their volumes divided by it, undoing its adjustment for that 4-for-1 split; prices rounded to 2 decimals (Yahoo's priceHint)",
    ]);
  });

  it("refuses prices adjusted as of a time after the end of the request, which would hide later splits", async () => {
    // The same recording, with the clock at the end of its own request (2022-01-31): Yahoo says its
    // prices are adjusted as of 2025-02-21, and the 2024 split is not among the events.
    serve(recorded(NVDA).body);
    const error = await providerError(
      at("2022-01-31T00:00:00Z").fetchDaily({ symbol: "NVDA", from: "2021-07-16", to: "2021-07-21" }),
    );
    expect(error.kind).toBe("malformed");
    expect(error.message).toBe(
      "yahoo: NVDA: Yahoo's prices are split-adjusted as of 2025-02-21T21:00:01.000Z, after the end of the request (2022-01-31T00:00:00.000Z), so later splits may be missing and the prices cannot be converted to as traded; check this machine's clock; the request must run to now",
    );
  });
});

describe("Yahoo provider: days without data, and sessions not yet over", () => {
  it("leaves out a day Yahoo returned as all nulls (WSU.DE, 2023-08-07, recorded in 2023), never filling it in", async () => {
    serve(recorded(WSU).body);
    const series = await at("2023-09-04T08:53:16Z").fetchDaily({
      symbol: "WSU.DE",
      from: "2023-08-04",
      to: "2023-08-08",
    });
    expect(series.timezone).toBe("Europe/Berlin");
    expect(series.currency).toBe("EUR");
    expect(series.bars).toEqual([
      { date: "2023-08-04", open: 34.25, high: 34.55, low: 34.1, close: 34.45, volume: 1251 },
      { date: "2023-08-08", open: 34.05, high: 34.2, low: 32.9, close: 33.2, volume: 10846 },
    ]);
    expect(series.notes).toEqual([
      "2023-08-07: left out: Yahoo has no prices for this day (every field null); not filled in",
    ]);
  });

  it("refuses a day with some fields null and others not", async () => {
    // The WSU.DE recording with one value of 2023-08-08 blanked: a partly null row.
    const body = recordedJson(WSU);
    body.chart.result[0].indicators.quote[0]!.close![2] = null;
    serve(body);
    const error = await providerError(
      at("2023-09-04T08:53:16Z").fetchDaily({ symbol: "WSU.DE", from: "2023-08-04", to: "2023-08-08" }),
    );
    expect(error.kind).toBe("malformed");
    expect(error.message).toBe(
      "yahoo: WSU.DE: Yahoo's daily rows are incomplete: 2023-08-08: close is null but open, high, low, volume are not; try again later; never fill gaps by hand",
    );
  });

  /**
   * The AAPL recording as Yahoo would send it during the 2020-11-06 session: its current regular period
   * set to that session (14:30 to 21:00 UTC) and its market time to 17:50 UTC. No recording of an open
   * session is available.
   */
  function duringSession(): ChartBody {
    const body = recordedJson(AAPL);
    const meta = body.chart.result[0].meta;
    meta.currentTradingPeriod.regular.start = 1604673000;
    meta.currentTradingPeriod.regular.end = 1604696400;
    meta.regularMarketTime = 1604685000;
    return body;
  }

  it("leaves out the bar of a session that has not ended", async () => {
    serve(duringSession());
    const series = await at("2020-11-06T18:00:00Z").fetchDaily({
      symbol: "AAPL",
      from: "2020-11-02",
      to: "2020-11-06",
    });
    expect(series.bars.map((bar) => bar.date)).toEqual([
      "2020-11-02",
      "2020-11-03",
      "2020-11-04",
      "2020-11-05",
    ]);
    expect(series.notes).toEqual([
      "2020-11-06: left out: its regular session had not ended when the data were fetched (2020-11-06T18:00:00.000Z; it ends 2020-11-06T21:00:00.000Z)",
    ]);
  });

  it("keeps it once the session has ended", async () => {
    serve(duringSession());
    const series = await at("2020-11-06T21:00:01Z").fetchDaily({
      symbol: "AAPL",
      from: "2020-11-02",
      to: "2020-11-06",
    });
    expect(series.bars.at(-1)).toEqual({
      date: "2020-11-06",
      open: 118.32,
      high: 119.2,
      low: 116.13,
      close: 118.69,
      volume: 114457900,
    });
    expect(series.notes).toEqual([]);
  });

  it("dates bars by gmtoffset when the exchange's zone name is not one it knows", async () => {
    // The AAPL recording with an invented zone name; its gmtoffset (-18000, New York in winter) remains.
    const body = recordedJson(AAPL);
    body.chart.result[0].meta.exchangeTimezoneName = "Mars/Olympus_Mons";
    serve(body);
    const series = await at("2025-02-20T11:47:42Z").fetchDaily({
      symbol: "AAPL",
      from: "2020-09-01",
      to: "2020-09-02",
    });
    expect(series.bars.map((bar) => bar.date)).toEqual(["2020-09-01", "2020-09-02"]);
    expect(series.timezone).toBeUndefined();
  });
});

describe("Yahoo provider: currency and empty answers (LUCYW, recorded with a null currency)", () => {
  const provider = at("2025-06-15T20:52:27Z");

  it("refuses a null currency when the caller expects one", async () => {
    serve(recorded(LUCYW).body);
    const error = await providerError(
      provider.fetchDaily({ symbol: "LUCYW", from: "2024-01-01", to: "2024-01-01", currency: "USD" }),
    );
    expect(error.kind).toBe("currency");
    expect(error.message).toBe(
      "yahoo: LUCYW: Yahoo reports the prices in null, not USD; Yahoo does not say this symbol's currency; check the symbol, or use another source",
    );
  });

  it("reports a recorded answer with no bars as empty (New Year's Day), not retried", async () => {
    const count = serve(recorded(LUCYW).body);
    const error = await providerError(
      provider.fetchDaily({ symbol: "LUCYW", from: "2024-01-01", to: "2024-01-01" }),
    );
    expect(error.kind).toBe("empty");
    expect(error.message).toBe(
      "yahoo: LUCYW: Yahoo has no daily bars from 2024-01-01 to 2024-01-01; check the dates (weekends and holidays have no bars; none exist before the first trade) and the symbol",
    );
    expect(count.requests).toBe(1);
  });

  it("returns a null currency as null when the caller does not ask for one", async () => {
    // The AAPL recording with its currency made null, as LUCYW's is: yahoo-finance2's validation
    // rejects that, and the provider accepts that one failure.
    const body = recordedJson(AAPL);
    body.chart.result[0].meta.currency = null;
    serve(body);
    const series = await at("2025-02-20T11:47:42Z").fetchDaily({
      symbol: "AAPL",
      from: "2020-09-01",
      to: "2020-09-02",
    });
    expect(series.currency).toBeNull();
    expect(series.bars).toHaveLength(2);
  });
});

describe("Yahoo provider: failures", () => {
  it("reports an unknown symbol from Yahoo's 404, without retrying", async () => {
    // Yahoo's body for a symbol it does not know (its wording as quoted in public bug reports).
    const count = serve(
      '{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}',
      404,
    );
    const error = await providerError(
      at("2025-02-20T11:47:42Z").fetchDaily({ symbol: "NOSUCH", from: "2020-09-01", to: "2020-09-02" }),
    );
    expect(error.kind).toBe("unknown-symbol");
    expect(error.status).toBe(404);
    expect(error.message).toBe(
      'yahoo: NOSUCH: HTTP 404: the provider has no such symbol (Yahoo: "No data found, symbol may be delisted"); check the symbol as Yahoo writes it (e.g. AAPL, 1211.HK, ^IXIC); Yahoo drops the whole history of a delisted symbol',
    );
    expect(count.requests).toBe(1);
  });

  it("retries after a 429, waiting as long as Retry-After asks", async () => {
    const body = recorded(AAPL).body;
    let requests = 0;
    server.use(
      http.get(YAHOO_CHART, () => {
        requests++;
        return requests === 1
          ? new HttpResponse("Too Many Requests\r\n", { status: 429, headers: { "retry-after": "1" } })
          : new HttpResponse(body, { headers: { "content-type": "application/json" } });
      }),
    );
    const retries: { attempt: number; kind: string; delayMs: number }[] = [];
    const provider = at("2025-02-20T11:47:42Z", {
      retry: {
        ...fastRetry,
        onRetry: ({ attempt, error, delayMs }) => retries.push({ attempt, kind: error.kind, delayMs }),
      },
    });
    const started = performance.now();
    const series = await provider.fetchDaily({ symbol: "AAPL", from: "2020-09-01", to: "2020-09-02" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(requests).toBe(2);
    expect(retries).toEqual([{ attempt: 1, kind: "rate-limit", delayMs: 1000 }]);
    expect(series.bars).toHaveLength(2);
    expect(series.requests).toHaveLength(2);
  });

  it("gives up on a 429 whose Retry-After is longer than it waits", async () => {
    const count = { requests: 0 };
    server.use(
      http.get(YAHOO_CHART, () => {
        count.requests++;
        return new HttpResponse("Too Many Requests", { status: 429, headers: { "retry-after": "3600" } });
      }),
    );
    const error = await providerError(
      at("2025-02-20T11:47:42Z").fetchDaily({ symbol: "AAPL", from: "2020-09-01", to: "2020-09-02" }),
    );
    expect(error.kind).toBe("rate-limit");
    expect(error.message).toBe(
      'yahoo: AAPL: HTTP 429 Too Many Requests ("Too Many Requests"); it asked us to wait 3600 s, longer than the 60 s we wait; try again later',
    );
    expect(count.requests).toBe(1);
  });

  it("retries a 500 and surfaces it after the last attempt", async () => {
    const count = serve("Internal Server Error", 500);
    const retried: number[] = [];
    const provider = at("2025-02-20T11:47:42Z", {
      retry: { ...fastRetry, attempts: 3, onRetry: ({ attempt }) => retried.push(attempt) },
    });
    const error = await providerError(
      provider.fetchDaily({ symbol: "AAPL", from: "2020-09-01", to: "2020-09-02" }),
    );
    expect(error.kind).toBe("server");
    expect(error.status).toBe(500);
    expect(error.attempts).toBe(3);
    expect(error.message).toBe(
      'yahoo: AAPL: HTTP 500 from the server ("Internal Server Error") (gave up after 3 attempts); try again later',
    );
    expect(count.requests).toBe(3);
    expect(retried).toEqual([1, 2]);
  });

  it("times out an answer that does not come, and retries it", async () => {
    let requests = 0;
    server.use(
      http.get(YAHOO_CHART, async () => {
        requests++;
        await delay(400);
        return HttpResponse.json({});
      }),
    );
    const provider = at("2025-02-20T11:47:42Z", { timeoutMs: 50, retry: { ...fastRetry, attempts: 2 } });
    const error = await providerError(
      provider.fetchDaily({ symbol: "AAPL", from: "2020-09-01", to: "2020-09-02" }),
    );
    expect(error.kind).toBe("timeout");
    expect(error.message).toBe(
      "yahoo: AAPL: no complete answer within 50 ms (gave up after 2 attempts); try again later, or allow a longer timeout",
    );
    expect(requests).toBe(2);
  });

  it("reports a body that is not JSON as malformed, without retrying", async () => {
    const count = serve('{"chart":{"result":[{"meta":');
    const error = await providerError(
      at("2025-02-20T11:47:42Z").fetchDaily({ symbol: "AAPL", from: "2020-09-01", to: "2020-09-02" }),
    );
    expect(error.kind).toBe("malformed");
    expect(error.message).toBe(
      'yahoo: AAPL: HTTP 200 but the body is not JSON: "{\\"chart\\":{\\"result\\":[{\\"meta\\":"; try again later; if it persists, the provider has changed its API',
    );
    expect(count.requests).toBe(1);
  });

  it("reports JSON that is not a chart as malformed, naming what yahoo-finance2's validation found", async () => {
    // The AAPL recording without its meta.symbol and with a word for its gmtoffset.
    const body = recordedJson(AAPL);
    delete body.chart.result[0].meta.symbol;
    body.chart.result[0].meta.gmtoffset = "minus five";
    const count = serve(body);
    const error = await providerError(
      at("2025-02-20T11:47:42Z").fetchDaily({ symbol: "AAPL", from: "2020-09-01", to: "2020-09-02" }),
    );
    expect(error.kind).toBe("malformed");
    expect(error.message).toBe(
      "yahoo: AAPL: Yahoo's answer failed yahoo-finance2's validation: /meta/gmtoffset Number.parseFloat returned NaN (found \"minus five\"); /meta Missing required properties: symbol; try again later; if it persists, update yahoo-finance2 (Yahoo may have changed its API)",
    );
    expect(count.requests).toBe(1);
  });

  it("retries a failed connection and reports it as a network error", async () => {
    let requests = 0;
    server.use(
      http.get(YAHOO_CHART, () => {
        requests++;
        return HttpResponse.error();
      }),
    );
    const error = await providerError(
      at("2025-02-20T11:47:42Z", { retry: { ...fastRetry, attempts: 2 } }).fetchDaily({
        symbol: "AAPL",
        from: "2020-09-01",
        to: "2020-09-02",
      }),
    );
    expect(error.kind).toBe("network");
    expect(error.message).toMatch(
      /^yahoo: AAPL: the request failed: .* \(gave up after 2 attempts\); check the network connection and try again$/,
    );
    expect(requests).toBe(2);
    // No raw exception is kept: it could carry a URL.
    expect(error.cause).toBeUndefined();
    expect(inspect(error)).not.toContain("query2.finance.yahoo.com");
  });
});

describe("Yahoo provider: requests it refuses to make", () => {
  const provider = at("2025-02-20T11:47:42Z");

  it("names each bad field", async () => {
    await expect(provider.fetchDaily({ symbol: " ", from: "2020-02-30", to: "2020-09-02" })).rejects.toThrow(
      'yahoo: symbol " " is empty; give the provider\'s symbol, e.g. AAPL; from "2020-02-30" is not a calendar date; write YYYY-MM-DD',
    );
    await expect(
      provider.fetchDaily({ symbol: "AAPL", from: "2020-09-02", to: "2020-09-01" }),
    ).rejects.toThrow("yahoo: from 2020-09-02 is after to 2020-09-01; give the earlier date as from");
    await expect(
      provider.fetchDaily({ symbol: "AAPL", from: "2025-03-01", to: "2025-03-02" }),
    ).rejects.toThrow("yahoo: from 2025-03-01 is in the future; ask for days that have traded");
    expect(seen).toEqual([]);
  });
});

describe("roundTo", () => {
  it("rounds to the tick, past float noise", () => {
    expect(roundTo(127.58000183105469, 2)).toBe(127.58);
    expect(roundTo(124.808 * 4, 2)).toBe(499.23);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(0.12345, 4)).toBe(0.1235);
    expect(roundTo(18.77975082397461 * 40, 2)).toBe(751.19);
  });
});
