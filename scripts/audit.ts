/**
 * `npm run audit [-- --allow-unavailable]`: the production dependencies (`npm audit --omit=dev`) must
 * have no high or critical advisory. Needs the npm registry's advisory endpoint; when that cannot be
 * reached the audit fails, unless `--allow-unavailable` is given, which turns that case (only) into
 * a loud warning: CI uses it so a network without the endpoint does not block every change.
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { readAudit } from "./lib/audit-report.ts";

const { values } = parseArgs({ options: { "allow-unavailable": { type: "boolean", default: false } } });

const result = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8" });
const outcome = readAudit(result.stdout);

if (outcome.kind === "unavailable") {
  const message = `npm audit did not run: ${outcome.reason}`;
  if (values["allow-unavailable"]) {
    console.warn(`WARNING: ${message}. The dependency audit was skipped on this network.`);
    process.exit(0);
  }
  console.error(`${message}. Run it where the npm registry's advisory endpoint is reachable.`);
  process.exit(1);
}

const counts = Object.entries(outcome.counts)
  .map(([severity, n]) => `${severity} ${n}`)
  .join(", ");
if (outcome.blocking.length > 0) {
  console.error(`npm audit --omit=dev: high or critical advisories (${counts}):`);
  for (const line of outcome.blocking) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`npm audit --omit=dev: no high or critical advisory (${counts}).`);
