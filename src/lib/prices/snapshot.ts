/**
 * Price snapshots, content/prices/<ticker id>.json: the schema of a snapshot and its daily bars, and
 * how a snapshot is written back to disk.
 */
import { z } from "astro/zod";
import { validate, type Checked } from "../content/errors.ts";
import { show } from "../content/errors.ts";
import { calendarDate, choice, expected, nonEmpty, slug, strict } from "../content/fields.ts";
import type { Ticker } from "../content/schema.ts";
import { isCalendarDate } from "../site/dates.ts";
import { onBasisOf, type SeriesEvents, type Split } from "./splits.ts";

/**
 * The range a price may take. Below or above it, a value is a broken number (1e308, a misplaced decimal
 * point), not a price: indices run to tens of thousands of points, the dearest shares to hundreds of
 * thousands of dollars. If a real instrument ever needs more, widen it here.
 */
export const PRICE_RANGE = { min: 0.0001, max: 10_000_000 } as const;

/**
 * A day's close may move at most this share (60%) from the previous close, on one basis (see
 * ./splits.ts), unless an event of that day in `events` says why. A larger move is almost always a
 * split nobody recorded, or a broken number.
 */
export const MAX_DAY_MOVE = 0.6;

const price = (field: string) =>
  z
    .number({ error: expected(`a number: the ${field} price`) })
    .refine(Number.isFinite, { error: `must be a finite number: the ${field} price` })
    .refine((n) => n > 0, {
      error: (issue) => `${String(issue.input)} is not above 0; prices must be positive`,
    })
    .refine((n) => n >= PRICE_RANGE.min && n <= PRICE_RANGE.max, {
      error: (issue) =>
        `${String(issue.input)} is outside the range a price can take (${PRICE_RANGE.min} to ${PRICE_RANGE.max.toLocaleString("en")}); check the source for a broken number`,
    });

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** The day of the week of a calendar date, "Saturday". */
export function weekdayOf(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

/** A calendar date that is a weekday: no exchange the site follows trades on Saturdays or Sundays. */
const tradingDate = calendarDate.refine(
  (date) => {
    const day = weekdayOf(date as string);
    return day !== "Saturday" && day !== "Sunday";
  },
  {
    error: (issue) =>
      `${String(issue.input)} is a ${weekdayOf(issue.input as string)}; exchanges do not trade at weekends, so the source's dates are wrong (check its time zone)`,
  },
);

export const barSchema = strict({
  /** Trading day, in the exchange's calendar; a weekday. */
  date: tradingDate,
  open: price("opening"),
  high: price("highest"),
  low: price("lowest"),
  close: price("closing"),
  /**
   * Shares (or the vendor's index volume) traded. Every bar has one unless the snapshot says
   * `volume: "not-reported"`, in which case none has.
   */
  volume: z
    .number({ error: expected("a number of shares") })
    .int({ error: (issue) => `${String(issue.input)} is not a whole number of shares` })
    .min(0, { error: (issue) => `${String(issue.input)} is negative; volume must be 0 or more` })
    .max(Number.MAX_SAFE_INTEGER, {
      error: (issue) => `${String(issue.input)} is too large to be a number of shares`,
    })
    .optional(),
}).superRefine((bar, ctx) => {
  const bottom = Math.min(bar.open, bar.close);
  const top = Math.max(bar.open, bar.close);
  if (bar.low > bottom) {
    ctx.addIssue({
      code: "custom",
      path: ["low"],
      input: bar.low,
      message: `${bar.low} is above min(open, close) = ${bottom}; the low must be at or below both`,
    });
  }
  if (bar.high < top) {
    ctx.addIssue({
      code: "custom",
      path: ["high"],
      input: bar.high,
      message: `${bar.high} is below max(open, close) = ${top}; the high must be at or above both`,
    });
  }
});

/** A time written in ISO 8601 UTC, `2026-12-01T21:35:00.000Z`, or a calendar date when only the day is known. */
const retrievalTime = z
  .string({ error: expected("when the data were retrieved: 2026-12-01T21:35:00Z, or 2026-12-01") })
  .refine(
    (value) =>
      isCalendarDate(value) ||
      (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value) &&
        isCalendarDate(value.slice(0, 10)) &&
        !Number.isNaN(Date.parse(value))),
    {
      error: (issue) =>
        `${show(issue.input)} is not a time of retrieval; write 2026-12-01T21:35:00Z (UTC), or the date 2026-12-01`,
    },
  );

