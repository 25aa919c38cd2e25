/**
 * `npm run update-prices`: fetches the days after each snapshot's last bar from the ticker's provider
 * and appends them, never changing a stored bar.
 *
 * For each ticker (in content/tickers.yaml order, or the ones asked for):
 * - the last OVERLAP_DAYS stored bars are fetched again with the new days, and must agree with the
 *   provider within TOLERANCE, else the ticker fails with "provider disagrees with stored history on
 *   DATE: stored X, provider Y" (a vendor's genuine restatement of one day goes through `restate`,
 *   which replaces that bar and logs the old one, the new one and the reason in the snapshot);
 * - a split the provider reports after the last stored bar becomes an event; one inside the stored
 *   history that the snapshot does not record fails the ticker;
 * - a stored day the provider no longer has, or a day it answers without prices, is a missing trading
 *   day and fails the ticker;
 * - the result is checked with the snapshot schema (plausibility included) and written atomically.
 * One ticker failing never stops the others; each outcome is reported. Nothing is written in a dry run.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CONTENT, type Ticker } from "../../src/lib/content/index.ts";
import { readTickers } from "../../src/lib/content/read.ts";
import {
  checkSnapshot,
  describeBar,
  formatSnapshot,
  type Bar,
  type PriceEvent,
  type PriceSnapshot,
  type Source,
} from "../../src/lib/prices/index.ts";
import { isCalendarDate } from "../../src/lib/site/index.ts";
import { ProviderError } from "./providers/errors.ts";
import type { PriceProvider, ProviderSeries } from "./providers/types.ts";
import { acquireLock, writeFileAtomic } from "./safe-files.ts";

/** Stored bars fetched again on every run, to catch a provider that disagrees with what was stored. */
export const OVERLAP_DAYS = 5;

/** How far a provider's price may be from the stored one and still agree: half a cent, or 0.01%. */
export function agrees(stored: number, provider: number): boolean {
  return Math.abs(stored - provider) <= Math.max(0.005, Math.abs(stored) * 1e-4);
}

export interface UpdateOptions {
  /** The project directory (content/ lives under it). */
  root: string;
  /** Ticker ids to update; all tickers with a provider when empty. */
  tickers?: readonly string[];
  /** Only the tickers listed on these exchanges (content/tickers.yaml `exchange`), e.g. HKEX. */
  exchanges?: readonly string[];
  /** Last day wanted, YYYY-MM-DD (default: today, UTC). */
  to?: string;
  dryRun?: boolean;
  /** Replace the stored bar of `date` with the provider's, logging the change and `reason`. */
  restate?: { date: string; reason: string };
  /** The provider of a ticker's `provider` name. */
  provider: (name: string) => PriceProvider;
  now?: () => Date;
  /** Where progress lines go (stdout in the command). */
  log?: (line: string) => void;
  /** How a snapshot is written (tests interrupt it). */
  write?: (path: string, text: string) => void;
}

export type OutcomeStatus = "updated" | "unchanged" | "failed" | "skipped";

export interface TickerOutcome {
  ticker: string;
  status: OutcomeStatus;
  /** One line: days added and the latest date, or why nothing was. */
  message: string;
  added: number;
  latest?: string;
  splits: string[];
}

export interface UpdateResult {
  outcomes: TickerOutcome[];
  /** False when any ticker failed (the command then exits non-zero). */
  ok: boolean;
}

/** Thrown for a bad request of the whole run (an unknown ticker, a bad date): nothing is fetched. */
export class UpdateUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UpdateUsageError";
  }
}

class TickerFailure extends Error {}

const LOCK = ".update-prices.lock";

/** The source line a provider's bars are stored under. */
function providerSourceName(provider: string): string {
  return provider === "yahoo"
    ? "Yahoo Finance (chart API, through yahoo-finance2)"
    : `${provider} (daily CSV)`;
}

function splitEvent(series: ProviderSeries, split: ProviderSeries["splits"][number]): PriceEvent {
  return {
    date: split.date,
    kind: "split",
    ratio: { from: split.denominator, to: split.numerator },
    source: `${series.provider} ${series.symbol}: split event in the data retrieved ${series.retrievedAt}`,
  };
}

