/**
 * Times the dev server of a site copy (scripts/perf/make-copy.ts) the way `npm run bench -- --dev`
 * does (scripts/lib/dev-timing.ts), and prints the figures as JSON:
 * `node scripts/perf/dev-timing.ts --dir /tmp/md-1000 [--repeat 3] [--port 4340] [--routes article,home,tag,ticker,feed]
 *   [--node-args "--import=/abs/scripts/perf/profile-preload.mjs"] [--log /tmp/dev.log]`
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { timeDevServer } from "../lib/dev-timing.ts";

const { values } = parseArgs({
  options: {
    dir: { type: "string" },
    repeat: { type: "string", default: "3" },
    port: { type: "string", default: "4340" },
    "node-args": { type: "string", default: "" },
    routes: { type: "string", default: "article,home,tag,ticker" },
    timeout: { type: "string", default: "300" },
    log: { type: "string" },
  },
});
if (!values.dir) throw new Error("--dir: the site copy to serve");
let log = "";
try {
  const timing = await timeDevServer({
    dir: values.dir,
    port: Number(values.port),
    repeat: Number(values.repeat),
    routes: values.routes.split(","),
    nodeArgs: values["node-args"].split(" ").filter(Boolean),
    timeoutS: Number(values.timeout),
    onOutput: (text) => (log += text),
  });
  console.log(JSON.stringify(timing, null, 1));
} finally {
  if (values.log) writeFileSync(values.log, log);
}