/** How a source delivered its prices; snapshots always store them as traded. */
export const sourceBases = ["as-traded", "split-adjusted"] as const;

/** Where a run of consecutive bars came from: the provenance a chart's source line shows. */
export const sourceSchema = strict({
  /** First and last trading day this source supplied, both included. */
  from: calendarDate,
  to: calendarDate,
  /** How they were fetched: `file` (a CSV imported with npm run import-prices), `yahoo`, `csv:<name>`. */
  provider: nonEmpty("the provider: file, yahoo or csv:<name>"),
  /** The instrument's symbol at the provider: `1211.HK`, `^GSPC`. */
  symbol: nonEmpty("the provider's symbol, e.g. 1211.HK"),
  /** Who published the data. */
  name: nonEmpty("who published the data"),
  /** Exact reference: a URL, or `owner/repo:path@commit`. */
  reference: nonEmpty("a URL or repository path the data can be fetched from again"),
  /** When they were last retrieved. */
  retrieved: retrievalTime,
  /** How the source delivered them: as traded, or split-adjusted (and converted to as traded here). */
  basis: choice(sourceBases, "a basis"),
  /** Anything a reader of the data should know (dropped rows, cross-checks). */
  notes: z.string({ error: expected("text, or leave the field out") }).optional(),
});

export const eventKinds = ["split", "bonus-issue", "listing", "other"] as const;

const shareCount = z
  .number({ error: expected("a whole number of shares, e.g. 1") })
  .int({ error: (issue) => `${String(issue.input)} is not a whole number of shares` })
  .positive({ error: (issue) => `${String(issue.input)} is not above 0` });

/** Something that explains a day's prices: a split or bonus issue (with its ratio), a listing, another documented event. */
export const eventSchema = strict({
  /** The day it took effect: for a split or bonus issue, the ex-date, the first day at the new share count. */
  date: tradingDate,
  kind: choice(eventKinds, "an event kind"),
  /** For a split or bonus issue: `from` old shares became `to` new ones (3:1 bonus issue: from 1, to 3). */
  ratio: strict({ from: shareCount, to: shareCount }).optional(),
  /** Where it is documented: the company's announcement, the exchange's notice, the data's history. */
  source: nonEmpty("where the event is documented"),
}).superRefine((event, ctx) => {
  const needsRatio = event.kind === "split" || event.kind === "bonus-issue";
  if (needsRatio && event.ratio === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["ratio"],
      input: undefined,
      message: `is required for a ${event.kind}: write ratio: { from: 1, to: 3 } for 3 new shares for each old one`,
    });
  }
  if (!needsRatio && event.ratio !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["ratio"],
      input: event.ratio,
      message: `only a split or bonus issue has a ratio; leave it out of a ${event.kind} event`,
    });
  }
});

/** A trading day the data do not have, and why: shown as a gap, never filled in. */
export const gapSchema = strict({
  date: tradingDate,
  reason: nonEmpty("why the day is missing, e.g. every source for it is dividend-adjusted"),
});

/** A stored bar replaced on purpose (npm run update-prices --restate): the old values are kept here. */
export const restatementSchema = strict({
  /** The trading day restated. */
  date: tradingDate,
  /** When it was restated. */
  restated: retrievalTime,
  /** Why, as given with --reason. */
  reason: nonEmpty("why the vendor restated the day"),
  /** The bar as it was stored before. */
  before: barSchema,
  /** The bar as stored since. */
  after: barSchema,
});

export const volumeStates = ["reported", "not-reported"] as const;

