/**
 * The site's cold build against the Astro blog yardstick (scripts/lib/template-bench.ts):
 * `node scripts/template-bench.ts [--sizes 1000,4000] [--repeat 1] [--seed 2025] [--keep]`
 *
 * For each size N: a site copy with the N-article bench corpus and a yardstick copy with N posts of
 * the same text, built cold one after the other `--repeat` times. Prints each pair's wall times, CPU
 * times and peak memory, and the site / yardstick ratio (median over the pairs).
 */
import { parseArgs } from "node:util";
import { benchPair, makeBenchSiteCopy, makeYardstickCopy } from "./lib/template-bench.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,4000" },
    repeat: { type: "string", default: "1" },
    seed: { type: "string", default: "2025" },
    keep: { type: "boolean", default: false },
  },
});
const s = (ms: number | undefined) => (ms === undefined ? "n/a" : `${(ms / 1000).toFixed(1)} s`);
const mb = (b: number | undefined) => (b === undefined ? "n/a" : `${(b / 1024 ** 2).toFixed(0)} MB`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

console.log(
  "| articles | pair | site wall | yardstick wall | site / yardstick | site CPU | yardstick CPU | site peak | yardstick peak | load at start |",
);
console.log(
  "| -------: | ---: | --------: | -------------: | ---------------: | -------: | ------------: | --------: | -------------: | ------------: |",
);
for (const size of values.sizes.split(",").map(Number)) {
  const site = makeBenchSiteCopy(size, Number(values.seed));
  const yardstick = makeYardstickCopy(size, Number(values.seed));
  try {
    const pairs = await benchPair(site.dir, yardstick.dir, Number(values.repeat));
    pairs.forEach((p, i) =>
      console.log(
        `| ${size} | ${i + 1} | ${s(p.site.wallMs)} | ${s(p.yardstick.wallMs)} | ${p.ratio.toFixed(2)} | ${s(p.site.cpuMs)} | ${s(p.yardstick.cpuMs)} | ${mb(p.site.peakBytes)} | ${mb(p.yardstick.peakBytes)} | ${p.site.loadAtStart.toFixed(1)} / ${p.yardstick.loadAtStart.toFixed(1)} |`,
      ),
    );
    console.log(`| ${size} | median | | | ${median(pairs.map((p) => p.ratio)).toFixed(2)} | | | | | |`);
  } finally {
    if (values.keep) console.error(`template-bench: kept ${site.dir} and ${yardstick.dir}`);
    else {
      site.cleanup();
      yardstick.cleanup();
    }
  }
}
