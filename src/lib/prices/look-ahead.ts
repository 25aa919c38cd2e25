/**
 * The no-look-ahead rule: what an article shows from the data stops at the day its facts stand as of
 * (its latest update's date, else its date). Later days appear only in the automatic "What happened
 * next" box, or once an update dated later reports them.
 */
import { PriceDataError } from "./bars.ts";

/** Why `prop` (a date in a chart or a figure, as written) is refused, and how to show later data. */
export function afterAsOf(prop: string, asOf: string): string {
  return (
    `${prop} is after ${asOf}, the day the article's facts stand as of (its date, or its latest update's); ` +
    `an article shows only what was known then, so use a date on or before ${asOf}. ` +
    `The "What happened next" box under the article shows the later moves; to report them in the text, ` +
    `add an update dated on or after that day (updates: in the frontmatter)`
  );
}

/**
 * Throws afterAsOf's message for the first of `names` in `props` holding a date after `asOf`. A value
 * that is not a `YYYY-MM-DD` date is left to the figure's own checks, which say what is accepted.
 */
export function assertNotAfter(
  props: Readonly<Record<string, unknown>>,
  names: readonly string[],
  asOf: string,
): void {
  for (const name of names) {
    const value = props[name];
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && value > asOf) {
      throw new PriceDataError(afterAsOf(`${name}="${value}"`, asOf));
    }
  }
}
