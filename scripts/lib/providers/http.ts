/**
 * One HTTP attempt, turned into either a response whose body has been read or a ProviderError of the
 * right kind. Every provider's requests go through `guardedFetch` (the Yahoo library's too, as its
 * fetch override), so timeouts, status codes and network failures are classified in one place.
 *
 * Secrets (API keys) given in `secrets` are replaced by `***` in every message this module builds, and
 * no error keeps the original exception as its `cause` (an exception can carry the URL, key and all).
 */
import { ProviderError, type ProviderErrorKind } from "./errors.ts";

export interface AttemptContext {
  provider: string;
  symbol: string;
  /** Per-attempt limit, headers and body included, in milliseconds. */
  timeoutMs: number;
  /** The fetch to call; by default the global one, looked up at call time (so test interceptors apply). */
  fetch?: typeof fetch;
  /** Values that must never appear in a message. */
  secrets?: readonly string[];
  /** "json": a 2xx body that is not JSON is "malformed". */
  expect?: "json" | "text";
  /** What the provider's own error bodies say, e.g. Yahoo's `{"chart":{"error":{...}}}`. */
  describeErrorBody?: (status: number, body: string) => ErrorBodyReading | undefined;
  /** Clock for Retry-After dates. */
  now?: () => number;
}

/** A provider's reading of an error response: a kind other than the status's, its detail, its fix. */
export interface ErrorBodyReading {
  kind?: ProviderErrorKind;
  detail?: string;
  fix?: string;
}

/** `text` with every secret, plain or URL-encoded, replaced by `***`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join("***");
  }
  return out;
}

/** The first characters of a body, on one line, for a message. */
export function excerpt(body: string, secrets: readonly string[] | undefined): string {
  const line = redact(body, secrets).replace(/\s+/g, " ").trim();
  if (line === "") return "an empty body";
  return JSON.stringify(line.length > 120 ? `${line.slice(0, 120)}…` : line);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function isTimeout(error: unknown, signal: AbortSignal): boolean {
  return (
    (error instanceof Error || error instanceof DOMException) &&
    (error.name === "TimeoutError" || (error.name === "AbortError" && signal.aborted))
  );
}

/** What a thrown fetch error says, with its cause's code (ECONNREFUSED, ENOTFOUND) when it has one. */
function describeThrown(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail =
    cause &&
    (typeof cause.code === "string" ? cause.code : typeof cause.message === "string" ? cause.message : "");
  return detail ? `${error.message} (${detail})` : error.message;
}

/**
 * Fetches `url` once. Resolves with a Response whose body is already read (so the timeout covers the
 * whole transfer) when the status is 2xx; otherwise throws a ProviderError:
 * 429 "rate-limit" (with Retry-After), 5xx "server", 404 "unknown-symbol", other 4xx "refused",
 * no answer in time "timeout", a failed connection "network", a 2xx that is not JSON when JSON is
 * expected "malformed".
 */
export async function guardedFetch(
  url: string,
  init: RequestInit,
  context: AttemptContext,
): Promise<Response> {
  const { provider, symbol, secrets } = context;
  const fail = (
    kind: ProviderErrorKind,
    reason: string,
    fix?: string,
    extra: { status?: number; retryAfterMs?: number } = {},
  ) =>
    new ProviderError({
      kind,
      provider,
      symbol,
      reason: redact(reason, secrets),
      ...(fix ? { fix } : {}),
      ...extra,
    });

  const timeout = AbortSignal.timeout(context.timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  const fetchFn = context.fetch ?? globalThis.fetch;
  let response: Response;
  let body: string;
  try {
    response = await fetchFn(url, { ...init, signal });
    body = await response.text();
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    if (isTimeout(error, timeout)) {
      throw fail(
        "timeout",
        `no complete answer within ${context.timeoutMs} ms`,
        "try again later, or allow a longer timeout",
      );
    }
    throw fail(
      "network",
      `the request failed: ${describeThrown(error)}`,
      "check the network connection and try again",
    );
  }

  const { status } = response;
  if (status >= 200 && status < 300) {
    if (context.expect === "json") {
      try {
        JSON.parse(body);
      } catch {
        throw fail(
          "malformed",
          `HTTP ${status} but the body is not JSON: ${excerpt(body, secrets)}`,
          "try again later; if it persists, the provider has changed its API",
        );
      }
    }
    return new Response(body, { status, statusText: response.statusText, headers: response.headers });
  }

  const described = context.describeErrorBody?.(status, body);
  const detail = described?.detail === undefined ? excerpt(body, secrets) : redact(described.detail, secrets);
  const extra: { status: number; retryAfterMs?: number } = { status };
  let kind: ProviderErrorKind;
  let reason: string;
  let fix: string | undefined;
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), context.now?.() ?? Date.now());
    if (retryAfterMs !== undefined) extra.retryAfterMs = retryAfterMs;
    [kind, reason, fix] = [
      "rate-limit",
      `HTTP 429 Too Many Requests (${detail})` +
        (retryAfterMs === undefined ? "" : `; it asked us to wait ${Math.ceil(retryAfterMs / 1000)} s`),
      "wait and try again, or make fewer requests",
    ];
  } else if (status >= 500) {
    [kind, reason, fix] = ["server", `HTTP ${status} from the server (${detail})`, "try again later"];
  } else if (status === 404) {
    [kind, reason, fix] = [
      "unknown-symbol",
      `HTTP 404: the provider has no such symbol (${detail})`,
      "check the symbol in the provider's own form",
    ];
  } else if (status >= 400) {
    [kind, reason, fix] = [
      "refused",
      `HTTP ${status}: the request was refused (${detail})`,
      "check the provider's configuration (URL, key)",
    ];
  } else {
    [kind, reason, fix] = ["malformed", `unexpected HTTP ${status} (${detail})`, undefined];
  }
  if (described?.kind !== undefined && described.kind !== kind) {
    // The provider's own body says more than the status code, e.g. Yahoo's 400 for a range with no data.
    [kind, reason] = [described.kind, `HTTP ${status}: ${detail}`];
  }
  throw fail(kind, reason, described?.fix ?? fix, extra);
}
