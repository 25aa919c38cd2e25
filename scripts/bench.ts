/**
 * Build benchmark:
 * `npm run bench -- [--sizes 1000,4000] [--repeat 1] [--seed 2025] [--template] [--dev] [--dev-port 4340]
 *   [--cold-only] [--write docs/performance.md] [--keep]`
 *
 * For each size N, copies the site to a temporary folder, replaces its articles with a synthetic corpus
 * of N articles (scripts/lib/bench-corpus.ts), and runs the site's own `npm run build` there: once
 * cold (no caches), then again after changing one article (warm). Prints a table of pages built, wall
 * time, CPU time, peak memory, feed sizes and dist/ size, then checks the targets in docs/performance.md.
 *
 * - `--template` also builds the Astro blog yardstick (tests/fixtures/astro-blog-yardstick,
 *   scripts/lib/template-bench.ts) cold with N posts of the same text, right after the site's cold
 *   build, and gives the ratio: the one comparison the machine's load cannot skew much.
 * - `--dev` first times `astro dev` in the copy (scripts/lib/dev-timing.ts): the first page after the
 *   server starts, each page type after it, and an edit until its page shows it. With `--template`,
 *   the yardstick's dev server is timed the same way (its post, home and /blog/ pages).
 * - `--archive-after-days N` builds in the hybrid mode (src/lib/site/archive.ts) with that window, as of
 *   `--build-date` (default: the day after the corpus's newest article): only the window's articles
 *   are prerendered; the table gives how many.
 * - `--cold-only` skips the warm rebuild (the largest sizes, where only the cold build's time and
 *   memory are wanted).
 * - `--repeat k` builds k times cold and k times warm and keeps the fastest of each (other work on
 *   the machine only ever slows a build down; the load average is printed with each row).
 * - `--write` puts the tables, the machine and the versions into the given Markdown file between the
 *   `<!-- bench:start -->` and `<!-- bench:end -->` markers. `--keep` leaves the copies (and their
 *   build logs, bench-*.log) on disk.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, release, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { addDays } from "../src/lib/site/dates.ts";
import { generateCorpus, readCorpusInput } from "./lib/bench-corpus.ts";
import { median, timeDevServer, type DevTiming } from "./lib/dev-timing.ts";
import { filesUnder, installedVersion } from "./lib/files.ts";
import { measureCommand, treeStats, type BuildMeasure } from "./lib/measure.ts";
import { clearCaches, ROOT } from "./lib/site-copy.ts";
import { PAGE_BUDGET_BYTES, pageBudgets } from "./lib/page-weight.ts";
import { makeBenchSiteCopy, makeYardstickCopy, yardstickDevTarget } from "./lib/template-bench.ts";

interface Row {
  articles: number;
  /** Pages whose HTML + CSS exceed the 40 KB budget, and the heaviest page. */
  overBudget: number;
  heaviest: { path: string; bytes: number };
  pages: number;
  htmlFiles: number;
  cold: BuildMeasure;
  /** Undefined with --cold-only. */
  warm?: BuildMeasure;
  distBytes: number;
  feeds: FeedSizes;
  /** --template: the yardstick's cold build with the same posts. */
  yardstick?: BuildMeasure;
  /** --dev: the dev server's timings. */
  dev?: DevTiming;
  /** --dev with --template: the yardstick's dev server with the same posts, timed the same way. */
  yardstickDev?: DevTiming;
  /** Article pages the build wrote: all of them, or in hybrid mode the window's. */
  prerendered: number;
}