const byDate =
  <T extends { date: string }>(what: string) =>
  (items: readonly T[], ctx: z.RefinementCtx) => {
    for (let i = 1; i < items.length; i++) {
      const previous = items[i - 1]!.date;
      const date = items[i]!.date;
      if (date <= previous) {
        ctx.addIssue({
          code: "custom",
          path: [i, "date"],
          input: date,
          message:
            date === previous
              ? `${date} appears twice; each trading day has one ${what}`
              : `${date} comes after ${previous}; ${what}s must be in strictly ascending date order`,
        });
      }
    }
  };

export const priceSnapshotSchema = strict({
  /** Id of the ticker in content/tickers.yaml; must match the file name. */
  ticker: slug("ticker id"),
  /** ISO 4217 code; must equal the ticker's. */
  currency: z.string({ error: expected("the ISO 4217 code of the prices, e.g. USD") }),
  /** Prices are stored as traded; splits are events, and the site adjusts where a reader needs it. */
  basis: choice(["as-traded"] as const, "a basis", "; store prices as traded and record splits in events"),
  /**
   * `reported` (the default): every bar has a volume. `not-reported`: the source gives none (some
   * indices), and no bar has one. A blank volume is never 0.
   */
  volume: choice(volumeStates, "a volume state").default("reported"),
  /** Where the bars came from, oldest first: each a run of consecutive bars, together all of them. */
  sources: z
    .array(sourceSchema, { error: expected("a list of sources") })
    .min(1, { error: "is empty; say where the bars came from" }),
  /** Splits, bonus issues and other documented events, oldest first. */
  events: z
    .array(eventSchema, { error: expected("a list of events") })
    .superRefine(byDate("event"))
    .default([]),
  /** Documented missing trading days, oldest first. */
  gaps: z
    .array(gapSchema, { error: expected("a list of gaps") })
    .superRefine(byDate("gap"))
    .default([]),
  /** Every stored bar ever replaced, with the old values and the reason: history is never silently rewritten. */
  restatements: z.array(restatementSchema, { error: expected("a list of restatements") }).default([]),
  /** Daily bars, oldest first. */
  bars: z
    .array(barSchema, { error: expected("a list of daily bars") })
    .min(2, {
      error: (issue) => `has ${(issue.input as unknown[]).length} bar(s); a snapshot needs at least 2`,
    })
    .superRefine(byDate("bar")),
}).superRefine((snapshot, ctx) => {
  const { bars, events, gaps, sources } = snapshot;
  const barDates = new Set(bars.map((bar) => bar.date));
  const first = bars[0]!.date;
  const last = bars.at(-1)!.date;

  bars.forEach((bar, i) => {
    const reported = bar.volume !== undefined;
    if (reported !== (snapshot.volume === "reported")) {
      ctx.addIssue({
        code: "custom",
        path: ["bars", i, "volume"],
        input: bar.volume,
        message: reported
          ? `${bar.date} has a volume, but the snapshot says volume: "not-reported"; give every bar its volume and set volume: "reported", or remove them all`
          : `is missing on ${bar.date}; every bar needs its volume (a blank is not 0), or set volume: "not-reported" when the source gives none`,
      });
    }
  });

  events.forEach((event, i) => {
    if (event.date >= first && event.date <= last && !barDates.has(event.date)) {
      ctx.addIssue({
        code: "custom",
        path: ["events", i, "date"],
        input: event.date,
        message: `${event.date} has no bar; an event inside the data takes effect on a trading day of the data`,
      });
    }
  });
  gaps.forEach((gap, i) => {
    if (barDates.has(gap.date) || gap.date < first || gap.date > last) {
      ctx.addIssue({
        code: "custom",
        path: ["gaps", i, "date"],
        input: gap.date,
        message: barDates.has(gap.date)
          ? `${gap.date} has a bar; a gap is a trading day the data do not have`
          : `${gap.date} is outside the data (${first} to ${last}); a gap lies between two bars`,
      });
    }
  });

  // The sources cover the bars in order, each from one bar to a later one, with nothing left over.
  let next = 0;
  sources.forEach((source, i) => {
    const expectedFrom = bars[next]?.date;
    if (source.from !== expectedFrom) {
      ctx.addIssue({
        code: "custom",
        path: ["sources", i, "from"],
        input: source.from,
        message:
          expectedFrom === undefined
            ? `${source.from}: every bar is covered by an earlier source; remove this one`
            : `${source.from} should be ${expectedFrom}, the first bar after the previous source; the sources cover the bars in order`,
      });
    }
    const end = bars.findIndex((bar) => bar.date === source.to);
    if (end < next || source.to < source.from) {
      ctx.addIssue({
        code: "custom",
        path: ["sources", i, "to"],
        input: source.to,
        message: `${source.to} is not a bar at or after from (${source.from}); to is the last bar this source supplied`,
      });
      next = bars.length;
      return;
    }
    next = end + 1;
  });
  if (next < bars.length) {
    ctx.addIssue({
      code: "custom",
      path: ["sources"],
      input: undefined,
      message: `no source covers the bars from ${bars[next]!.date} to ${last}; add one, or extend the last source's to`,
    });
  }

  // Plausibility: a close far from the previous one, on one basis, needs an event saying why.
  const { splits } = seriesEvents(snapshot);
  const explained = new Set(events.filter((event) => !event.ratio).map((event) => event.date));
  for (let i = 1; i < bars.length; i++) {
    const previous = bars[i - 1]!;
    const bar = bars[i]!;
    if (explained.has(bar.date)) continue;
    const start = onBasisOf(previous.close, previous.date, bar.date, splits);
    const move = bar.close / start - 1;
    if (Math.abs(move) > MAX_DAY_MOVE) {
      const percent = `${move > 0 ? "+" : ""}${(move * 100).toFixed(1)}%`;
      const split = events.find((event) => event.date === bar.date && event.ratio);
      ctx.addIssue({
        code: "custom",
        path: ["bars", i, "close"],
        input: bar.close,
        message:
          `${bar.close} on ${bar.date} is ${percent} from the previous close ${previous.close} (${previous.date})` +
          (split?.ratio ? ` even after its ${split.kind} (${split.ratio.to} for ${split.ratio.from})` : "") +
          `; a close may move at most ${MAX_DAY_MOVE * 100}% in a day unless an event explains it: ` +
          `check the source, then record the split or bonus issue (kind, ratio, source) or the documented event in events`,
      });
    }
  }
});

