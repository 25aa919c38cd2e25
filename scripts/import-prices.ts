/**
 * Imports a CSV of daily bars, as traded, into content/prices/<ticker>.json, with its source.
 *
 *   npm run import-prices -- --ticker nvda --csv NVDA.csv \
 *     --source-name "heliar-k/market-base (daily bars)" --reference "heliar-k/market-base:data/stocks/NVDA.csv@7c01e04" \
 *     [--symbol NVDA] [--retrieved 2026-11-28] [--notes "cross-checked against ..."] \
 *     [--splits splits.csv [--split-kind bonus-issue]] [--gap 2025-06-09="why it is missing"]... \
 *     [--volume not-reported]
 *
 * The ticker must be in content/tickers.yaml (its currency is the snapshot's). A new snapshot is
 * written whole. When the snapshot exists, the CSV must repeat every stored bar unchanged (history is
 * never rewritten) and only the rows after the last stored bar are added, as a new source. Splits come
 * from a CSV with the columns file,date,ratio_from,ratio_to,evidence (the rows whose file is the
 * --csv file's name). Every problem is reported with its line, field and value, and nothing is written
 * unless the whole import is good; the file is replaced atomically (written beside it, then renamed).
 */
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { CONTENT, unknownTicker, ContentError } from "../src/lib/content/index.ts";
import { readTickers } from "../src/lib/content/read.ts";
import {
  checkSnapshot,
  formatSnapshot,
  snapshotFromCsv,
  type PriceEvent,
  type PriceSnapshot,
} from "../src/lib/prices/index.ts";
import { isCalendarDate, todayUtc } from "../src/lib/site/index.ts";
import { writeFileAtomic } from "./lib/safe-files.ts";

const USAGE =
  "usage: npm run import-prices -- --ticker <id> --csv <file.csv> --source-name <who> --reference <url or repo:path@commit> [--symbol <provider symbol>] [--retrieved YYYY-MM-DD] [--notes <text>] [--splits <splits.csv> [--split-kind split|bonus-issue]] [--gap YYYY-MM-DD=<reason>]... [--volume not-reported]";

function fail(lines: readonly string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

/** The rows of a splits file for one CSV file, as snapshot events. */
function readSplits(path: string, csvName: string, kind: "split" | "bonus-issue"): PriceEvent[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(readFileSync(path, "utf8"), {
      bom: true,
      columns: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    fail([`--splits: cannot read ${path}: ${(error as Error).message}`]);
  }
  const problems: string[] = [];
  const events: PriceEvent[] = [];
  rows.forEach((row, i) => {
    if (row.file !== csvName) return;
    const where = `${path}: line ${i + 2}`;
    const from = Number(row.ratio_from);
    const to = Number(row.ratio_to);
    if (!isCalendarDate(row.date ?? ""))
      problems.push(`${where}: date: ${JSON.stringify(row.date)} is not YYYY-MM-DD`);
    if (!/^\d+$/.test(row.ratio_from ?? "") || !/^\d+$/.test(row.ratio_to ?? "")) {
      problems.push(`${where}: ratio_from, ratio_to: give whole numbers of shares, e.g. 1 and 3`);
    }
    if (!row.evidence) problems.push(`${where}: evidence: is empty; say where the split is documented`);
    events.push({ date: row.date!, kind, ratio: { from, to }, source: row.evidence! });
  });
  if (problems.length > 0) fail([...problems, "nothing written"]);
  return events;
}

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        ticker: { type: "string" },
        csv: { type: "string" },
        symbol: { type: "string" },
        "source-name": { type: "string" },
        reference: { type: "string" },
        retrieved: { type: "string", default: todayUtc() },
        notes: { type: "string" },
        splits: { type: "string" },
        "split-kind": { type: "string", default: "split" },
        gap: { type: "string", multiple: true, default: [] },
        volume: { type: "string", default: "reported" },
      },
    }));
  } catch (error) {
    fail([(error as Error).message, USAGE]);
  }
  const missing = ["ticker", "csv", "source-name", "reference"].filter(
    (name) => !values[name as keyof typeof values],
  );
  if (missing.length > 0) fail([`missing ${missing.map((m) => `--${m}`).join(", ")}`, USAGE]);
  const kind = values["split-kind"];
  if (kind !== "split" && kind !== "bonus-issue") {
    fail([`--split-kind: "${kind}" is not accepted; use split or bonus-issue`]);
  }
  const volume = values.volume;
  if (volume !== "reported" && volume !== "not-reported") {
    fail([`--volume: "${volume}" is not accepted; use reported (the default) or not-reported`]);
  }
  const gaps = values.gap.map((gap) => {
    const match = /^(\d{4}-\d{2}-\d{2})=(.+)$/s.exec(gap);
    if (!match) fail([`--gap: "${gap}" is not accepted; write --gap 2025-06-09="why the day is missing"`]);
    return { date: match[1]!, reason: match[2]!.trim() };
  });

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
  const out = `${CONTENT.prices}/${ticker.id}.json`;
  let existing: PriceSnapshot | undefined;
  if (existsSync(out)) {
    const checked = checkSnapshot(out, JSON.parse(readFileSync(out, "utf8")));
    if (!checked.data) fail([...checked.problems, `fix ${out} first; nothing written`]);
    existing = checked.data;
  }
  const result = snapshotFromCsv({
    csvText,
    csvFile: values.csv!,
    ticker,
    volume,
    source: {
      provider: "file",
      symbol: values.symbol ?? ticker.symbol,
      name: values["source-name"]!,
      reference: values.reference!,
      retrieved: values.retrieved!,
      basis: "as-traded",
      ...(values.notes ? { notes: values.notes } : {}),
    },
    events: values.splits ? readSplits(values.splits, basename(values.csv!), kind) : [],
    gaps,
    ...(existing ? { existing } : {}),
  });
  if (!result.snapshot) fail([...result.errors, `nothing written`]);
  writeFileAtomic(out, formatSnapshot(result.snapshot));
  const bars = result.snapshot.bars;
  const events = result.snapshot.events.filter((e) => e.ratio);
  console.log(
    `wrote ${out}: ${existing ? `${result.added} bars added, ` : ""}${bars.length} bars, ${bars[0]!.date} to ${bars.at(-1)!.date}` +
      (events.length > 0
        ? `; splits: ${events.map((e) => `${e.date} ${e.ratio!.to}-for-${e.ratio!.from}`).join(", ")}`
        : ""),
  );
}

main();