/** The targets on the reference machine (2 cores): docs/performance.md. */
const TARGETS = {
  /** Cold build at 1000 articles, as a multiple of the yardstick's cold build in the same run. */
  coldToYardstickAt1000: 2,
  /** Warm rebuild (one article edited) at 4000 articles, as a share of the cold build. */
  warmToColdAt4000: 0.2,
  /** Peak memory of the largest process at 10,000 articles. */
  peakBytesAt10000: 3 * 1024 ** 3,
  /** Dev server at 1000 articles, after the first page: seconds per page type. */
  devArticleS: 0.2,
  devListS: 0.3,
  devFirstPageS: 5,
  devEditS: 1,
};

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,4000" },
    seed: { type: "string", default: "2025" },
    repeat: { type: "string", default: "1" },
    write: { type: "string" },
    keep: { type: "boolean", default: false },
    template: { type: "boolean", default: false },
    dev: { type: "boolean", default: false },
    "cold-only": { type: "boolean", default: false },
    "dev-port": { type: "string", default: "4340" },
    "archive-after-days": { type: "string" },
    "build-date": { type: "string" },
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
const devPort = Number(values["dev-port"]);
if (!Number.isInteger(devPort) || devPort < 1024)
  throw new Error(`--dev-port: ${values["dev-port"]} is not a port number from 1024 up`);

/**
 * Hybrid mode: the environment of a copy's site builds (the yardstick has no such mode). The build
 * date is --build-date, else the day after the copy's newest article, so every article is published
 * and the window ends where the corpus does.
 */
function hybridEnv(newestDate: string): Record<string, string> {
  if (!values["archive-after-days"]) return {};
  return {
    ARCHIVE_AFTER_DAYS: values["archive-after-days"],
    BUILD_DATE: values["build-date"] ?? addDays(newestDate, 1),
  };
}

