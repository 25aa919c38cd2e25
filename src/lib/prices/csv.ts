/**
 * Reads a CSV of daily bars into validated bars. Accepts the plain header
 * `date,open,high,low,close,volume` and Yahoo Finance's export header
 * (`Date,Open,High,Low,Close,Adj Close,Volume`, whose `Adj Close` is ignored: snapshots keep the close
 * as traded). Numbers are plain decimals only; every bad row is reported with its line number and field.
 */
import { parse } from "csv-parse/sync";
import {
  barSchema,
  priceSnapshotSchema,
  type Bar,
  type PriceEvent,
  type PriceSnapshot,
  type Source,
} from "./snapshot.ts";
import { formatIssues } from "../content/errors.ts";
import type { Ticker } from "../content/schema.ts";

const REQUIRED = ["date", "open", "high", "low", "close"] as const;
const OPTIONAL = ["volume", "adj close"] as const;

export interface CsvResult {
  bars: Bar[];
  /** One line per problem, `file: line N: field: message`; empty when the file is good. */
  errors: string[];
}

/** A plain decimal number: digits, an optional point and digits; a minus sign so that "-1" is named as negative. */
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

const FIELD_WORDS: Record<string, string> = {
  open: "opening price",
  high: "highest price",
  low: "lowest price",
  close: "closing price",
  volume: "volume",
};

/**
 * A CSV cell as a number, or the reason it is not one. Only plain decimals are read: `0x79`, `0b1111`,
 * `0o17`, `1e3`, `Infinity`, `1,000` and blanks are refused, never converted.
 */
function readNumber(cell: string, field: string): { value: number } | { problem: string } {
  if (cell === "") {
    return {
      problem:
        field === "volume"
          ? "is empty; a blank volume is not 0: give the volume from the source, or import with --volume not-reported when the source gives none"
          : `is empty; every row needs its ${FIELD_WORDS[field]}`,
    };
  }
  if (!DECIMAL.test(cell)) {
    return {
      problem: `${JSON.stringify(cell)} is not a plain decimal number; write digits with an optional decimal point, e.g. 118.42 (no hex, binary, octal, exponents, Infinity or thousands separators)`,
    };
  }
  return { value: Number(cell) };
}

/**
 * Parses and validates `text`; `file` only labels the messages. `volume` says whether the source
 * reports volume: "reported" (the default) needs a volume column with a number on every row,
 * "not-reported" a file without one.
 */
export function parsePriceCsv(
  text: string,
  file: string,
  volume: PriceSnapshot["volume"] = "reported",
): CsvResult {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    return { bars: [], errors: [`${file}: not a readable CSV file: ${(error as Error).message}`] };
  }
  const [header, ...body] = rows;
  const columns = (header ?? []).map((name) => name.toLowerCase());
  const missing = REQUIRED.filter((name) => !columns.includes(name));
  const unknown = columns.filter(
    (name) =>
      !(REQUIRED as readonly string[]).includes(name) && !(OPTIONAL as readonly string[]).includes(name),
  );
  if (missing.length > 0 || unknown.length > 0) {
    return {
      bars: [],
      errors: [
        `${file}: line 1: header ${JSON.stringify((header ?? []).join(","))} is not accepted` +
          (missing.length ? ` (missing ${missing.join(", ")})` : "") +
          (unknown.length ? ` (unknown ${unknown.join(", ")})` : "") +
          `; use date,open,high,low,close,volume or Yahoo Finance's Date,Open,High,Low,Close,Adj Close,Volume`,
      ],
    };
  }
  const hasVolume = columns.includes("volume");
  if (hasVolume !== (volume === "reported")) {
    return {
      bars: [],
      errors: [
        hasVolume
          ? `${file}: line 1: the file has a volume column, but the import says volume is not reported; leave out --volume not-reported`
          : `${file}: line 1: the file has no volume column; give the volume, or import with --volume not-reported when the source reports none`,
      ],
    };
  }

  const bars: Bar[] = [];
  const errors: string[] = [];
  const column = (row: string[], name: string) => row[columns.indexOf(name)]!;
  let previousDate: string | undefined;
  body.forEach((row, index) => {
    const line = index + 2;
    if (row.length !== columns.length) {
      errors.push(`${file}: line ${line}: has ${row.length} fields; the header has ${columns.length}`);
      return;
    }
    const candidate: Record<string, unknown> = { date: column(row, "date") };
    const unreadable = new Map<string, string>();
    for (const field of hasVolume ? [...NUMBERS, "volume"] : NUMBERS) {
      const read = readNumber(column(row, field), field);
      if ("problem" in read) unreadable.set(field, read.problem);
      else candidate[field] = read.value;
    }
    const result = barSchema.safeParse(candidate, { reportInput: true });
    const date = result.success ? result.data.date : (candidate.date as string);
    // Order is checked against the row above even when that row had other problems.
    if (previousDate !== undefined && date <= previousDate) {
      errors.push(
        `${file}: line ${line}: date: ${date} ${date === previousDate ? "repeats the previous row" : `comes after ${previousDate}`}; rows must be in strictly ascending date order`,
      );
    }
    previousDate = date;
    for (const [field, problem] of unreadable) errors.push(`${file}: line ${line}: ${field}: ${problem}`);
    if (!result.success) {
      // The schema's complaints about a field already named as unreadable (it is missing) would repeat it.
      const others = result.error.issues.filter((issue) => !unreadable.has(String(issue.path[0])));
      errors.push(...formatIssues(`${file}: line ${line}`, others));
      return;
    }
    if (unreadable.size > 0) return;
    bars.push(result.data);
  });
  if (errors.length === 0 && bars.length < 2) {
    errors.push(`${file}: has ${bars.length} data row(s); a snapshot needs at least 2`);
  }
  return { bars, errors };
}

