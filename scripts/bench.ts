/**
 * Build benchmark:
 * `npm run bench -- [--sizes 250,1000,4000] [--repeat 1] [--seed 2025] [--write docs/performance.md] [--keep]`
 *
 * For each size N, copies the site to a temporary folder, replaces its articles with a synthetic corpus
 * of N articles (scripts/lib/bench-corpus.ts), and runs the site's own `npm run build` there: once
 * cold (no caches), then again after changing one article (warm). Prints a table of pages built, wall
 * time, ms per article, CPU time, peak memory and dist/ size, then checks the targets in docs/performance.md.
 * `--repeat k` builds k times cold and k times warm and keeps the fastest of each (other work on
 * the machine only ever slows a build down; the load average is printed with each row). `--write`
 * puts the table, the machine and the versions into the given Markdown file between the
 * `<!-- bench:start -->` and `<!-- bench:end -->` markers. `--keep` leaves the copies (and their
 * build logs, bench-*.log) on disk.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, release, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus, readCorpusInput } from "./lib/bench-corpus.ts";
import { measureCommand, treeStats, type BuildMeasure } from "./lib/measure.ts";
import { clearCaches, makeSiteCopy, ROOT } from "./lib/site-copy.ts";
import { PAGE_BUDGET_BYTES, pageBudgets } from "./lib/page-weight.ts";
import { CONTENT } from "../src/lib/content/index.ts";

interface Row {
  articles: number;
  /** Pages whose HTML + CSS exceed the 40 KB budget, and the heaviest page. */
  overBudget: number;
  heaviest: { path: string; bytes: number };
  pages: number;
  htmlFiles: number;
  cold: BuildMeasure;
  warm: BuildMeasure;
  distBytes: number;
}