/** Updates one ticker's snapshot; throws TickerFailure or ProviderError on failure. */
async function updateTicker(
  ticker: Ticker,
  file: string,
  options: UpdateOptions,
  to: string,
): Promise<Omit<TickerOutcome, "ticker">> {
  if (!ticker.provider) {
    return { status: "skipped", message: "no provider in content/tickers.yaml", added: 0, splits: [] };
  }
  if (!existsSync(file)) throw new TickerFailure(`${file} does not exist; import the ticker's history first`);
  const checked = checkSnapshot(file, JSON.parse(readFileSync(file, "utf8")));
  if (!checked.data)
    throw new TickerFailure(`the stored snapshot is invalid: ${checked.problems.join("; ")}`);
  const stored = checked.data;
  const last = stored.bars.at(-1)!;
  const restate = options.restate;
  if (restate && !stored.bars.some((bar) => bar.date === restate.date)) {
    throw new TickerFailure(`--restate ${restate.date}: the snapshot has no bar on that day to restate`);
  }
  if (to <= last.date && !restate) {
    return {
      status: "unchanged",
      message: `up to date (latest ${last.date})`,
      added: 0,
      latest: last.date,
      splits: [],
    };
  }
  const overlapStart = stored.bars[Math.max(0, stored.bars.length - OVERLAP_DAYS)]!.date;
  const from = restate && restate.date < overlapStart ? restate.date : overlapStart;
  const symbol = ticker.symbols![ticker.provider]!;
  const series = await options.provider(ticker.provider).fetchDaily({
    symbol,
    from,
    to: to < last.date ? last.date : to,
    currency: ticker.currency,
  });

  if (series.missing && series.missing.length > 0) {
    const day = series.missing[0]!;
    throw new TickerFailure(`missing trading day ${day.date}: ${day.reason}; nothing is filled in`);
  }
  const fetched = new Map(series.bars.map((bar) => [bar.date, bar]));
  const bars: Bar[] = [];
  let restatement: PriceSnapshot["restatements"][number] | undefined;
  for (const bar of stored.bars) {
    if (bar.date < from) {
      bars.push(bar);
      continue;
    }
    const theirs = fetched.get(bar.date);
    if (!theirs) {
      throw new TickerFailure(
        `missing trading day ${bar.date}: the provider has no bar for a day the snapshot has; nothing is changed`,
      );
    }
    const fields = (["open", "high", "low", "close"] as const).filter((f) => !agrees(bar[f], theirs[f]));
    if (fields.length === 0) {
      bars.push(bar);
    } else if (restate?.date === bar.date) {
      restatement = {
        date: bar.date,
        restated: (options.now?.() ?? new Date()).toISOString(),
        reason: restate.reason,
        before: bar,
        after: theirs,
      };
      bars.push(theirs);
    } else {
      const field = fields[0]!;
      throw new TickerFailure(
        `provider disagrees with stored history on ${bar.date}: stored ${bar[field]}, provider ${theirs[field]} (${field}; stored ${describeBar(bar)}, provider ${describeBar(theirs)}); stored history is never rewritten: if the provider restated the day, run npm run update-prices -- --ticker ${ticker.id} --restate ${bar.date} --reason "..."`,
      );
    }
  }
  if (restate && !restatement) {
    throw new TickerFailure(
      `--restate ${restate.date}: the provider agrees with the stored bar; nothing to restate`,
    );
  }

  const known = new Set(stored.events.map((event) => event.date));
  const newEvents: PriceEvent[] = [];
  for (const split of series.splits) {
    if (split.date <= last.date) {
      if (!known.has(split.date)) {
        throw new TickerFailure(
          `the provider reports a ${split.numerator}-for-${split.denominator} split on ${split.date}, inside the stored history, which the snapshot does not record; check it and add it to events`,
        );
      }
    } else newEvents.push(splitEvent(series, split));
  }

  const added = series.bars.filter((bar) => bar.date > last.date);
  if (added.length === 0 && !restatement) {
    return {
      status: "unchanged",
      message: `no new days (latest ${last.date})`,
      added: 0,
      latest: last.date,
      splits: [],
    };
  }
  const sources: Source[] = stored.sources.map((source) => ({ ...source }));
  if (added.length > 0) {
    const previous = sources.at(-1)!;
    const notes = series.notes.length > 0 ? series.notes.join("; ") : undefined;
    if (previous.provider === series.provider && previous.symbol === symbol) {
      previous.to = added.at(-1)!.date;
      previous.retrieved = series.retrievedAt;
    } else {
      sources.push({
        from: added[0]!.date,
        to: added.at(-1)!.date,
        provider: series.provider,
        symbol,
        name: providerSourceName(series.provider),
        reference: series.requests[0] ?? series.provider,
        retrieved: series.retrievedAt,
        basis: series.delivered ?? series.basis,
        ...(notes ? { notes } : {}),
      });
    }
  }
  const next = checkSnapshot(file, {
    ...stored,
    sources,
    events: [...stored.events, ...newEvents],
    restatements: restatement ? [...stored.restatements, restatement] : stored.restatements,
    bars: [...bars, ...added],
  });
  if (!next.data)
    throw new TickerFailure(`the new data fail the snapshot's checks: ${next.problems.join("; ")}`);
  if (!options.dryRun) (options.write ?? writeFileAtomic)(file, formatSnapshot(next.data));

  const latest = next.data.bars.at(-1)!.date;
  const splits = newEvents.map((event) => `${event.date} ${event.ratio!.to}-for-${event.ratio!.from}`);
  const parts = [
    added.length > 0
      ? `${added.length} day${added.length === 1 ? "" : "s"} added (${added[0]!.date} to ${latest})`
      : "no new days",
    `latest ${latest}`,
    ...splits.map((split) => `split recorded: ${split}`),
    ...(restatement ? [`${restatement.date} restated: ${restatement.reason}`] : []),
  ];
  return {
    status: "updated",
    message: parts.join("; ") + (options.dryRun ? " (dry run: nothing written)" : ""),
    added: added.length,
    latest,
    splits,
  };
}

