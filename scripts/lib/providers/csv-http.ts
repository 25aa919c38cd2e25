/**
 * A generic "daily CSV over HTTP" provider: a URL template with `{symbol}`, `{from}` and `{to}`
 * (each filled in URL-encoded), fetched once per request and read with the project's own CSV reader,
 * `parsePriceCsv` (src/lib/prices/csv.ts), so its bars obey the same rules as an imported CSV.
 *
 *   createCsvHttpProvider({
 *     name: "example",
 *     urlTemplate: "https://data.example.com/daily/{symbol}.csv?from={from}&to={to}",
 *     basis: "as-traded",
 *     currency: "USD",
 *     key: { env: "EXAMPLE_API_KEY", param: "apikey" },
 *   })
 *
 * An API key, if the source needs one, is read from the environment variable named in `key.env` at
 * request time and sent as a header or a query parameter. It is never taken from configuration or a
 * file, and it is replaced by `***` in every message and in the series' `requests`.
 *
 * The CSV says nothing of splits or currency, so the configuration declares the basis ("as-traded",
 * or "split-adjusted" for a source that divides earlier prices by later splits) and, optionally, the
 * currency and time zone. Rows outside [from, to] (some sources ignore the range) are left out.
 */
import { parsePriceCsv } from "../../../src/lib/prices/index.ts";
import { checkRequest, isTimeZone } from "./dates.ts";
import { ProviderError, type ProviderErrorKind } from "./errors.ts";
import { excerpt, guardedFetch, redact } from "./http.ts";
import { withRetry, type RetryOptions } from "./retry.ts";
import type { DailyRequest, PriceProvider, ProviderSeries } from "./types.ts";

export type CsvKey =
  /** Sent as a request header, e.g. `{ env: "X_KEY", header: "Authorization", prefix: "Bearer " }`. */
  | { env: string; header: string; prefix?: string }
  /** Sent as a query parameter, e.g. `{ env: "X_KEY", param: "apikey" }`. */
  | { env: string; param: string };