/** The build targets on the reference machine (2 cores): docs/performance.md. */
const TARGETS = {
  coldMsPerArticleAt1000: 15,
  warmToCold: 0.5,
  peakBytesAt4000: 3 * 1024 ** 3,
  /** ms per article may not grow by more than this from one size to the next (noise allowance). */
  growthAllowance: 1.1,
};

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "250,1000,4000" },
    seed: { type: "string", default: "2025" },
    repeat: { type: "string", default: "1" },
    write: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const sizes = values.sizes.split(",").map((s) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--sizes: ${JSON.stringify(s)} is not a whole number above 0`);
  return n;
});
const seed = Number(values.seed);
if (!Number.isInteger(seed)) throw new Error(`--seed: ${values.seed} is not a whole number`);
const repeat = Number(values.repeat);
if (!Number.isInteger(repeat) || repeat < 1)
  throw new Error(`--repeat: ${values.repeat} is not a whole number above 0`);

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Astro's own count: "1234 page(s) built in 12.3s" (HTML pages and endpoints such as feeds). */
function pagesBuilt(output: string): number | undefined {
  const match = /(\d+) page\(s\) built in/.exec(output);
  return match ? Number(match[1]) : undefined;
}

function tail(text: string, lines = 40): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

/** The fastest of `repeat` builds, each prepared by `prepare` (cold: clear caches; warm: edit). */
async function fastest(dir: string, label: string, prepare: (round: number) => void): Promise<BuildMeasure> {
  let best: BuildMeasure | undefined;
  for (let round = 0; round < repeat; round++) {
    prepare(round);
    const result = await build(dir, label);
    if (!best || result.wallMs < best.wallMs) best = result;
  }
  return best!;
}

async function build(dir: string, label: string): Promise<BuildMeasure> {
  const result = await measureCommand(dir, "npm", ["run", "build"], { ASTRO_TELEMETRY_DISABLED: "1" });
  writeFileSync(join(dir, `bench-${label}.log`), result.output);
  if (result.status !== 0) {
    console.error(tail(result.output));
    throw new Error(`bench: the ${label} build failed in ${dir} (status ${String(result.status)})`);
  }
  return result;
}

async function benchSize(count: number): Promise<Row> {
  const copy = makeSiteCopy({}, { prefix: `market-desk-bench-${count}-` });
  try {
    const articlesDir = join(copy.dir, CONTENT.articles);
    for (const entry of readdirSync(articlesDir)) rmSync(join(articlesDir, entry), { recursive: true });
    const corpus = generateCorpus(readCorpusInput(copy.dir, count, seed));
    for (const article of corpus) writeFileSync(join(copy.dir, article.file), article.text);

    process.stderr.write(`bench: N=${count}: cold build in ${copy.dir} ...\n`);
    const cold = await fastest(copy.dir, "cold", () => clearCaches(copy.dir));
    const stats = treeStats(join(copy.dir, "dist"));
    const budget = budgetCheck(join(copy.dir, "dist"));

    // Warm: the same copy, caches kept, one article's text changed (differently each round).
    const changed = corpus[Math.floor(count / 2)]!;
    process.stderr.write(`bench: N=${count}: warm rebuild (one article changed) ...\n`);
    const warm = await fastest(copy.dir, "warm", (round) =>
      writeFileSync(
        join(copy.dir, changed.file),
        `${changed.text}\nUpdate ${round + 1}: this article was revised after publication to add a sentence.\n`,
      ),
    );

    return {
      articles: count,
      ...budget,
      pages: pagesBuilt(cold.output) ?? stats.htmlFiles,
      htmlFiles: stats.htmlFiles,
      cold,
      warm,
      distBytes: stats.bytes,
    };
  } finally {
    if (values.keep) process.stderr.write(`bench: kept ${copy.dir}\n`);
    else copy.cleanup();
  }
}

/** Pages whose HTML + CSS gzipped reach the page budget (PAGE_BUDGET_BYTES), and the heaviest page. */
function budgetCheck(dist: string): { overBudget: number; heaviest: { path: string; bytes: number } } {
  const pages = pageBudgets(dist);
  const heaviest = pages[0] ?? { file: "", bytes: 0 };
  return {
    overBudget: pages.filter((page) => page.bytes >= PAGE_BUDGET_BYTES).length,
    heaviest: { path: `/${heaviest.file.replace(/index\.html$/, "")}`, bytes: heaviest.bytes },
  };
}

function table(rows: Row[]): string {
  const lines = [
    "| articles | pages built | HTML files | cold build | ms / article | CPU time (cold) | peak memory | warm rebuild (1 changed) | warm / cold | dist/ size | pages over 40 KB (heaviest) | load at start |",
    "| -------: | ----------: | ---------: | ---------: | -----------: | --------------: | ----------: | -----------------------: | ----------: | ---------: | --------------------------- | ------------: |",
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.articles} | ${r.pages} | ${r.htmlFiles} | ${seconds(r.cold.wallMs)} | ${(r.cold.wallMs / r.articles).toFixed(1)} | ` +
        `${r.cold.cpuMs === undefined ? "n/a" : seconds(r.cold.cpuMs)} | ` +
        `${r.cold.peakBytes === undefined ? "n/a" : mb(r.cold.peakBytes)} | ${seconds(r.warm.wallMs)} | ` +
        `${(r.warm.wallMs / r.cold.wallMs).toFixed(2)} | ${mb(r.distBytes)} | ` +
        `${r.overBudget} (${r.heaviest.path} ${(r.heaviest.bytes / 1024).toFixed(0)} KB) | ` +
        `${r.cold.loadAtStart.toFixed(1)} / ${r.warm.loadAtStart.toFixed(1)} |`,
    );
  }
  return lines.join("\n");
}