const mb = (bytes: number | undefined) =>
  bytes === undefined ? "n/a" : `${(bytes / 1024 ** 2).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const seconds = (ms: number | undefined) => (ms === undefined ? "n/a" : `${(ms / 1000).toFixed(1)} s`);
const msOf = (s: number) => `${(s * 1000).toFixed(0)} ms`;

/** Astro's own count: "1234 page(s) built in 12.3s" (HTML pages and endpoints such as feeds). */
function pagesBuilt(output: string): number | undefined {
  const match = /(\d+) page\(s\) built in/.exec(output);
  return match ? Number(match[1]) : undefined;
}

function tail(text: string, lines = 40): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

/** The fastest of `repeat` builds, each prepared by `prepare` (cold: clear caches; warm: edit). */
async function fastest(
  run: () => Promise<BuildMeasure>,
  prepare: (round: number) => void,
): Promise<BuildMeasure> {
  let best: BuildMeasure | undefined;
  for (let round = 0; round < repeat; round++) {
    prepare(round);
    const result = await run();
    if (!best || result.wallMs < best.wallMs) best = result;
  }
  return best!;
}

async function build(
  dir: string,
  label: string,
  siteEnv: Record<string, string> = {},
  command = ["npm", "run", "build"],
): Promise<BuildMeasure> {
  const [file, ...args] = command as [string, ...string[]];
  const env = { ASTRO_TELEMETRY_DISABLED: "1", ...siteEnv };
  const result = await measureCommand(dir, file, args, env);
  writeFileSync(join(dir, `bench-${label}.log`), result.output);
  if (result.status !== 0) {
    console.error(tail(result.output));
    throw new Error(`bench: the ${label} build failed in ${dir} (status ${String(result.status)})`);
  }
  return result;
}

/** Feed files as the site names them: RSS, Atom and JSON Feed. */
const FEED_FILE = /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/;

interface FeedSizes {
  /** The site feed, /rss.xml. */
  site: number;
  /** The largest feed file of all, and its path. */
  largest: { path: string; bytes: number };
  files: number;
  total: number;
}

function feedSizes(dist: string): FeedSizes {
  const feeds = filesUnder(dist)
    .filter((file) => FEED_FILE.test(file))
    .map((path) => ({ path, bytes: statSync(join(dist, path)).size }));
  const largest = feeds.reduce((a, b) => (b.bytes > a.bytes ? b : a), { path: "", bytes: 0 });
  return {
    site: feeds.find((f) => f.path === "rss.xml")?.bytes ?? 0,
    largest,
    files: feeds.length,
    total: feeds.reduce((sum, f) => sum + f.bytes, 0),
  };
}

async function benchSize(count: number): Promise<Row> {
  const copy = makeBenchSiteCopy(count, seed);
  const env = hybridEnv(copy.newestDate);
  try {
    let dev: DevTiming | undefined;
    if (values.dev) {
      process.stderr.write(`bench: N=${count}: astro dev in ${copy.dir} on port ${devPort} ...\n`);
      dev = await timeDevServer({ dir: copy.dir, port: devPort, repeat: 5 });
    }
    const yardstickDev = values.dev && values.template ? await yardstickDevTiming(count) : undefined;
    process.stderr.write(`bench: N=${count}: cold build in ${copy.dir} ...\n`);
    const cold = await fastest(
      () => build(copy.dir, "cold", env),
      () => clearCaches(copy.dir),
    );
    const yardstick = values.template ? await yardstickBuild(count) : undefined;
    // A hybrid build writes its static files to dist/client/.
    const dist = existsSync(join(copy.dir, "dist/client"))
      ? join(copy.dir, "dist/client")
      : join(copy.dir, "dist");
    const stats = treeStats(dist);
    const budget = budgetCheck(dist);
    const feeds = feedSizes(dist);

    const row: Row = {
      articles: count,
      ...budget,
      pages: pagesBuilt(cold.output) ?? stats.htmlFiles,
      htmlFiles: stats.htmlFiles,
      cold,
      distBytes: stats.bytes,
      feeds,
      yardstick,
      dev,
      yardstickDev,
      prerendered: filesUnder(join(dist, "articles"), ".html").length,
    };
    if (values["cold-only"]) return row;

    // Warm: the same copy, caches kept, one article's text changed (differently each round).
    const changed = generateCorpus(readCorpusInput(copy.dir, count, seed))[Math.floor(count / 2)]!;
    process.stderr.write(`bench: N=${count}: warm rebuild (one article changed) ...\n`);
    const warm = await fastest(
      () => build(copy.dir, "warm", env),
      (round) =>
        writeFileSync(
          join(copy.dir, changed.file),
          `${changed.text}\nUpdate ${round + 1}: this article was revised after publication to add a sentence.\n`,
        ),
    );
    return { ...row, warm };
  } finally {
    if (values.keep) process.stderr.write(`bench: kept ${copy.dir}\n`);
    else copy.cleanup();
  }
}

/** The fastest of `repeat` cold builds of the yardstick with `count` posts (`astro build`). */
async function yardstickBuild(count: number): Promise<BuildMeasure> {
  const copy = makeYardstickCopy(count, seed);
  process.stderr.write(`bench: N=${count}: yardstick cold build in ${copy.dir} ...\n`);
  try {
    return await fastest(
      () => build(copy.dir, "yardstick", {}, [join(ROOT, "node_modules/.bin/astro"), "build"]),
      () => clearCaches(copy.dir),
    );
  } finally {
    if (values.keep) process.stderr.write(`bench: kept ${copy.dir}\n`);
    else copy.cleanup();
  }
}

/** The yardstick's dev server with `count` posts: first page, its post, home and list pages, an edit. */
async function yardstickDevTiming(count: number): Promise<DevTiming> {
  const copy = makeYardstickCopy(count, seed);
  process.stderr.write(`bench: N=${count}: yardstick astro dev in ${copy.dir} on port ${devPort} ...\n`);
  try {
    return await timeDevServer({
      dir: copy.dir,
      port: devPort,
      repeat: 5,
      routes: ["article", "home", "list"],
      target: yardstickDevTarget(copy.dir),
    });
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

function tables(rows: Row[]): string {
  const lines = [
    "| articles | prerendered | pages built | cold build | CPU (cold) | peak memory | warm rebuild (1 edited) | warm / cold | site feed | largest feed | all feeds | dist/ size | pages over 40 KB (heaviest) | load at start |",
    "| -------: | ----------: | ----------: | ---------: | ---------: | ----------: | ----------------------: | ----------: | --------: | -----------: | --------: | ---------: | --------------------------- | ------------: |",
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.articles} | ${r.prerendered} | ${r.pages} | ${seconds(r.cold.wallMs)} | ${seconds(r.cold.cpuMs)} | ` +
        `${mb(r.cold.peakBytes)} | ${seconds(r.warm?.wallMs)} | ${r.warm ? (r.warm.wallMs / r.cold.wallMs).toFixed(2) : "n/a"} | ` +
        `${kb(r.feeds.site)} | ${kb(r.feeds.largest.bytes)} | ${mb(r.feeds.total)} in ${r.feeds.files} | ${mb(r.distBytes)} | ` +
        `${r.overBudget} (${r.heaviest.path} ${(r.heaviest.bytes / 1024).toFixed(0)} KB) | ` +
        `${r.cold.loadAtStart.toFixed(1)} / ${r.warm?.loadAtStart.toFixed(1) ?? "n/a"} |`,
    );
  }
  if (rows.some((r) => r.yardstick)) {
    lines.push(
      "",
      "Against the Astro blog yardstick (same posts, cold, built right after the site's cold build):",
      "",
      "| articles | site cold | yardstick cold | site / yardstick | site CPU | yardstick CPU | CPU ratio | site pages | yardstick pages | yardstick peak memory |",
      "| -------: | --------: | -------------: | ---------------: | -------: | ------------: | --------: | ---------: | --------------: | --------------------: |",
    );
    for (const r of rows) {
      const y = r.yardstick;
      if (!y) continue;
      const cpuRatio = r.cold.cpuMs && y.cpuMs ? (r.cold.cpuMs / y.cpuMs).toFixed(2) : "n/a";
      lines.push(
        `| ${r.articles} | ${seconds(r.cold.wallMs)} | ${seconds(y.wallMs)} | ${(r.cold.wallMs / y.wallMs).toFixed(2)} | ` +
          `${seconds(r.cold.cpuMs)} | ${seconds(y.cpuMs)} | ${cpuRatio} | ${r.pages} | ${pagesBuilt(y.output) ?? "n/a"} | ${mb(y.peakBytes)} |`,
      );
    }
  }
  if (rows.some((r) => r.dev)) {
    lines.push(
      "",
      "`astro dev` (median of 5 requests after the first page):",
      "",
      "| articles | ready | first page (from start) | article | home | tag | ticker | body edit visible | headline edit visible |",
      "| -------: | ----: | ----------------------: | ------: | ---: | --: | -----: | ----------------: | --------------------: |",
    );
    for (const r of rows) {
      const d = r.dev;
      if (!d) continue;
      const m = (name: string) => msOf(median(d.routes[name] ?? []));
      lines.push(
        `| ${r.articles} | ${d.readyS.toFixed(1)} s | ${d.firstPageS.toFixed(1)} s | ${m("article")} | ${m("home")} | ` +
          `${m("tag")} | ${m("ticker")} | ${msOf(d.editVisibleS)} | ${msOf(d.headlineVisibleS)} |`,
      );
      const y = r.yardstickDev;
      if (!y) continue;
      const ym = (name: string) => msOf(median(y.routes[name] ?? []));
      // The template has one list page (/blog/, every post), shown under "tag".
      lines.push(
        `| ${r.articles}, yardstick | ${y.readyS.toFixed(1)} s | ${y.firstPageS.toFixed(1)} s | ${ym("article")} | ${ym("home")} | ` +
          `${ym("list")} (/blog/) | | ${msOf(y.editVisibleS)} | ${msOf(y.headlineVisibleS)} |`,
      );
    }
  }
  return lines.join("\n");
}

