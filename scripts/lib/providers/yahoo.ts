/**
 * Yahoo Finance daily bars through the yahoo-finance2 library's `chart()` module (Yahoo's v8 chart
 * endpoint, `interval=1d`). Every HTTP request goes through the library's fetch override, `guardedFetch`,
 * so timeouts, 429s, 5xx and network failures become ProviderErrors and are retried (./retry.ts).
 *
 * What Yahoo returns and what this provider does with it:
 *
 * - Split-adjusted prices. Yahoo's chart open/high/low/close (not only `adjclose`) are divided by every
 *   split up to the moment of the request, not only the splits within the requested range. So the
 *   request always runs to now (`period2` = the time of the request) and the split events of that whole
 *   span are used: a bar dated before a split's ex-date has its prices multiplied by numerator /
 *   denominator and its volume divided by it. Prices are then rounded to `meta.priceHint` decimals,
 *   the number of decimals Yahoo quotes the instrument in (2 for a US stock, 4 under $1 or for FX; 4 if
 *   absent), which also removes the float noise of Yahoo's values (127.58000183105469 becomes 127.58);
 *   volumes to whole shares. Dividends are left alone: chart's OHLC are not dividend-adjusted.
 *   A response whose `meta.regularMarketTime` (the time its adjustment is as of) is later than the end
 *   of the request would hide later splits; it is refused as "malformed".
 * - Dates. A daily bar's timestamp is the session's opening instant; its date is taken in the
 *   exchange's time zone `meta.exchangeTimezoneName`, which is right across daylight-saving changes.
 *   `meta.gmtoffset` is the offset now, so it is used only when the zone name is missing or unknown.
 * - The bar of a session still in progress. When `meta.currentTradingPeriod.regular` says the regular
 *   session has not ended at the time of the request, the bar dated that session is left out (and a
 *   note says so): its prices are not final. After the session's end it is kept.
 * - Nulls. A day whose open, high, low, close and volume are all null is a day Yahoo has no data for:
 *   it is left out with a note, never filled in. A day with some fields null and others not is
 *   "malformed".
 * - Currency. `meta.currency` is returned as reported, null included: yahoo-finance2's own validation
 *   rejects a null currency, and that one failure (and only that one) is accepted here. When the
 *   request names the expected currency, any other (or null) is a "currency" error.
 * - Requests. The chart endpoint needs no cookie or crumb; the library does not fetch one for it.
 *   `versionCheck` is off (it would ask the npm registry for the latest version after a validation
 *   failure) and the library's logging is silenced: errors come back as ProviderErrors.
 */
import YahooFinance from "yahoo-finance2";
import type { ChartResultObject } from "yahoo-finance2/modules/chart";
import { barSchema, type Bar } from "../../../src/lib/prices/index.ts";
import { formatIssues } from "../../../src/lib/content/index.ts";
import { addDays, checkRequest, dateAtOffset, dateInZone, isTimeZone } from "./dates.ts";
import { ProviderError, type ProviderErrorInit } from "./errors.ts";
import { guardedFetch, type ErrorBodyReading } from "./http.ts";
import { withRetry, type RetryOptions } from "./retry.ts";
import type { DailyRequest, PriceProvider, ProviderSeries, Split } from "./types.ts";

const NAME = "yahoo";

export interface YahooProviderOptions {
  /** Per attempt, in milliseconds (default 20 000). */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** The clock: the end of every request and the time the session rule is judged at. */
  now?: () => Date;
  /** The fetch under the guard (default: the global fetch at call time). */
  fetch?: typeof fetch;
}

const silent = { info() {}, warn() {}, error() {}, debug() {}, dir() {} };

export function createYahooProvider(options: YahooProviderOptions = {}): PriceProvider {
  const yahooFinance = new YahooFinance({
    versionCheck: false,
    validation: { logErrors: false, logOptionsErrors: false },
    suppressNotices: ["yahooSurvey"],
    // One request at a time: Yahoo answers bursts with 429s.
    queue: { concurrency: 1 },
    logger: silent,
  });
  return { name: NAME, fetchDaily: (request) => fetchDaily(yahooFinance, request, options) };
}

type Client = InstanceType<typeof YahooFinance>;

