/**
 * Measuring a build for the benchmark: wall time, peak memory of the largest process, and what the
 * build wrote. Peak memory comes from GNU time (`/usr/bin/time -v`), which reports the maximum
 * resident set size over the command and every process it waited for.
 */
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { filesUnder } from "./files.ts";

const GNU_TIME = "/usr/bin/time";

export interface BuildMeasure {
  /** Exit status of the build. */
  status: number | null;
  /** Wall-clock time, in milliseconds. */
  wallMs: number;
  /** Peak resident memory of the largest process, in bytes; undefined without GNU time. */
  peakBytes: number | undefined;
  /** User plus system CPU time of the build's processes, in milliseconds; undefined without GNU time. */
  cpuMs: number | undefined;
  /** One-minute load average of the machine when the build started: other work skews the times. */
  loadAtStart: number;
  /** Everything the build printed. */
  output: string;
}

/** The "Maximum resident set size (kbytes)" line of `time -v`, in bytes. */
export function parsePeakRss(timeOutput: string): number | undefined {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeOutput);
  return match ? Number(match[1]) * 1024 : undefined;
}

/** User plus system time of `time -v`, in milliseconds. */
export function parseCpuMs(timeOutput: string): number | undefined {
  const user = /User time \(seconds\): ([\d.]+)/.exec(timeOutput);
  const system = /System time \(seconds\): ([\d.]+)/.exec(timeOutput);
  return user && system ? Math.round((Number(user[1]) + Number(system[1])) * 1000) : undefined;
}

/** Runs `command args` in `cwd` and measures it. */
export async function measureCommand(
  cwd: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<BuildMeasure> {
  const timed = existsSync(GNU_TIME);
  const [file, argv] = timed ? [GNU_TIME, ["-v", command, ...args]] : [command, args];
  const loadAtStart = loadavg()[0] ?? 0;
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd, env: { ...process.env, ...env } });
    const chunks: string[] = [];
    child.stdout.on("data", (data: Buffer) => chunks.push(data.toString()));
    child.stderr.on("data", (data: Buffer) => chunks.push(data.toString()));
    child.on("error", reject);
    child.on("close", (status) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const output = chunks.join("");
      resolve({
        status,
        wallMs,
        peakBytes: timed ? parsePeakRss(output) : undefined,
        cpuMs: timed ? parseCpuMs(output) : undefined,
        loadAtStart,
        output,
      });
    });
  });
}

/** How many HTML files, and how many bytes in all, a build wrote under `dir`. */
export function treeStats(dir: string): { htmlFiles: number; bytes: number } {
  const files = filesUnder(dir);
  return {
    htmlFiles: files.filter((file) => file.endsWith(".html")).length,
    bytes: files.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0),
  };
}