/** Runs the update under the lock; never throws for a single ticker's failure. */
export async function updatePrices(options: UpdateOptions): Promise<UpdateResult> {
  const log = options.log ?? (() => {});
  const to = options.to ?? (options.now?.() ?? new Date()).toISOString().slice(0, 10);
  if (!isCalendarDate(to)) throw new UpdateUsageError(`--to: "${to}" is not a date; write YYYY-MM-DD`);
  if (options.restate) {
    if (!isCalendarDate(options.restate.date)) {
      throw new UpdateUsageError(`--restate: "${options.restate.date}" is not a date; write YYYY-MM-DD`);
    }
    if (options.restate.reason.trim() === "") {
      throw new UpdateUsageError('--restate needs --reason "why the provider changed the day"');
    }
    if (options.tickers?.length !== 1) {
      throw new UpdateUsageError("--restate restates one ticker's day: give exactly one --ticker");
    }
  }
  const all = readTickers(join(options.root, CONTENT.tickers));
  const unknown = (options.tickers ?? []).filter((id) => !all.some((t) => t.id === id));
  if (unknown.length > 0) {
    throw new UpdateUsageError(
      `--ticker: unknown ticker ${unknown.map((id) => JSON.stringify(id)).join(", ")} (known: ${all.map((t) => t.id).join(", ")})`,
    );
  }
  const exchanges = [...new Set(all.map((t) => t.exchange))];
  const unknownExchanges = (options.exchanges ?? []).filter((name) => !exchanges.includes(name));
  if (unknownExchanges.length > 0) {
    throw new UpdateUsageError(
      `--exchange: no ticker is listed on ${unknownExchanges.map((e) => JSON.stringify(e)).join(", ")} (exchanges: ${exchanges.join(", ")})`,
    );
  }
  const chosen = all.filter(
    (t) =>
      (!options.tickers?.length || options.tickers.includes(t.id)) &&
      (!options.exchanges?.length || options.exchanges.includes(t.exchange)),
  );
  const release = acquireLock(join(options.root, CONTENT.prices, LOCK), log);
  const outcomes: TickerOutcome[] = [];
  try {
    for (const ticker of chosen) {
      const file = join(options.root, CONTENT.prices, `${ticker.id}.json`);
      let outcome: TickerOutcome;
      try {
        outcome = { ticker: ticker.id, ...(await updateTicker(ticker, file, options, to)) };
      } catch (error) {
        if (!(error instanceof TickerFailure || error instanceof ProviderError)) {
          outcome = {
            ticker: ticker.id,
            status: "failed",
            message: `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
            added: 0,
            splits: [],
          };
        } else {
          outcome = { ticker: ticker.id, status: "failed", message: error.message, added: 0, splits: [] };
        }
      }
      log(`${outcome.ticker}: ${outcome.status}: ${outcome.message}`);
      outcomes.push(outcome);
    }
  } finally {
    release();
  }
  return { outcomes, ok: outcomes.every((outcome) => outcome.status !== "failed") };
}

/** The summary the command prints at the end: one line per outcome kind. */
export function summary(result: UpdateResult): string[] {
  const count = (status: OutcomeStatus) => result.outcomes.filter((o) => o.status === status);
  const lines = [
    `update-prices: ${count("updated").length} updated, ${count("unchanged").length} unchanged, ${count("skipped").length} skipped, ${count("failed").length} failed`,
  ];
  for (const failed of count("failed")) lines.push(`  FAILED ${failed.ticker}: ${failed.message}`);
  return lines;
}
