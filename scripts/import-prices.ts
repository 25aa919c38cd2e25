/**
 * Imports a CSV of daily bars into content/prices/<ticker>.json, with its source.
 *
 *   npm run import-prices -- --ticker nvda --csv NVDA.csv --adjusted none \
 *     --source-name "IBKR via heliar-k/market-base" --reference "heliar-k/market-base:data/stocks/NVDA.csv@7c01e04" \
 *     [--retrieved 2026-11-28] [--notes "cross-checked against ..."]
 *
 * The ticker must be in content/tickers.yaml (its currency is the snapshot's). Every bad row is reported
 * with its line number and nothing is written unless the whole file is good.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { CONTENT, unknownTicker, ContentError } from "../src/lib/content/index.ts";
import { readTickers } from "../src/lib/content/read.ts";
import { snapshotFromCsv, adjustments, type PriceSnapshot, formatSnapshot } from "../src/lib/prices/index.ts";
import { todayUtc } from "../src/lib/site/index.ts";

const USAGE =
  "usage: npm run import-prices -- --ticker <id> --csv <file.csv> --adjusted <none|split|split-dividend> --source-name <who> --reference <url or repo:path@commit> [--retrieved YYYY-MM-DD] [--notes <text>]";

function fail(lines: readonly string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        ticker: { type: "string" },
        csv: { type: "string" },
        adjusted: { type: "string" },
        "source-name": { type: "string" },
        reference: { type: "string" },
        retrieved: { type: "string", default: todayUtc() },
        notes: { type: "string" },
      },
    }));
  } catch (error) {
    fail([(error as Error).message, USAGE]);
  }
  const missing = ["ticker", "csv", "adjusted", "source-name", "reference"].filter(
    (name) => !values[name as keyof typeof values],
  );
  if (missing.length > 0) fail([`missing ${missing.map((m) => `--${m}`).join(", ")}`, USAGE]);
  if (!(adjustments as readonly string[]).includes(values.adjusted!)) {
    fail([`--adjusted: "${values.adjusted}" is not accepted; use one of ${adjustments.join(", ")}`]);
  }

  let tickers;
  try {
    tickers = readTickers(CONTENT.tickers);
  } catch (error) {
    fail(error instanceof ContentError ? error.problems : [(error as Error).message]);
  }
  const ticker = tickers.find((t) => t.id === values.ticker);
  if (!ticker) {
    const known = tickers.map((t) => t.id);
    fail([`--ticker: ${unknownTicker(values.ticker, known)}; add it to ${CONTENT.tickers} first`]);
  }

  let csvText: string;
  try {
    csvText = readFileSync(values.csv!, "utf8");
  } catch (error) {
    fail([`--csv: cannot read ${values.csv}: ${(error as Error).message}`]);
  }
  const result = snapshotFromCsv({
    csvText,
    csvFile: values.csv!,
    ticker,
    adjusted: values.adjusted as PriceSnapshot["adjusted"],
    source: {
      name: values["source-name"]!,
      reference: values.reference!,
      retrieved: values.retrieved!,
      ...(values.notes ? { notes: values.notes } : {}),
    },
  });
  if (result.errors.length > 0) fail([...result.errors, `nothing written`]);
  const out = `${CONTENT.prices}/${ticker.id}.json`;
  writeFileSync(out, formatSnapshot(result.snapshot!));
  const bars = result.snapshot!.bars;
  console.log(`wrote ${out}: ${bars.length} bars, ${bars[0]!.date} to ${bars.at(-1)!.date}`);
}

main();