async function fetchDaily(
  client: Client,
  request: DailyRequest,
  options: YahooProviderOptions,
): Promise<ProviderSeries> {
  checkRequest(NAME, request);
  const { symbol, from } = request;
  const now = options.now ?? (() => new Date());
  const requests: string[] = [];
  // A day early: in the exchange's calendar, the first day's session may open before midnight UTC.
  const period1 = new Date(`${addDays(from, -1)}T00:00:00Z`);
  const attemptFetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    requests.push(url);
    return guardedFetch(url, init ?? {}, {
      provider: NAME,
      symbol,
      timeoutMs: options.timeoutMs ?? 20_000,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      expect: "json",
      describeErrorBody: readYahooError,
    });
  };

  const { chart, at } = await withRetry(async () => {
    const at = now();
    if (period1.getTime() >= at.getTime()) {
      throw new Error(`${NAME}: from ${from} is in the future; ask for days that have traded`);
    }
    const query = {
      period1,
      period2: at,
      interval: "1d",
      events: "split",
      includePrePost: false,
      return: "object",
    } as const;
    try {
      return { chart: await client.chart(symbol, query, { fetch: attemptFetch }), at };
    } catch (error) {
      const accepted = acceptNullCurrency(error);
      if (accepted) return { chart: accepted, at };
      throw fromLibrary(error, symbol);
    }
  }, options.retry);
  return toSeries(chart, request, at, requests);
}

/** Yahoo's error bodies: `{"chart":{"result":null,"error":{"code":"Not Found","description":"..."}}}`. */
function readYahooError(status: number, body: string): ErrorBodyReading | undefined {
  let error: { code?: unknown; description?: unknown } | undefined;
  try {
    error = (JSON.parse(body) as { chart?: { error?: typeof error } })?.chart?.error ?? undefined;
  } catch {
    return undefined;
  }
  if (!error || typeof error.description !== "string") return undefined;
  const detail = `Yahoo: ${JSON.stringify(error.description)}`;
  if (error.code === "Not Found") {
    return {
      kind: "unknown-symbol",
      detail,
      fix: "check the symbol as Yahoo writes it (e.g. AAPL, 1211.HK, ^IXIC); Yahoo drops the whole history of a delisted symbol",
    };
  }
  if (status === 400 && error.description.startsWith("Data doesn't exist")) {
    return { kind: "empty", detail, fix: "ask for days after the symbol's first trade" };
  }
  return { detail };
}

/** The library's validation failure when its only complaint is a null `meta.currency`: the result. */
function acceptNullCurrency(error: unknown): ChartResultObject | undefined {
  if (!(error instanceof Error) || error.name !== "FailedYahooValidationError") return undefined;
  const { errors, result } = error as Error & { errors?: unknown; result?: unknown };
  if (!Array.isArray(errors) || errors.length === 0 || result === null || typeof result !== "object")
    return undefined;
  const onlyCurrency = errors.every(
    (e: { instancePath?: unknown; data?: unknown }) =>
      e?.instancePath === "/meta/currency" && e?.data === null,
  );
  return onlyCurrency ? (result as ChartResultObject) : undefined;
}

