// Preload for profiling a long-running process (astro dev) that dies on a signal, where
// `node --cpu-prof` writes nothing: `node --import ./scripts/perf/profile-preload.mjs ...`.
// Starts V8's sampling profiler at once; on SIGINT/SIGTERM or exit writes
// $PROFILE_DIR/<pid>.cpuprofile (default /tmp), then exits. PROFILE_INTERVAL_US sets the interval.
import { Session } from "node:inspector";
import { writeFileSync, mkdirSync } from "node:fs";

const dir = process.env.PROFILE_DIR ?? "/tmp";
const session = new Session();
session.connect();
session.post("Profiler.enable");
session.post("Profiler.setSamplingInterval", { interval: Number(process.env.PROFILE_INTERVAL_US ?? 1000) });
session.post("Profiler.start");
let written = false;
function stop(code) {
  if (written) return;
  written = true;
  session.post("Profiler.stop", (error, result) => {
    if (!error) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${dir}/${process.pid}.cpuprofile`, JSON.stringify(result.profile));
    }
    process.exit(code);
  });
}
for (const signal of ["SIGINT", "SIGTERM"]) process.prependListener(signal, () => stop(0));