export type Bar = z.output<typeof barSchema>;
export type PriceSnapshot = z.output<typeof priceSnapshotSchema>;

export type Source = z.output<typeof sourceSchema>;
export type PriceEvent = z.output<typeof eventSchema>;

/** What figures and charts read of a snapshot besides its bars. */
export type SnapshotFacts = Pick<PriceSnapshot, "sources" | "events" | "gaps">;

/**
 * A ticker's price data as figures and charts read it: the instrument, its bars (oldest first), its
 * splits and gaps, and its provenance.
 */
export interface TickerData {
  ticker: Ticker;
  bars: readonly Bar[];
  /** Splits and documented gaps (seriesEvents of the snapshot). */
  events: SeriesEvents;
  snapshot: SnapshotFacts;
}

/** The splits and bonus issues of a snapshot, and its documented gaps: what bars maths must know. */
export function seriesEvents(snapshot: Pick<PriceSnapshot, "events" | "gaps">): SeriesEvents {
  const splits: Split[] = snapshot.events.flatMap((event) =>
    event.ratio && (event.kind === "split" || event.kind === "bonus-issue")
      ? [{ date: event.date, ratio: event.ratio, kind: event.kind }]
      : [],
  );
  return { splits, gaps: snapshot.gaps };
}

/** A price snapshot's JSON validated, as the build's loader and `npm run check:content` both do. */
export function checkSnapshot(file: string, data: unknown): Checked<PriceSnapshot> {
  return validate(priceSnapshotSchema, data, file);
}

/**
 * A snapshot as JSON with one bar per line: small, and a re-import shows in `git diff` as the rows
 * that changed.
 */
export function formatSnapshot(snapshot: PriceSnapshot): string {
  const { bars, ...head } = snapshot;
  const headJson = JSON.stringify(head, null, 2).replace(/\n}$/, "");
  const barLines = bars.map((bar) => `    ${JSON.stringify(bar)}`).join(",\n");
  return `${headJson},\n  "bars": [\n${barLines}\n  ]\n}\n`;
}