const NUMBERS = ["open", "high", "low", "close"] as const;

/** The same bar: every field equal. */
export function sameBar(a: Bar, b: Bar): boolean {
  return (
    a.date === b.date &&
    a.open === b.open &&
    a.high === b.high &&
    a.low === b.low &&
    a.close === b.close &&
    a.volume === b.volume
  );
}

/** A bar as messages show it: "O 124.8 H 128.4 L 116.7 C 118.42 V 818830900". */
export function describeBar(bar: Bar): string {
  return `O ${bar.open} H ${bar.high} L ${bar.low} C ${bar.close}${bar.volume === undefined ? "" : ` V ${bar.volume}`}`;
}

/** What an import says of the rows it adds: their source, and any events and gaps among them. */
export interface CsvImport {
  csvText: string;
  csvFile: string;
  ticker: Ticker;
  /** The source of the new rows; `from` and `to` are the rows' own. */
  source: Omit<Source, "from" | "to">;
  volume?: PriceSnapshot["volume"];
  events?: PriceEvent[];
  gaps?: PriceSnapshot["gaps"];
  /**
   * The snapshot already stored, if any: the CSV's rows up to its last bar must be its bars exactly
   * (history is never rewritten), and only later rows are added.
   */
  existing?: PriceSnapshot;
}

/**
 * Builds a snapshot from CSV text, or returns every problem found (nothing is half-imported). With an
 * existing snapshot, the CSV must repeat its bars unchanged, and the rows after them are appended as a
 * new source; its sources, events, gaps and restatements are kept.
 */
export function snapshotFromCsv(
  input: CsvImport,
): { snapshot: PriceSnapshot; added: number; errors: [] } | { snapshot?: undefined; errors: string[] } {
  const { existing } = input;
  const volume = input.volume ?? existing?.volume ?? "reported";
  const { bars, errors } = parsePriceCsv(input.csvText, input.csvFile, volume);
  if (errors.length > 0) return { errors };
  let kept: Bar[] = [];
  let added = bars;
  if (existing) {
    const stored = new Map(existing.bars.map((bar) => [bar.date, bar]));
    const last = existing.bars.at(-1)!.date;
    const problems: string[] = [];
    const inCsv = new Set(bars.map((bar) => bar.date));
    for (const bar of bars) {
      if (bar.date > last) break;
      const old = stored.get(bar.date);
      if (!old) {
        problems.push(
          `${input.csvFile}: ${bar.date}: the stored history has no bar for this day; history is never rewritten, so an import only adds days after ${last}`,
        );
      } else if (!sameBar(old, bar)) {
        problems.push(
          `${input.csvFile}: ${bar.date}: the CSV disagrees with the stored history: stored ${describeBar(old)}, CSV ${describeBar(bar)}; history is never rewritten (a vendor's restatement goes through npm run update-prices -- --restate ${bar.date} --reason "...")`,
        );
      }
    }
    for (const old of existing.bars) {
      if (old.date >= bars[0]!.date && !inCsv.has(old.date)) {
        problems.push(
          `${input.csvFile}: ${old.date}: the CSV leaves out a stored bar; an import may only add days after ${last}`,
        );
      }
    }
    if (problems.length > 0) return { errors: problems };
    kept = existing.bars.slice();
    added = bars.filter((bar) => bar.date > last);
    if (added.length === 0) {
      return { errors: [`${input.csvFile}: has no rows after ${last}, the last stored bar; nothing to add`] };
    }
  }
  const result = priceSnapshotSchema.safeParse(
    {
      ticker: input.ticker.id,
      currency: input.ticker.currency,
      basis: "as-traded",
      ...(volume === "reported" ? {} : { volume }),
      sources: [
        ...(existing?.sources ?? []),
        { from: added[0]!.date, to: added.at(-1)!.date, ...input.source },
      ],
      events: [...(existing?.events ?? []), ...(input.events ?? [])].sort((a, b) =>
        a.date < b.date ? -1 : 1,
      ),
      gaps: [...(existing?.gaps ?? []), ...(input.gaps ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1)),
      restatements: existing?.restatements ?? [],
      bars: [...kept, ...added],
    },
    { reportInput: true },
  );
  if (!result.success) return { errors: formatIssues("snapshot", result.error.issues) };
  return { snapshot: result.data, added: added.length, errors: [] };
}
