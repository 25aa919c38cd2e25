/**
 * The one error type providers throw. Its `kind` tells the caller what happened and `retryable` whether
 * another attempt can help; the message names the provider, the symbol, the reason and, where there is
 * one, the fix: `yahoo: AAPL: HTTP 503 from the server; try again later`.
 */

export const providerErrorKinds = [
  /** No answer within the time allowed. Retried. */
  "timeout",
  /** HTTP 429: the provider asks us to slow down (its Retry-After is honoured). Retried. */
  "rate-limit",
  /** HTTP 5xx. Retried. */
  "server",
  /** The connection failed: DNS, refused, reset. Retried. */
  "network",
  /** An answer that is not what the provider documents: not JSON or CSV, bad rows, null prices. */
  "malformed",
  /** A well-formed answer with no bars in the range. */
  "empty",
  /** The provider does not know the symbol (HTTP 404, or its own "not found"). */
  "unknown-symbol",
  /** The series is not in the currency the caller expects, or the provider reports none. */
  "currency",
  /** Any other HTTP 4xx (400, 401, 403, ...): the request itself was refused, e.g. a missing or bad key. */
  "refused",
] as const;

export type ProviderErrorKind = (typeof providerErrorKinds)[number];

const RETRYABLE: ReadonlySet<ProviderErrorKind> = new Set(["timeout", "rate-limit", "server", "network"]);

export interface ProviderErrorInit {
  kind: ProviderErrorKind;
  provider: string;
  symbol: string;
  /** What happened, e.g. `HTTP 503 from the server`. */
  reason: string;
  /** What to do about it, e.g. `try again later`. */
  fix?: string;
  /** The HTTP status, when there was a response. */
  status?: number;
  /** For "rate-limit": how long the provider asked us to wait (Retry-After), in milliseconds. */
  retryAfterMs?: number;
  /** How many attempts were made before giving up (1 when it was not retried). */
  attempts?: number;
}

export class ProviderError extends Error {
  override readonly name = "ProviderError";
  readonly kind: ProviderErrorKind;
  readonly provider: string;
  readonly symbol: string;
  readonly reason: string;
  readonly fix: string | undefined;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly attempts: number;

  constructor(init: ProviderErrorInit) {
    const attempts = init.attempts ?? 1;
    // No `cause`: the exception underneath can carry a URL, API key and all; the reason says what it said.
    super(
      `${init.provider}: ${init.symbol}: ${init.reason}` +
        (attempts > 1 ? ` (gave up after ${attempts} attempts)` : "") +
        (init.fix ? `; ${init.fix}` : ""),
    );
    this.kind = init.kind;
    this.provider = init.provider;
    this.symbol = init.symbol;
    this.reason = init.reason;
    this.fix = init.fix;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.attempts = attempts;
  }

  /** Whether another attempt can help: timeouts, rate limits, server and network errors. */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }

  /** The same error, saying how many attempts were made. */
  afterAttempts(attempts: number): ProviderError {
    return new ProviderError({ ...this.init(), attempts });
  }

  private init(): ProviderErrorInit {
    return {
      kind: this.kind,
      provider: this.provider,
      symbol: this.symbol,
      reason: this.reason,
      ...(this.fix === undefined ? {} : { fix: this.fix }),
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }),
    };
  }
}
