/**
 * Reads a CSV of daily bars into validated bars. Accepts the plain header
 * `date,open,high,low,close,volume` and Yahoo Finance's export header
 * (`Date,Open,High,Low,Close,Adj Close,Volume`, whose `Adj Close` is ignored: snapshots keep the close
 * as traded and say how it is adjusted). Every bad row is reported with its line number.
 */
import { parse } from "csv-parse/sync";
import { barSchema, priceSnapshotSchema, type Bar, type PriceSnapshot } from "./snapshot.ts";
import { formatIssues } from "../content/errors.ts";
import type { Ticker } from "../content/schema.ts";

const REQUIRED = ["date", "open", "high", "low", "close"] as const;
const OPTIONAL = ["volume", "adj close"] as const;

export interface CsvResult {
  bars: Bar[];
  /** One line per problem, `file: line N: field: message`; empty when the file is good. */
  errors: string[];
}

/** Parses and validates `text`; `file` only labels the messages. */
export function parsePriceCsv(text: string, file: string): CsvResult {
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

  const bars: Bar[] = [];
  const errors: string[] = [];
  const column = (row: string[], name: string) => row[columns.indexOf(name)];
  let previousDate: string | undefined;
  body.forEach((row, index) => {
    const line = index + 2;
    if (row.length !== columns.length) {
      errors.push(`${file}: line ${line}: has ${row.length} fields; the header has ${columns.length}`);
      return;
    }
    const volume = column(row, "volume");
    const candidate = {
      date: column(row, "date"),
      open: toNumber(column(row, "open")),
      high: toNumber(column(row, "high")),
      low: toNumber(column(row, "low")),
      close: toNumber(column(row, "close")),
      ...(volume === undefined || volume === "" ? {} : { volume: toNumber(volume) }),
    };
    const result = barSchema.safeParse(candidate, { reportInput: true });
    const date = result.success ? result.data.date : candidate.date;
    // Order is checked against the row above even when that row had other problems.
    if (previousDate !== undefined && date !== undefined && date <= previousDate) {
      errors.push(
        `${file}: line ${line}: date: ${date} ${date === previousDate ? "repeats the previous row" : `comes after ${previousDate}`}; rows must be in strictly ascending date order`,
      );
    }
    previousDate = date;
    if (!result.success) {
      errors.push(...formatIssues(`${file}: line ${line}`, result.error.issues));
      return;
    }
    bars.push(result.data);
  });
  if (errors.length === 0 && bars.length < 2) {
    errors.push(`${file}: has ${bars.length} data row(s); a snapshot needs at least 2`);
  }
  return { bars, errors };
}

/** A CSV cell as a number; anything else (Yahoo's "null", blanks) stays a string so validation names it. */
function toNumber(cell: string | undefined): number | string | undefined {
  if (cell === undefined || cell === "") return cell;
  const value = Number(cell);
  return Number.isNaN(value) ? cell : value;
}

/** Builds a snapshot from CSV text, or returns every problem found (nothing is half-imported). */
export function snapshotFromCsv(input: {
  csvText: string;
  csvFile: string;
  ticker: Ticker;
  adjusted: PriceSnapshot["adjusted"];
  source: PriceSnapshot["source"];
}): { snapshot: PriceSnapshot; errors: [] } | { snapshot?: undefined; errors: string[] } {
  const { bars, errors } = parsePriceCsv(input.csvText, input.csvFile);
  if (errors.length > 0) return { errors };
  const result = priceSnapshotSchema.safeParse(
    {
      ticker: input.ticker.id,
      currency: input.ticker.currency,
      adjusted: input.adjusted,
      source: input.source,
      bars,
    },
    { reportInput: true },
  );
  if (!result.success) return { errors: formatIssues("snapshot", result.error.issues) };
  return { snapshot: result.data, errors: [] };
}