function targets(rows: Row[]): string[] {
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  const out: string[] = [];
  const at = (n: number) => rows.find((r) => r.articles === n);
  const r1000 = at(1000);
  if (r1000) {
    const ms = r1000.cold.wallMs / 1000;
    out.push(
      `- cold build at 1000 articles: ${ms.toFixed(1)} ms/article (target at most ${TARGETS.coldMsPerArticleAt1000}): ${verdict(ms <= TARGETS.coldMsPerArticleAt1000)}`,
    );
  }
  for (const r of rows) {
    const ratio = r.warm.wallMs / r.cold.wallMs;
    out.push(
      `- warm rebuild at ${r.articles}: ${ratio.toFixed(2)} of cold (target at most ${TARGETS.warmToCold}): ${verdict(ratio <= TARGETS.warmToCold)}`,
    );
  }
  for (const r of rows) {
    out.push(
      `- page budget at ${r.articles}: ${r.overBudget} page(s) over 40 KB of HTML + CSS gzipped (heaviest ${r.heaviest.path}, ${(r.heaviest.bytes / 1024).toFixed(1)} KB): ${verdict(r.overBudget === 0)}`,
    );
  }
  const r4000 = at(4000);
  if (r4000?.cold.peakBytes !== undefined) {
    const peak = Math.max(r4000.cold.peakBytes, r4000.warm.peakBytes ?? 0);
    out.push(
      `- peak memory at 4000: ${(peak / 1024 ** 3).toFixed(2)} GiB (target at most 3 GiB): ${verdict(peak <= TARGETS.peakBytesAt4000)}`,
    );
  }
  const sorted = [...rows].sort((a, b) => a.articles - b.articles);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    const [perA, perB] = [a.cold.wallMs / a.articles, b.cold.wallMs / b.articles];
    out.push(
      `- growth ${a.articles} -> ${b.articles}: ${perA.toFixed(1)} -> ${perB.toFixed(1)} ms/article (linear or better: at most ${TARGETS.growthAllowance}x): ${verdict(perB <= perA * TARGETS.growthAllowance)}`,
    );
  }
  return out;
}

function versionOf(pkg: string): string {
  const file = join(ROOT, "node_modules", pkg, "package.json");
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version
    : "not installed";
}

/** The commit the site was built from, with "+ changes" when the working tree differs from it. */
function siteCommit(): string {
  const git = (...args: string[]) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  const head = git("rev-parse", "--short", "HEAD");
  if (head.status !== 0) return "unknown (not a git checkout)";
  const dirty = git("status", "--porcelain").stdout.trim() !== "";
  return `${head.stdout.trim()}${dirty ? " + uncommitted changes" : ""}`;
}

function machine(): string {
  const osRelease = existsSync("/etc/os-release")
    ? (/^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? "")
    : "";
  const cpu = cpus();
  return [
    `- date: ${new Date().toISOString().slice(0, 10)}; site at commit ${siteCommit()}`,
    `- machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${osRelease || "Linux"} (kernel ${release()})`,
    `- versions: Node ${process.version}, astro ${versionOf("astro")}, @astrojs/mdx ${versionOf("@astrojs/mdx")}, vite ${versionOf("vite")}, tailwindcss ${versionOf("tailwindcss")}, pagefind ${versionOf("pagefind")}, sharp ${versionOf("sharp")}, satori ${versionOf("satori")}`,
    `- corpus: seed ${seed}, about 800 words per article, a <PriceChart> in every fifth`,
    `- command: \`npm run bench -- --sizes ${sizes.join(",")} --repeat ${repeat}\` (fastest of ${repeat} per row)`,
  ].join("\n");
}

const rows: Row[] = [];
for (const size of sizes) rows.push(await benchSize(size));

const report = `${machine()}\n\n${table(rows)}\n\nTargets:\n\n${targets(rows).join("\n")}\n`;
console.log(report);

if (values.write) {
  const file = join(ROOT, values.write);
  const start = "<!-- bench:start -->";
  const end = "<!-- bench:end -->";
  const block = `${start}\n\n${report}\n${end}`;
  const previous = existsSync(file) ? readFileSync(file, "utf8") : "";
  const at = previous.indexOf(start);
  const stop = previous.indexOf(end);
  const next =
    at >= 0 && stop > at
      ? previous.slice(0, at) + block + previous.slice(stop + end.length)
      : `${previous}${previous ? "\n" : ""}${block}\n`;
  writeFileSync(file, next);
  // Pad the table the way `prettier --check` (part of npm test) expects.
  spawnSync(join(ROOT, "node_modules/.bin/prettier"), ["--write", file], { stdio: "ignore" });
  console.error(`bench: wrote the results into ${values.write}`);
}
