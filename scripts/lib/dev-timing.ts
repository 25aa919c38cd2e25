/**
 * How fast `astro dev` answers in a site copy, as an editor's reloads would: the time from starting
 * the server to its first page, then each route a few times, then an edit to one article's headline
 * and one to its body, and the time until its page shows each. Used by `npm run bench -- --dev` and
 * scripts/perf/dev-timing.ts.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./site-copy.ts";
import { CONTENT } from "../../src/lib/content/paths.ts";
import { articlePath, tagPath, tickerPath } from "../../src/lib/site/paths.ts";

export interface DevTiming {
  /** Seconds from spawning `astro dev` to its "Local http://..." line. */
  readyS: number;
  /** Seconds from spawning `astro dev` to the end of the first article page. */
  firstPageS: number;
  /** Each route's request times after the first page, in seconds, by route name. */
  routes: Record<string, number[]>;
  /** Seconds from writing an edit to the article's body to the first response that shows it. */
  editVisibleS: number;
  /** The same for an edit to its headline (frontmatter, which goes through Astro's content store). */
  headlineVisibleS: number;
  /** The paths timed, by route name. */
  paths: Record<string, string>;
}

export interface DevTimingOptions {
  /** The site copy to serve (its articles are read to choose the routes; one is edited and restored). */
  dir: string;
  port: number;
  /** Requests per route after the first page. */
  repeat?: number;
  /** Route names to time, of article, home, tag, ticker, feed. */
  routes?: readonly string[];
  /** Extra arguments for Node (e.g. --import a profiling preload). */
  nodeArgs?: readonly string[];
  /** Seconds a request may take before the run fails. */
  timeoutS?: number;
  /** Receives the server's output. */
  onOutput?: (text: string) => void;
  /**
   * The article file to edit and the paths to time (`article` is that file's page); by default the
   * site's: its middle article, the home page, and that article's first tag and ticker.
   */
  target?: DevTarget;
}

/** What a dev timing requests and edits. */
export interface DevTarget {
  file: string;
  paths: Record<string, string>;
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/** The middle article by file name, and the first tag and ticker it names: pages that have content. */
function chooseRoutes(dir: string): DevTarget {
  const folder = join(dir, CONTENT.articles);
  const files = readdirSync(folder)
    .filter((f) => f.endsWith(".mdx"))
    .sort();
  const file = join(folder, files[Math.floor(files.length / 2)]!);
  const text = readFileSync(file, "utf8");
  const list = (field: string) =>
    /^\s*\[([^\]]*)\]/.exec(new RegExp(`^${field}:(.*)$`, "m").exec(text)?.[1] ?? "");
  const first = (field: string) => list(field)?.[1]?.split(",")[0]?.trim().replace(/^"|"$/g, "");
  const slug = files[Math.floor(files.length / 2)]!.replace(/\.mdx$/, "");
  const tag = first("tags");
  const ticker = first("tickers");
  if (!tag || !ticker) throw new Error(`dev timing: ${file} names no tag or no ticker to time`);
  return {
    file,
    paths: {
      article: articlePath(slug),
      home: "/",
      tag: tagPath(tag),
      ticker: tickerPath(ticker),
      feed: "/rss.xml",
    },
  };
}

/** Starts the dev server, times it as described above, stops it and restores the edited file. */
export async function timeDevServer(options: DevTimingOptions): Promise<DevTiming> {
  const { dir, port } = options;
  const repeat = options.repeat ?? 3;
  const names = options.routes ?? ["article", "home", "tag", "ticker"];
  const timeoutMs = (options.timeoutS ?? 300) * 1000;
  const base = `http://127.0.0.1:${port}`;
  const { file, paths } = options.target ?? chooseRoutes(dir);
  const original = readFileSync(file, "utf8");

  const started = process.hrtime.bigint();
  const server = spawn(
    join(ROOT, "node_modules/.bin/node"),
    [
      ...(options.nodeArgs ?? []),
      join(ROOT, "node_modules/astro/bin/astro.mjs"),
      "dev",
      "--port",
      String(port),
      "--host",
      "127.0.0.1",
    ],
    {
      cwd: dir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let output = "";
  const collect = (data: Buffer) => {
    output += data.toString();
    options.onOutput?.(data.toString());
  };
  server.stdout.on("data", collect);
  server.stderr.on("data", collect);

  const get = async (path: string): Promise<{ s: number; body: string }> => {
    const start = process.hrtime.bigint();
    const response = await fetch(base + path, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    const s = seconds(start);
    if (response.status !== 200)
      throw new Error(`dev timing: ${path}: HTTP ${response.status}\n${body.slice(0, 2000)}`);
    return { s, body };
  };

  try {
    while (!/Local\s+http/.test(output)) {
      if (server.exitCode !== null) throw new Error(`dev timing: astro dev exited:\n${output.slice(-4000)}`);
      if (seconds(started) * 1000 > timeoutMs)
        throw new Error("dev timing: astro dev never said it was ready");
      await new Promise((done) => setTimeout(done, 50));
    }
    const readyS = seconds(started);
    await get(paths.article!);
    const firstPageS = seconds(started);
    const routes: Record<string, number[]> = {};
    for (const name of names) {
      const path = paths[name];
      if (!path) throw new Error(`dev timing: no route named ${name}; use ${Object.keys(paths).join(", ")}`);
      routes[name] = [];
      for (let i = 0; i < repeat; i++) routes[name].push((await get(path)).s);
    }
    // Two edits, each written and then reloaded until the page shows it: a new headline, then a sentence
    // added to the body. The headline goes first: it shows once Astro has saved and reloaded the content
    // store, and a second save while that is pending can be lost (seen with saves 50 ms apart).
    const editVisible = async (text: string, marker: string): Promise<number> => {
      writeFileSync(file, text);
      const start = process.hrtime.bigint();
      for (;;) {
        if ((await get(paths.article!)).body.includes(marker)) return seconds(start);
        if (seconds(start) * 1000 > timeoutMs) throw new Error(`dev timing: the edit ${marker} never showed`);
        await new Promise((done) => setTimeout(done, 20));
      }
    };
    const titleLine = /^title:.*$/m;
    if (!titleLine.test(original)) throw new Error(`dev timing: ${file} has no title: line`);
    const headline = `Headline${Date.now()}`;
    const retitled = original.replace(titleLine, `title: "${headline}"`);
    const headlineVisibleS = await editVisible(retitled, headline);
    const marker = `Edited${Date.now()}`;
    const editVisibleS = await editVisible(
      `${retitled}\n${marker}: this sentence was added while the preview ran.\n`,
      marker,
    );
    return { readyS, firstPageS, routes, editVisibleS, headlineVisibleS, paths };
  } finally {
    writeFileSync(file, original);
    // The server and the workers it starts share its process group.
    if (server.pid !== undefined && server.exitCode === null) {
      const exited = new Promise((done) => server.once("exit", done));
      signalGroup(server.pid, "SIGINT");
      await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
      signalGroup(server.pid, "SIGKILL");
    }
  }
}

/** Signals a process group, if any of it is left. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** The median of some numbers (the lower middle one of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}
