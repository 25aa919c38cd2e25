/**
 * The pieces under every provider: exchange dates, the error type, Retry-After, redaction and the
 * retry policy.
 */
import { describe, expect, it } from "vitest";
import {
  addDays,
  checkRequest,
  dateAtOffset,
  dateInZone,
  isTimeZone,
} from "../../../scripts/lib/providers/dates.ts";
import { ProviderError, type ProviderErrorKind } from "../../../scripts/lib/providers/errors.ts";
import { parseRetryAfter, redact } from "../../../scripts/lib/providers/http.ts";
import { withRetry } from "../../../scripts/lib/providers/retry.ts";

describe("exchange dates", () => {
  it("dates an instant in the exchange's zone, not UTC", () => {
    // 2023-12-31 23:00 UTC is 10:00 on 1 January in Sydney (AEDT, UTC+11) and 18:00 on 31 December in New York.
    expect(dateInZone(1704063600, "Australia/Sydney")).toBe("2024-01-01");
    expect(dateInZone(1704063600, "America/New_York")).toBe("2023-12-31");
    expect(dateAtOffset(1704063600, 39600)).toBe("2024-01-01");
    expect(dateAtOffset(1704063600, -18000)).toBe("2023-12-31");
  });

  it("follows daylight saving time, which a fixed gmtoffset cannot", () => {
    // 2020-09-01 13:30 UTC, New York's open in summer (EDT): 09:30 local.
    expect(dateInZone(1598967000, "America/New_York")).toBe("2020-09-01");
    // 2020-07-01 04:30 UTC is 00:30 on 1 July in New York (EDT, UTC-4); at the winter offset (EST,
    // -18000, what Yahoo's gmtoffset says in January) it would be 23:30 on 30 June.
    expect(dateInZone(1593577800, "America/New_York")).toBe("2020-07-01");
    expect(dateAtOffset(1593577800, -18000)).toBe("2020-06-30");
  });

  it("moves dates across months, years and leap days", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
  });

  it("knows which time zones exist", () => {
    expect(isTimeZone("Asia/Hong_Kong")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });

  it("accepts a one-day request and refuses reversed dates", () => {
    expect(() => checkRequest("p", { symbol: "X", from: "2025-01-27", to: "2025-01-27" })).not.toThrow();
    expect(() => checkRequest("p", { symbol: "X", from: "2025-1-27", to: "2025-01-27" })).toThrow(
      'p: from "2025-1-27" is not a calendar date; write YYYY-MM-DD',
    );
  });
});

describe("ProviderError", () => {
  it("names the provider, the symbol, the reason and the fix", () => {
    const error = new ProviderError({
      kind: "server",
      provider: "yahoo",
      symbol: "AAPL",
      reason: "HTTP 503 from the server",
      fix: "try again later",
      status: 503,
    });
    expect(error.message).toBe("yahoo: AAPL: HTTP 503 from the server; try again later");
    expect(error.afterAttempts(4).message).toBe(
      "yahoo: AAPL: HTTP 503 from the server (gave up after 4 attempts); try again later",
    );
    expect(error.afterAttempts(4).status).toBe(503);
  });

  it("is retryable for timeouts, rate limits, server and network errors only", () => {
    const kinds: ProviderErrorKind[] = [
      "timeout",
      "rate-limit",
      "server",
      "network",
      "malformed",
      "empty",
      "unknown-symbol",
      "currency",
      "refused",
    ];
    const retryable = kinds.filter(
      (kind) => new ProviderError({ kind, provider: "p", symbol: "S", reason: "r" }).retryable,
    );
    expect(retryable).toEqual(["timeout", "rate-limit", "server", "network"]);
  });
});

describe("Retry-After and redaction", () => {
  it("reads delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("120")).toBe(120_000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("2015-10-21T07:27:00Z"))).toBe(60_000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("2015-10-21T08:00:00Z"))).toBe(0);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it("hides a secret in plain and URL-encoded form", () => {
    expect(redact("key=a+b/c&x=1 and a+b/c", ["a+b/c"])).toBe("key=***&x=1 and ***");
    expect(redact("apikey=a%2Bb%2Fc", ["a+b/c"])).toBe("apikey=***");
    expect(redact("nothing to hide", [""])).toBe("nothing to hide");
  });
});

describe("withRetry", () => {
  const fail = (kind: ProviderErrorKind) =>
    new ProviderError({ kind, provider: "p", symbol: "S", reason: kind });
  const fast = { baseDelayMs: 1, maxDelayMs: 2, jitter: false };

  it("stops at once on an error retrying cannot help", async () => {
    let calls = 0;
    const error = await withRetry(async () => {
      calls++;
      throw fail("malformed");
    }, fast).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect((error as ProviderError).message).toBe("p: S: malformed");
  });

  it("stops at once on an error that is not a ProviderError (a bug is not retried)", async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw new TypeError("x is not a function");
      }, fast),
    ).rejects.toThrow("x is not a function");
    expect(calls).toBe(1);
  });

  it("retries until an attempt succeeds", async () => {
    let calls = 0;
    const result = await withRetry(async () => {
      calls++;
      if (calls < 3) throw fail(calls === 1 ? "network" : "timeout");
      return "ok";
    }, fast);
    expect([result, calls]).toEqual(["ok", 3]);
  });

  it("waits longer each time, up to the cap", async () => {
    const delays: number[] = [];
    await withRetry(
      async () => {
        throw fail("server");
      },
      {
        attempts: 5,
        baseDelayMs: 10,
        maxDelayMs: 30,
        jitter: false,
        onRetry: ({ delayMs }) => delays.push(delayMs),
      },
    ).catch(() => undefined);
    expect(delays).toEqual([10, 20, 30, 30]);
  });

  it("refuses a nonsensical number of attempts", async () => {
    await expect(withRetry(async () => "ok", { attempts: 0 })).rejects.toThrow(
      "retry: attempts 0 is not a whole number of 1 or more; use e.g. 4",
    );
  });
});