function targets(rows: Row[]): string[] {
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  const out: string[] = [];
  const at = (n: number) => rows.find((r) => r.articles === n);
  const r1000 = at(1000);
  if (r1000?.yardstick) {
    const ratio = r1000.cold.wallMs / r1000.yardstick.wallMs;
    out.push(
      `- cold build at 1000: ${ratio.toFixed(2)}x the yardstick (target at most ${TARGETS.coldToYardstickAt1000}x): ${verdict(ratio <= TARGETS.coldToYardstickAt1000)}`,
    );
  }
  const r4000 = at(4000);
  if (r4000?.warm) {
    const ratio = r4000.warm.wallMs / r4000.cold.wallMs;
    out.push(
      `- warm rebuild at 4000: ${ratio.toFixed(2)} of cold (target at most ${TARGETS.warmToColdAt4000}): ${verdict(ratio <= TARGETS.warmToColdAt4000)}`,
    );
  }
  const r10000 = at(10_000);
  if (r10000?.cold.peakBytes !== undefined) {
    const peak = Math.max(r10000.cold.peakBytes, r10000.warm?.peakBytes ?? 0);
    out.push(
      `- peak memory at 10000: ${(peak / 1024 ** 3).toFixed(2)} GiB (target at most 3 GiB): ${verdict(peak <= TARGETS.peakBytesAt10000)}`,
    );
  }
  const dev = r1000?.dev;
  if (dev) {
    const m = (name: string) => median(dev.routes[name] ?? []);
    const slowestList = Math.max(m("home"), m("tag"), m("ticker"));
    out.push(
      `- dev at 1000, article page: ${msOf(m("article"))} (target at most ${msOf(TARGETS.devArticleS)}): ${verdict(m("article") <= TARGETS.devArticleS)}`,
      `- dev at 1000, home, tag and ticker pages: at most ${msOf(slowestList)} (target at most ${msOf(TARGETS.devListS)}): ${verdict(slowestList <= TARGETS.devListS)}`,
      `- dev at 1000, first page after start: ${dev.firstPageS.toFixed(1)} s (target at most ${TARGETS.devFirstPageS} s): ${verdict(dev.firstPageS <= TARGETS.devFirstPageS)}`,
      `- dev at 1000, a body edit visible: ${msOf(dev.editVisibleS)} (target at most ${msOf(TARGETS.devEditS)}): ${verdict(dev.editVisibleS <= TARGETS.devEditS)}`,
      `- dev at 1000, a headline edit visible: ${msOf(dev.headlineVisibleS)} (target at most ${msOf(TARGETS.devEditS)}): ${verdict(dev.headlineVisibleS <= TARGETS.devEditS)}`,
    );
  }
  for (const r of rows) {
    out.push(
      `- page budget at ${r.articles}: ${r.overBudget} page(s) over 40 KB of HTML + CSS gzipped (heaviest ${r.heaviest.path}, ${(r.heaviest.bytes / 1024).toFixed(1)} KB): ${verdict(r.overBudget === 0)}`,
    );
  }
  return out;
}