/** Anything the library throws, as a ProviderError (a bad query of ours stays what it is). */
function fromLibrary(error: unknown, symbol: string): unknown {
  if (error instanceof ProviderError) return error;
  if (error instanceof Error && error.name === "InvalidOptionsError") return error;
  const base = { provider: NAME, symbol };
  if (error instanceof Error && error.name === "FailedYahooValidationError") {
    type Issue = { instancePath?: string; message?: string; params?: { missing?: unknown }; data?: unknown };
    const errors = (error as Error & { errors?: Issue[] }).errors ?? [];
    const listed = errors.slice(0, 3).map((e) => {
      const missing = Array.isArray(e.params?.missing) ? `: ${e.params.missing.join(", ")}` : "";
      const found = "data" in e ? ` (found ${JSON.stringify(e.data)?.slice(0, 40)})` : "";
      return `${e.instancePath || "(root)"} ${e.message ?? "is invalid"}${missing}${found}`;
    });
    return new ProviderError({
      ...base,
      kind: "malformed",
      reason: `Yahoo's answer failed yahoo-finance2's validation: ${listed.join("; ")}${errors.length > 3 ? `; and ${errors.length - 3} more` : ""}`,
      fix: "try again later; if it persists, update yahoo-finance2 (Yahoo may have changed its API)",
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/No data found, symbol may be delisted/.test(message)) {
    return new ProviderError({
      ...base,
      kind: "unknown-symbol",
      reason: `Yahoo: ${JSON.stringify(message)}`,
      fix: "check the symbol as Yahoo writes it",
    });
  }
  return new ProviderError({
    ...base,
    kind: "malformed",
    reason: `Yahoo's answer is not a chart yahoo-finance2 can read: ${message.length > 200 ? `${message.slice(0, 200)}…` : message}`,
    fix: "try again later; if it persists, update yahoo-finance2",
  });
}

/** Rounds to `decimals` places, treating 49923.199999999997 as 49923.2 first. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(Number((value * factor).toPrecision(12))) / factor;
}

type Row = {
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  volume: number | null;
};
const FIELDS = ["open", "high", "low", "close", "volume"] as const;

function toSeries(
  chart: ChartResultObject,
  request: DailyRequest,
  at: Date,
  requests: string[],
): ProviderSeries {
  const { symbol, from, to } = request;
  const fail = (kind: ProviderErrorInit["kind"], reason: string, fix?: string) =>
    new ProviderError({ kind, provider: NAME, symbol, reason, ...(fix ? { fix } : {}) });
  const meta = chart.meta;
  const notes: string[] = [];

  const reported: unknown = meta.currency;
  const currency = typeof reported === "string" ? reported : null;
  if (request.currency !== undefined && currency !== request.currency) {
    const minor =
      currency !== null && currency !== request.currency && currency.toUpperCase() === request.currency;
    throw fail(
      "currency",
      `Yahoo reports the prices in ${JSON.stringify(currency)}, not ${request.currency}` +
        (minor ? ` (${currency} is its minor unit, e.g. pence for GBp)` : ""),
      currency === null
        ? "Yahoo does not say this symbol's currency; check the symbol, or use another source"
        : "check the symbol (another listing may trade in another currency) or the ticker's currency",
    );
  }

  const asOf = meta.regularMarketTime;
  if (asOf instanceof Date && asOf.getTime() > at.getTime()) {
    throw fail(
      "malformed",
      `Yahoo's prices are split-adjusted as of ${asOf.toISOString()}, after the end of the request (${at.toISOString()}), so later splits may be missing and the prices cannot be converted to as traded`,
      "check this machine's clock; the request must run to now",
    );
  }

  const zoneName = meta.exchangeTimezoneName;
  const timeZone = typeof zoneName === "string" && isTimeZone(zoneName) ? zoneName : undefined;
  const offset =
    typeof meta.gmtoffset === "number" && Number.isFinite(meta.gmtoffset) ? meta.gmtoffset : undefined;
  if (timeZone === undefined && offset === undefined) {
    throw fail(
      "malformed",
      `Yahoo gives no usable exchange time zone (exchangeTimezoneName ${JSON.stringify(zoneName)}, no gmtoffset), so bars cannot be dated`,
    );
  }
  const dateOf = (seconds: number) =>
    timeZone ? dateInZone(seconds, timeZone) : dateAtOffset(seconds, offset!);

  const timestamps = chart.timestamp ?? [];
  const quote = chart.indicators.quote[0];
  if (timestamps.length > 0) {
    const lengths = FIELDS.map((field) => (Array.isArray(quote?.[field]) ? quote[field].length : -1));
    if (lengths.some((length) => length !== timestamps.length)) {
      throw fail(
        "malformed",
        `Yahoo gives ${timestamps.length} timestamps but ${FIELDS.map((f, i) => `${lengths[i]! < 0 ? "no" : lengths[i]} ${f}`).join(", ")} values`,
      );
    }
  }
  let rows: Row[] = timestamps.map((seconds, i) => ({
    date: dateOf(seconds),
    open: quote!.open[i] ?? null,
    high: quote!.high[i] ?? null,
    low: quote!.low[i] ?? null,
    close: quote!.close[i] ?? null,
    volume: quote!.volume[i] ?? null,
  }));
  rows = rows.filter((row) => row.date >= from && row.date <= to);

  const regular = meta.currentTradingPeriod?.regular;
  if (
    regular &&
    regular.start instanceof Date &&
    regular.end instanceof Date &&
    at.getTime() < regular.end.getTime()
  ) {
    const session = dateOf(regular.start.getTime() / 1000);
    if (rows.some((row) => row.date === session)) {
      rows = rows.filter((row) => row.date !== session);
      notes.push(
        `${session}: left out: its regular session had not ended when the data were fetched (${at.toISOString()}; it ends ${regular.end.toISOString()})`,
      );
    }
  }

  const problems: string[] = [];
  const present: Row[] = [];
  const withoutPrices: { date: string; reason: string }[] = [];
  for (const row of rows) {
    const missing = FIELDS.filter((field) => row[field] === null);
    if (missing.length === FIELDS.length) {
      notes.push(`${row.date}: left out: Yahoo has no prices for this day (every field null); not filled in`);
      withoutPrices.push({ date: row.date, reason: "Yahoo has no prices for this day (every field null)" });
    } else if (missing.length > 0) {
      problems.push(
        `${row.date}: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} null but ${FIELDS.filter((f) => !missing.includes(f)).join(", ")} ${missing.length === 4 ? "is" : "are"} not`,
      );
    } else if (present.at(-1)?.date === row.date) {
      problems.push(`${row.date}: appears twice`);
    } else {
      present.push(row);
    }
  }
  if (problems.length > 0) {
    throw fail(
      "malformed",
      `Yahoo's daily rows are incomplete: ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? `; and ${problems.length - 5} more` : ""}`,
      "try again later; never fill gaps by hand",
    );
  }

  const splits: Split[] = [];
  for (const event of Object.values(chart.events?.splits ?? {})) {
    const { numerator, denominator } = event;
    const seconds = event.date instanceof Date ? event.date.getTime() / 1000 : Number.NaN;
    if (
      !Number.isFinite(seconds) ||
      !(numerator > 0) ||
      !(denominator > 0) ||
      !Number.isFinite(numerator) ||
      !Number.isFinite(denominator)
    ) {
      throw fail("malformed", `Yahoo gives an unreadable split event ${JSON.stringify(event)}`);
    }
    splits.push({ date: dateOf(seconds), numerator, denominator });
  }
  splits.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const hint = meta.priceHint;
  const decimals = Number.isInteger(hint) && hint >= 0 && hint <= 8 ? hint : 4;
  const bars: Bar[] = present.map((row) => {
    const later = splits.filter((split) => split.date > row.date);
    const ratio = later.reduce((product, split) => (product * split.numerator) / split.denominator, 1);
    return {
      date: row.date,
      open: roundTo(row.open! * ratio, decimals),
      high: roundTo(row.high! * ratio, decimals),
      low: roundTo(row.low! * ratio, decimals),
      close: roundTo(row.close! * ratio, decimals),
      volume: Math.round(row.volume! / ratio),
    };
  });
  for (const split of splits) {
    if (present.some((row) => row.date < split.date)) {
      notes.push(
        `Yahoo's prices before ${split.date} were multiplied by ${split.numerator}/${split.denominator} and their volumes divided by it, undoing its adjustment for that ${split.numerator}-for-${split.denominator} split; prices rounded to ${decimals} decimals (Yahoo's priceHint)`,
      );
    }
  }

  const invalid = bars.flatMap((bar) => {
    const result = barSchema.safeParse(bar, { reportInput: true });
    return result.success ? [] : formatIssues(bar.date, result.error.issues);
  });
  if (invalid.length > 0) {
    throw fail(
      "malformed",
      `Yahoo's bars are not valid: ${invalid.slice(0, 5).join("; ")}${invalid.length > 5 ? `; and ${invalid.length - 5} more` : ""}`,
    );
  }
  if (bars.length === 0) {
    throw fail(
      "empty",
      `Yahoo has no daily bars from ${from} to ${to}` + (notes.length > 0 ? ` (${notes.join("; ")})` : ""),
      "check the dates (weekends and holidays have no bars; none exist before the first trade) and the symbol",
    );
  }

  return {
    provider: NAME,
    symbol,
    currency,
    ...(timeZone ? { timezone: timeZone } : {}),
    basis: "as-traded",
    delivered: "split-adjusted",
    ...(withoutPrices.length > 0 ? { missing: withoutPrices } : {}),
    bars,
    splits: splits.filter((split) => split.date >= from && split.date <= to),
    retrievedAt: at.toISOString(),
    requests: [...requests],
    notes,
  };
}
