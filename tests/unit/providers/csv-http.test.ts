/**
 * The "daily CSV over HTTP" provider, served by msw at a made-up host. The bars are NVDA's as traded
 * in January 2025 (the same numbers as tests/unit/import-prices.test.ts).
 */
import { inspect } from "node:util";
import { delay, http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { createCsvHttpProvider, type CsvHttpConfig } from "../../../scripts/lib/providers/csv-http.ts";
import { fastRetry, mockServer, providerError } from "./support.ts";

const { server, seen } = mockServer();

const ENDPOINT = "https://data.example.com/daily/:file";
const CSV = `date,open,high,low,close,volume
2025-01-23,145.05,147.23,143.72,147.22,155915500
2025-01-24,148.87,149.02,142.48,142.62,234657600
2025-01-27,124.8,128.4,116.7,118.42,818830900
`;

const config = (extra: Partial<CsvHttpConfig> = {}): CsvHttpConfig => ({
  name: "example",
  urlTemplate: "https://data.example.com/daily/{symbol}.csv?from={from}&to={to}",
  basis: "as-traded",
  currency: "USD",
  timezone: "America/New_York",
  retry: fastRetry,
  now: () => new Date("2025-01-28T12:00:00Z"),
  ...extra,
});

describe("CSV-over-HTTP provider", () => {
  it("reads the CSV with the project's parser and keeps the requested days", async () => {
    server.use(http.get(ENDPOINT, () => HttpResponse.text(CSV)));
    const series = await createCsvHttpProvider(config()).fetchDaily({
      symbol: "NVDA",
      from: "2025-01-24",
      to: "2025-01-27",
      currency: "USD",
    });
    expect(series).toEqual({
      provider: "csv:example",
      symbol: "NVDA",
      currency: "USD",
      timezone: "America/New_York",
      basis: "as-traded",
      bars: [
        { date: "2025-01-24", open: 148.87, high: 149.02, low: 142.48, close: 142.62, volume: 234657600 },
        { date: "2025-01-27", open: 124.8, high: 128.4, low: 116.7, close: 118.42, volume: 818830900 },
      ],
      splits: [],
      retrievedAt: "2025-01-28T12:00:00.000Z",
      requests: ["https://data.example.com/daily/NVDA.csv?from=2025-01-24&to=2025-01-27"],
      notes: ["1 row(s) outside 2025-01-24 to 2025-01-27 left out"],
    });
  });

  it("fills the template URL-encoded, and returns the basis the configuration declares", async () => {
    server.use(http.get(ENDPOINT, () => HttpResponse.text(CSV)));
    const series = await createCsvHttpProvider(config({ basis: "split-adjusted" })).fetchDaily({
      symbol: "^IXIC",
      from: "2025-01-27",
      to: "2025-01-27",
    });
    expect(series.basis).toBe("split-adjusted");
    // One day is a whole answer for a provider, though a snapshot needs two.
    expect(series.bars).toHaveLength(1);
    expect(series.requests).toEqual([
      "https://data.example.com/daily/%5EIXIC.csv?from=2025-01-27&to=2025-01-27",
    ]);
  });

  it("refuses a CSV with a bad row, naming the line, without retrying", async () => {
    let requests = 0;
    server.use(
      http.get(ENDPOINT, () => {
        requests++;
        return HttpResponse.text(CSV.replace("148.87", "null"));
      }),
    );
    const error = await providerError(
      createCsvHttpProvider(config()).fetchDaily({ symbol: "NVDA", from: "2025-01-23", to: "2025-01-27" }),
    );
    expect(error.kind).toBe("malformed");
    expect(error.message).toBe(
      'csv:example: NVDA: the CSV is not valid: response: line 3: open: "null" is not a plain decimal number; write digits with an optional decimal point, e.g. 118.42 (no hex, binary, octal, exponents, Infinity or thousands separators); check the source\'s format; never edit its rows by hand',
    );
    expect(requests).toBe(1);
  });

  it("reports a 404 as an unknown symbol, naming the URL, without retrying", async () => {
    let requests = 0;
    server.use(
      http.get(ENDPOINT, () => {
        requests++;
        return HttpResponse.text("no such file", { status: 404 });
      }),
    );
    const error = await providerError(
      createCsvHttpProvider(config()).fetchDaily({ symbol: "NVDAX", from: "2025-01-23", to: "2025-01-27" }),
    );
    expect(error.kind).toBe("unknown-symbol");
    expect(error.message).toBe(
      'csv:example: NVDAX: HTTP 404: the provider has no such symbol ("no such file" at https://data.example.com/daily/NVDAX.csv?from=2025-01-23&to=2025-01-27); check the symbol and the provider\'s urlTemplate',
    );
    expect(requests).toBe(1);
  });

  it("retries a 503 and then reads the CSV", async () => {
    let requests = 0;
    server.use(
      http.get(ENDPOINT, () => {
        requests++;
        return requests === 1 ? HttpResponse.text("busy", { status: 503 }) : HttpResponse.text(CSV);
      }),
    );
    const series = await createCsvHttpProvider(config()).fetchDaily({
      symbol: "NVDA",
      from: "2025-01-23",
      to: "2025-01-27",
    });
    expect(series.bars).toHaveLength(3);
    expect(requests).toBe(2);
  });

  it("reports a header-only CSV as empty", async () => {
    server.use(http.get(ENDPOINT, () => HttpResponse.text("date,open,high,low,close,volume\n")));
    const error = await providerError(
      createCsvHttpProvider(config()).fetchDaily({ symbol: "NVDA", from: "2025-01-25", to: "2025-01-26" }),
    );
    expect(error.kind).toBe("empty");
    expect(error.message).toBe(
      "csv:example: NVDA: the CSV has no bars from 2025-01-25 to 2025-01-26; check the dates and the symbol",
    );
  });

  it("refuses a currency other than the configured one before fetching anything", async () => {
    const error = await providerError(
      createCsvHttpProvider(config({ currency: "HKD" })).fetchDaily({
        symbol: "NVDA",
        from: "2025-01-23",
        to: "2025-01-27",
        currency: "USD",
      }),
    );
    expect(error.kind).toBe("currency");
    expect(error.message).toBe(
      "csv:example: NVDA: the source's currency is \"HKD\", not USD; check the symbol or the ticker's currency",
    );
    expect(seen).toEqual([]);
  });

  it("names every problem in its configuration", () => {
    expect(() =>
      createCsvHttpProvider({
        name: "Example Data",
        urlTemplate: "ftp://data.example.com/{ticker}.csv",
        basis: "adjusted" as "as-traded",
        currency: "usd",
        key: { env: "sk-live-123", header: "X-Key", param: "key" } as unknown as CsvHttpConfig["key"],
      }),
    ).toThrow(
      'csv provider: name "Example Data" is not a short lowercase name; use e.g. "stooq"; urlTemplate has unknown placeholder(s) {ticker}; use {symbol}, {from}, {to}; urlTemplate "ftp://data.example.com/{ticker}.csv" has no {symbol}; put it where the symbol goes; urlTemplate "ftp://data.example.com/{ticker}.csv" is not an http(s) URL; basis "adjusted" is not accepted; use "as-traded" or "split-adjusted"; currency "usd" is not an ISO 4217 code; use e.g. USD; key.env "sk-live-123" is not an environment variable name; use e.g. "EXAMPLE_API_KEY" (the key itself never goes in configuration); key needs exactly one of header (e.g. "X-Api-Key") or param (e.g. "apikey")',
    );
  });
});

describe("CSV-over-HTTP provider: an API key", () => {
  const KEY = "sk-test-9f8e7d6c5b4a-do-not-leak";
  const env = { EXAMPLE_API_KEY: KEY };
  const inParam = config({ env, key: { env: "EXAMPLE_API_KEY", param: "apikey" } });
  const inHeader = config({
    env,
    key: { env: "EXAMPLE_API_KEY", header: "Authorization", prefix: "Bearer " },
  });

  it("is sent as configured, and shown as *** in the series' requests", async () => {
    const received: string[] = [];
    server.use(
      http.get(ENDPOINT, ({ request }) => {
        received.push(
          `${new URL(request.url).searchParams.get("apikey")} ${request.headers.get("authorization")}`,
        );
        return HttpResponse.text(CSV);
      }),
    );
    const viaParam = await createCsvHttpProvider(inParam).fetchDaily({
      symbol: "NVDA",
      from: "2025-01-23",
      to: "2025-01-27",
    });
    const viaHeader = await createCsvHttpProvider(inHeader).fetchDaily({
      symbol: "NVDA",
      from: "2025-01-23",
      to: "2025-01-27",
    });
    expect(received).toEqual([`${KEY} null`, `null Bearer ${KEY}`]);
    expect(viaParam.requests).toEqual([
      "https://data.example.com/daily/NVDA.csv?from=2025-01-23&to=2025-01-27&apikey=***",
    ]);
    expect(viaHeader.requests).toEqual([
      "https://data.example.com/daily/NVDA.csv?from=2025-01-23&to=2025-01-27",
    ]);
    expect(inspect([viaParam, viaHeader], { depth: 10 })).not.toContain(KEY);
  });

  /** Servers that echo the key back in every way a message could pick it up. */
  const echoes: [string, (key: string) => Response | Promise<Response>][] = [
    ["401 echoing the key", (key) => HttpResponse.text(`invalid api key ${key}`, { status: 401 })],
    ["404 echoing the key", (key) => HttpResponse.text(`no file for key=${key}`, { status: 404 })],
    ["500 echoing the key, every attempt", (key) => HttpResponse.text(`crash (${key})`, { status: 500 })],
    ["429 echoing the key", (key) => HttpResponse.text(`slow down ${key}`, { status: 429 })],
    [
      "a CSV with the key in a cell",
      (key) => HttpResponse.text(`date,open,high,low,close,volume\n2025-01-24,${key},1,1,1,1\n`),
    ],
    ["a CSV header with the key", (key) => HttpResponse.text(`${key},open\n2025-01-24,1\n`)],
    ["a failed connection", () => HttpResponse.error()],
    [
      "no answer in time",
      async () => {
        await delay(300);
        return HttpResponse.text(CSV);
      },
    ],
  ];

  for (const [label, reply] of echoes) {
    it(`never appears in a thrown error: ${label}`, async () => {
      let keysSeen = 0;
      server.use(
        http.get(ENDPOINT, ({ request }) => {
          const sent =
            new URL(request.url).searchParams.get("apikey") ?? request.headers.get("authorization");
          if (sent?.includes(KEY)) keysSeen++;
          return reply(KEY);
        }),
      );
      for (const provider of [inParam, inHeader]) {
        const error = await providerError(
          createCsvHttpProvider({
            ...provider,
            timeoutMs: 50,
            retry: { ...fastRetry, attempts: 2 },
          }).fetchDaily({
            symbol: "NVDA",
            from: "2025-01-23",
            to: "2025-01-27",
          }),
        );
        expect(error.message).not.toContain(KEY);
        expect(String(error)).not.toContain(KEY);
        expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(KEY);
        expect(JSON.stringify(error)).not.toContain(KEY);
      }
      // The key was really sent, so the test saw it travel and not leak.
      expect(keysSeen).toBeGreaterThanOrEqual(2);
    });
  }

  it("must be in the environment: a missing variable is named, and nothing is fetched", async () => {
    await expect(
      createCsvHttpProvider({ ...inParam, env: {} }).fetchDaily({
        symbol: "NVDA",
        from: "2025-01-23",
        to: "2025-01-27",
      }),
    ).rejects.toThrow(
      "csv:example: the environment variable EXAMPLE_API_KEY is not set; set it to the API key (keys are read only from the environment)",
    );
    expect(seen).toEqual([]);
  });
});