function versionOf(pkg: string): string {
  return installedVersion(ROOT, pkg) ?? "not installed";
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
  const hybrid = values["archive-after-days"]
    ? ` --archive-after-days ${values["archive-after-days"]}${values["build-date"] ? ` --build-date ${values["build-date"]}` : ""}`
    : "";
  const flags = `${values.template ? " --template" : ""}${values.dev ? " --dev" : ""}${values["cold-only"] ? " --cold-only" : ""}${hybrid}`;
  return [
    `- date: ${new Date().toISOString().slice(0, 10)}; site at commit ${siteCommit()}`,
    `- machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${osRelease || "Linux"} (kernel ${release()})`,
    `- versions: Node ${process.version}, astro ${versionOf("astro")}, @astrojs/mdx ${versionOf("@astrojs/mdx")}, vite ${versionOf("vite")}, tailwindcss ${versionOf("tailwindcss")}, pagefind ${versionOf("pagefind")}, sharp ${versionOf("sharp")}`,
    `- corpus: seed ${seed}, about 800 words per article, a <PriceChart> in every fifth`,
    `- command: \`npm run bench -- --sizes ${sizes.join(",")} --repeat ${repeat}${flags}\` (fastest of ${repeat} per build)`,
  ].join("\n");
}

const rows: Row[] = [];
for (const size of sizes) rows.push(await benchSize(size));

const report = `${machine()}\n\n${tables(rows)}\n\nTargets:\n\n${targets(rows).join("\n")}\n`;
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
