/**
 * The hybrid mode's server under a bounded local load: starts `node dist/server/entry.mjs` of a hybrid
 * build (ARCHIVE_AFTER_DAYS) on 127.0.0.1 and runs autocannon against one archived article and one
 * prerendered page in turn, printing requests per second, latency and errors.
 * `node scripts/perf/hybrid-load.ts --dir <built copy> --archived /articles/x/ [--static /articles/y/]
 *   [--port 4344] [--connections 8] [--seconds 10]`
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { ROOT } from "../lib/site-copy.ts";

const { values } = parseArgs({
  options: {
    dir: { type: "string" },
    archived: { type: "string" },
    static: { type: "string", default: "/" },
    port: { type: "string", default: "4344" },
    connections: { type: "string", default: "8" },
    seconds: { type: "string", default: "10" },
  },
});
if (!values.dir || !values.archived)
  throw new Error("--dir (a hybrid build) and --archived (a path) are needed");
const origin = `http://127.0.0.1:${values.port}`;
const server = spawn(join(ROOT, "node_modules/.bin/node"), [join(values.dir, "dist/server/entry.mjs")], {
  cwd: values.dir,
  env: { ...process.env, HOST: "127.0.0.1", PORT: values.port },
  stdio: "ignore",
});
try {
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${origin}/`)).ok) break;
    } catch {
      if (tries > 300) throw new Error("the server did not start");
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  const first = performance.now();
  await fetch(origin + values.archived);
  console.log(`first request of ${values.archived}: ${(performance.now() - first).toFixed(0)} ms`);
  for (const path of [values.archived, values.static]) {
    const r = await autocannon({
      url: origin + path,
      connections: Number(values.connections),
      duration: Number(values.seconds),
    });
    console.log(
      `${path}: ${r.requests.average.toFixed(0)} requests/s, latency median ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ` +
        `${r.requests.total} requests, errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}`,
    );
  }
} finally {
  server.kill("SIGTERM");
}
