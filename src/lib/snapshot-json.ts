import type { PriceSnapshot } from "./schema.ts";

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
