/**
 * Build-time instrumentation, off unless PERF_TIMERS=1: `timed(label, fn)` then adds fn's wall time
 * (until its promise settles) to `label`, and the totals are printed to stderr when the process
 * exits (scripts/perf/ reads them). Without it, `timed` only calls fn.
 */
const totals = new Map<string, { ms: number; calls: number }>();
let reporting = false;

/** Whether timing is on: read on each call, so a test (or a script) can switch it. */
function on(): boolean {
  return typeof process !== "undefined" && process.env.PERF_TIMERS === "1";
}

function add(label: string, start: number): void {
  const t = totals.get(label) ?? { ms: 0, calls: 0 };
  t.ms += performance.now() - start;
  t.calls++;
  totals.set(label, t);
  if (!reporting) {
    reporting = true;
    process.on("exit", () => process.stderr.write(timerReport()));
  }
}

/** The totals so far, slowest first, as the lines printed at exit. */
export function timerReport(): string {
  const lines = [...totals].sort((a, b) => b[1].ms - a[1].ms);
  return `[perf-timers]\n${lines
    .map(
      ([label, t]) =>
        `  ${(t.ms / 1000).toFixed(2).padStart(8)} s ${String(t.calls).padStart(6)} calls  ${label}`,
    )
    .join("\n")}\n`;
}

/** Calls fn, adding its wall time to `label` when PERF_TIMERS=1. */
export function timed<T>(label: string, fn: () => T): T {
  if (!on()) return fn();
  const start = performance.now();
  const result = fn();
  if (result instanceof Promise) return result.finally(() => add(label, start)) as T;
  add(label, start);
  return result;
}
