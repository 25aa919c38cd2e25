/**
 * Test support for the provider layer: recorded Yahoo responses (tests/fixtures/providers/yahoo, see
 * its SOURCES.md) and one msw server per test file that fails any request no handler answers.
 */
import { readFileSync } from "node:fs";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import { ProviderError } from "../../../scripts/lib/providers/errors.ts";

const FIXTURES = "tests/fixtures/providers/yahoo";

export interface Recorded {
  /** The URL the recording asked for. */
  url: string;
  status: number;
  /** The response body as recorded: the raw text when the recording kept it, else its JSON. */
  body: string;
  /** When Yahoo answered (its Date header). */
  answeredAt: Date;
}

/** A recorded response, unchanged, from tests/fixtures/providers/yahoo/<name>.recorded. */
export function recorded(name: string): Recorded {
  const file = JSON.parse(readFileSync(`${FIXTURES}/${name}.recorded`, "utf8")) as {
    request: { url: string };
    response: {
      status: number;
      body?: string;
      bodyJson?: unknown;
      headers: Record<string, string | string[]>;
    };
  };
  const date = file.response.headers.date;
  return {
    url: file.request.url,
    status: file.response.status,
    body: file.response.body ?? JSON.stringify(file.response.bodyJson),
    answeredAt: new Date(Array.isArray(date) ? date[0]! : date!),
  };
}

/** The parts of a chart body that tests derive variations from. */
export interface ChartBody {
  chart: {
    result: [
      {
        meta: Record<string, unknown> & { currentTradingPeriod: { regular: { start: number; end: number } } };
        timestamp?: number[];
        indicators: { quote: Record<string, (number | null)[]>[] };
      },
    ];
  };
}

/** A recorded body parsed, to derive a variation from (each test that does so says what it changes). */
export function recordedJson(name: string): ChartBody {
  return JSON.parse(recorded(name).body) as ChartBody;
}

export const YAHOO_CHART = "https://query2.finance.yahoo.com/v8/finance/chart/:symbol";

/**
 * An msw server for the test file, listening for the whole file. Requests that no handler answers are
 * errors (`onUnhandledFrame: "error"`, msw 3's name for v2's `onUnhandledRequest`) and are recorded in
 * `unhandled`; `seen` records every request made.
 */
export function mockServer() {
  const server = setupServer();
  const seen: string[] = [];
  const unhandled: string[] = [];
  server.events.on("request:start", ({ request }) => {
    seen.push(`${request.method} ${request.url}`);
  });
  server.events.on("request:unhandled", ({ request }) => {
    unhandled.push(`${request.method} ${request.url}`);
  });
  beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());
  return { server, seen, unhandled };
}

/** The ProviderError a promise rejects with (fails the test if it resolves or throws anything else). */
export async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error("expected a ProviderError, but the promise resolved");
}

/** Retries that take no time, for tests. */
export const fastRetry = { baseDelayMs: 1, maxDelayMs: 5, jitter: false } as const;
