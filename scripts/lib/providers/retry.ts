/**
 * Retries through p-retry: timeouts, rate limits, server and network errors are tried again with
 * exponential backoff (baseDelayMs, 2×, 4×, ... up to maxDelayMs, with jitter); every other error
 * (a 4xx, a malformed or empty answer, an unknown symbol, a wrong currency, a bug) ends at once.
 *
 * A 429's Retry-After is honoured: the wait before the next attempt is at least what the provider
 * asked for. One that asks for longer than maxRetryAfterMs is not waited out: the rate-limit error
 * surfaces, saying so. After the last attempt the last ProviderError surfaces, saying how many
 * attempts were made.
 */
import pRetry from "p-retry";
import { setTimeout as sleep } from "node:timers/promises";
import { ProviderError } from "./errors.ts";

export interface RetryOptions {
  /** Attempts in all, the first included (default 4). 1 turns retrying off. */
  attempts?: number;
  /** Wait before the first retry, in milliseconds (default 1000); doubles for each later one. */
  baseDelayMs?: number;
  /** Longest wait between two attempts, in milliseconds (default 30 000). */
  maxDelayMs?: number;
  /** Longest Retry-After we are willing to wait out, in milliseconds (default 60 000). */
  maxRetryAfterMs?: number;
  /** Multiply each wait by a random factor between 1 and 2, so parallel runs spread out (default true). */
  jitter?: boolean;
  /** Told before each retry: which attempt failed, why, and how long until the next. */
  onRetry?: (retry: { attempt: number; error: ProviderError; delayMs: number }) => void;
}

export const defaultRetry = {
  attempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
  jitter: true,
} as const satisfies RetryOptions;

/** Runs `attempt` until it succeeds, fails in a way retrying cannot help, or runs out of attempts. */
export async function withRetry<T>(
  attempt: (number: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const { attempts, baseDelayMs, maxDelayMs, maxRetryAfterMs, jitter } = { ...defaultRetry, ...options };
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new Error(`retry: attempts ${attempts} is not a whole number of 1 or more; use e.g. 4`);
  }
  let made = 0;
  try {
    return await pRetry(
      (number) => {
        made = number;
        return attempt(number);
      },
      {
        retries: attempts - 1,
        minTimeout: baseDelayMs,
        maxTimeout: maxDelayMs,
        factor: 2,
        randomize: jitter,
        shouldRetry: ({ error }) => error instanceof ProviderError && error.retryable,
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft, retryDelay }) => {
          if (!(error instanceof ProviderError) || !error.retryable || retriesLeft === 0) return;
          let delayMs = retryDelay;
          if (error.kind === "rate-limit" && error.retryAfterMs !== undefined) {
            if (error.retryAfterMs > maxRetryAfterMs) {
              // Thrown from here, this ends the retries and is what the caller sees.
              throw new ProviderError({
                kind: error.kind,
                provider: error.provider,
                symbol: error.symbol,
                reason: `${error.reason}, longer than the ${Math.ceil(maxRetryAfterMs / 1000)} s we wait`,
                fix: "try again later",
                ...(error.status === undefined ? {} : { status: error.status }),
                retryAfterMs: error.retryAfterMs,
                attempts: attemptNumber,
              });
            }
            if (error.retryAfterMs > retryDelay) {
              // p-retry waits retryDelay after this callback; wait the rest of Retry-After here.
              await sleep(error.retryAfterMs - retryDelay);
              delayMs = error.retryAfterMs;
            }
          }
          options.onRetry?.({ attempt: attemptNumber, error, delayMs });
        },
      },
    );
  } catch (error) {
    if (error instanceof ProviderError && made > 1 && error.attempts < made) throw error.afterAttempts(made);
    throw error;
  }
}
