/**
 * A kept site copy with the bench corpus, for profiling by hand:
 * `node scripts/perf/make-copy.ts --size 1000 [--seed 2025] [--dir /tmp/md-1000]`
 * Prints the copy's folder. The copy `npm run bench` builds, without building it.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { makeBenchSiteCopy } from "../lib/template-bench.ts";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "1000" },
    seed: { type: "string", default: "2025" },
    dir: { type: "string" },
  },
});
const copy = makeBenchSiteCopy(Number(values.size), Number(values.seed));
let dir = copy.dir;
if (values.dir) {
  if (existsSync(values.dir)) rmSync(values.dir, { recursive: true, force: true });
  mkdirSync(dirname(values.dir), { recursive: true });
  renameSync(copy.dir, values.dir);
  dir = values.dir;
}
console.log(dir);
