/**
 * Appends the days after each snapshot's last bar from the ticker's provider (content/tickers.yaml).
 *
 *   npm run update-prices                                  # every ticker with a provider, up to today
 *   npm run update-prices -- --ticker nvda --ticker byd    # some of them
 *   npm run update-prices -- --exchange HKEX               # the tickers of one exchange
 *   npm run update-prices -- --to 2026-09-30 --dry-run     # up to a day; print, write nothing
 *   npm run update-prices -- --ticker nvda --restate 2026-09-16 --reason "vendor corrected the close"
 *
 * Providers: `yahoo` (yahoo-finance2, no key) and `csv:<name>`, a daily CSV over HTTP configured in
 * content/providers.yaml (its API key, if any, comes from the environment variable the configuration
 * names, and is never printed or written). Prints each ticker's outcome and a summary; exits 1 when any
 * ticker failed, having left that ticker's snapshot as it was (scripts/lib/update-prices.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parse as parseYaml } from "yaml";
import { createCsvHttpProvider, type CsvHttpConfig } from "./lib/providers/csv-http.ts";
import type { PriceProvider } from "./lib/providers/types.ts";
import { createYahooProvider } from "./lib/providers/yahoo.ts";
import { LockedError } from "./lib/safe-files.ts";
import { summary, updatePrices, UpdateUsageError } from "./lib/update-prices.ts";

const USAGE =
  'usage: npm run update-prices -- [--ticker <id>]... [--exchange <name>]... [--to YYYY-MM-DD] [--dry-run] [--restate YYYY-MM-DD --reason "..."]';

const PROVIDERS_FILE = "content/providers.yaml";

/** The providers of this run, made once each: Yahoo's client sends one request at a time. */
function providers(): (name: string) => PriceProvider {
  const made = new Map<string, PriceProvider>();
  return (name) => {
    let provider = made.get(name);
    if (provider) return provider;
    if (name === "yahoo") {
      provider = createYahooProvider();
    } else {
      const configs = existsSync(PROVIDERS_FILE)
        ? ((parseYaml(readFileSync(PROVIDERS_FILE, "utf8")) ?? []) as CsvHttpConfig[])
        : [];
      const config = configs.find((c) => `csv:${c.name}` === name);
      if (!config) throw new Error(`provider ${name} is not configured in ${PROVIDERS_FILE}`);
      provider = createCsvHttpProvider(config);
    }
    made.set(name, provider);
    return provider;
  };
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        ticker: { type: "string", multiple: true, default: [] },
        exchange: { type: "string", multiple: true, default: [] },
        to: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        restate: { type: "string" },
        reason: { type: "string" },
      },
    }));
  } catch (error) {
    console.error((error as Error).message);
    console.error(USAGE);
    process.exit(2);
  }
  if ((values.restate === undefined) !== (values.reason === undefined)) {
    console.error('--restate and --reason go together: --restate YYYY-MM-DD --reason "why"');
    process.exit(2);
  }
  const started = performance.now();
  try {
    const result = await updatePrices({
      root: process.cwd(),
      tickers: values.ticker,
      exchanges: values.exchange,
      ...(values.to ? { to: values.to } : {}),
      dryRun: values["dry-run"],
      ...(values.restate ? { restate: { date: values.restate, reason: values.reason! } } : {}),
      provider: providers(),
      log: (line) => console.log(line),
    });
    for (const line of summary(result)) console.log(line);
    console.log(`took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (!result.ok) process.exit(1);
  } catch (error) {
    if (error instanceof UpdateUsageError || error instanceof LockedError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

await main();