export interface CsvHttpConfig {
  /** Short name, lowercase; the provider's name is `csv:<name>`. */
  name: string;
  /** The CSV's URL with `{symbol}`, `{from}` and `{to}` (YYYY-MM-DD); `{symbol}` is required. */
  urlTemplate: string;
  /** How the source's prices are adjusted. */
  basis: "as-traded" | "split-adjusted";
  /** ISO 4217 code of the prices, if known; the series reports null otherwise. */
  currency?: string;
  /** The exchange's IANA time zone, if known. */
  timezone?: string;
  /** Whether the CSV has a volume column (default "reported"); a blank volume is never read as 0. */
  volume?: "reported" | "not-reported";
  /** Where the API key goes; the key itself comes only from the environment. */
  key?: CsvKey;
  /** Per attempt, in milliseconds (default 20 000). */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** The fetch under the guard (default: the global fetch at call time). */
  fetch?: typeof fetch;
  /** Where keys are read from (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The clock for `retrievedAt`. */
  now?: () => Date;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
const KNOWN = new Set(["symbol", "from", "to"]);

/** Checks the configuration; every problem names the field, the value and the fix. */
function checkConfig(config: CsvHttpConfig): void {
  const problems: string[] = [];
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(config.name ?? "")) {
    problems.push(`name ${JSON.stringify(config.name)} is not a short lowercase name; use e.g. "stooq"`);
  }
  const template = config.urlTemplate ?? "";
  const placeholders = [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
  const unknown = placeholders.filter((name) => !KNOWN.has(name));
  if (unknown.length > 0) {
    problems.push(
      `urlTemplate has unknown placeholder(s) ${unknown.map((n) => `{${n}}`).join(", ")}; use {symbol}, {from}, {to}`,
    );
  }
  if (!placeholders.includes("symbol")) {
    problems.push(`urlTemplate ${JSON.stringify(template)} has no {symbol}; put it where the symbol goes`);
  }
  try {
    const url = new URL(template.replace(PLACEHOLDER, "x"));
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error();
  } catch {
    problems.push(`urlTemplate ${JSON.stringify(template)} is not an http(s) URL`);
  }
  if (config.basis !== "as-traded" && config.basis !== "split-adjusted") {
    problems.push(
      `basis ${JSON.stringify(config.basis)} is not accepted; use "as-traded" or "split-adjusted"`,
    );
  }
  if (config.currency !== undefined && !Intl.supportedValuesOf("currency").includes(config.currency)) {
    problems.push(`currency ${JSON.stringify(config.currency)} is not an ISO 4217 code; use e.g. USD`);
  }
  if (config.timezone !== undefined && !isTimeZone(config.timezone)) {
    problems.push(
      `timezone ${JSON.stringify(config.timezone)} is not an IANA time zone; use e.g. America/New_York`,
    );
  }
  if (config.key !== undefined) {
    const key = config.key as { env?: unknown; header?: unknown; param?: unknown };
    if (typeof key.env !== "string" || !/^[A-Z_][A-Z0-9_]*$/.test(key.env)) {
      problems.push(
        `key.env ${JSON.stringify(key.env)} is not an environment variable name; use e.g. "EXAMPLE_API_KEY" (the key itself never goes in configuration)`,
      );
    }
    if ((typeof key.header === "string") === (typeof key.param === "string")) {
      problems.push(`key needs exactly one of header (e.g. "X-Api-Key") or param (e.g. "apikey")`);
    }
  }
  if (problems.length > 0) throw new Error(`csv provider: ${problems.join("; ")}`);
}

export function createCsvHttpProvider(config: CsvHttpConfig): PriceProvider {
  checkConfig(config);
  const name = `csv:${config.name}`;
  return { name, fetchDaily: (request) => fetchDaily(name, config, request) };
}

async function fetchDaily(
  name: string,
  config: CsvHttpConfig,
  request: DailyRequest,
): Promise<ProviderSeries> {
  checkRequest(name, request);
  const { symbol, from, to } = request;
  const currency = config.currency ?? null;
  if (request.currency !== undefined && currency !== request.currency) {
    // Known from the configuration alone, so nothing is fetched.
    throw new ProviderError({
      kind: "currency",
      provider: name,
      symbol,
      reason: `the source's currency is ${JSON.stringify(currency)}, not ${request.currency}`,
      fix:
        currency === null
          ? "set currency in the provider's configuration"
          : "check the symbol or the ticker's currency",
    });
  }
  const env = config.env ?? process.env;
  let secret: string | undefined;
  if (config.key) {
    secret = env[config.key.env];
    if (!secret) {
      throw new Error(
        `${name}: the environment variable ${config.key.env} is not set; set it to the API key (keys are read only from the environment)`,
      );
    }
  }
  const secrets = secret ? [secret] : [];
  const values: Record<string, string> = { symbol, from, to };
  const url = new URL(
    config.urlTemplate.replace(PLACEHOLDER, (_, key: string) => encodeURIComponent(values[key]!)),
  );
  const headers: Record<string, string> = { accept: "text/csv, text/plain;q=0.9, */*;q=0.1" };
  if (config.key && secret) {
    if ("param" in config.key) url.searchParams.set(config.key.param, secret);
    else headers[config.key.header] = `${config.key.prefix ?? ""}${secret}`;
  }
  const shown = redact(url.href, secrets);
  const requests: string[] = [];
  const fail = (kind: ProviderErrorKind, reason: string, fix?: string) =>
    new ProviderError({
      kind,
      provider: name,
      symbol,
      reason: redact(reason, secrets),
      ...(fix ? { fix } : {}),
    });

  const text = await withRetry(async () => {
    requests.push(shown);
    const response = await guardedFetch(
      url.href,
      { headers },
      {
        provider: name,
        symbol,
        timeoutMs: config.timeoutMs ?? 20_000,
        ...(config.fetch ? { fetch: config.fetch } : {}),
        secrets,
        expect: "text",
        describeErrorBody: (status, body) =>
          status === 404
            ? {
                detail: `${excerpt(body, secrets)} at ${shown}`,
                fix: "check the symbol and the provider's urlTemplate",
              }
            : undefined,
      },
    );
    return response.text();
  }, config.retry);
  const retrievedAt = (config.now?.() ?? new Date()).toISOString();

  const parsed = parsePriceCsv(text, "response", config.volume ?? "reported");
  // parsePriceCsv also asks for 2 rows, a snapshot's minimum; one day is a fine answer for a provider.
  const tooFew = parsed.errors.length === 1 && parsed.errors[0]!.endsWith("a snapshot needs at least 2");
  if (parsed.errors.length > 0 && !tooFew) {
    const shownErrors =
      parsed.errors.slice(0, 5).join("; ") +
      (parsed.errors.length > 5 ? `; and ${parsed.errors.length - 5} more` : "");
    throw fail(
      "malformed",
      `the CSV is not valid: ${shownErrors}`,
      "check the source's format; never edit its rows by hand",
    );
  }
  const bars = parsed.bars.filter((bar) => bar.date >= from && bar.date <= to);
  const notes: string[] = [];
  const outside = parsed.bars.length - bars.length;
  if (outside > 0) notes.push(`${outside} row(s) outside ${from} to ${to} left out`);
  if (bars.length === 0) {
    throw fail(
      "empty",
      `the CSV has no bars from ${from} to ${to}` +
        (outside > 0 ? ` (${outside} row(s) outside that range)` : ""),
      "check the dates and the symbol",
    );
  }
  return {
    provider: name,
    symbol,
    currency,
    ...(config.timezone ? { timezone: config.timezone } : {}),
    basis: config.basis,
    bars,
    splits: [],
    retrievedAt,
    requests,
    notes,
  };
}
