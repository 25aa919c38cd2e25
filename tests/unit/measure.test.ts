import { describe, expect, it } from "vitest";
import { parseCpuMs, parsePeakRss } from "../../scripts/lib/measure.ts";

// The lines of GNU time's verbose report the benchmark reads (other lines elided).
const report = [
  '\tCommand being timed: "npm run build"',
  "\tUser time (seconds): 41.27",
  "\tSystem time (seconds): 6.05",
  "\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:36.12",
  "\tMaximum resident set size (kbytes): 1310720",
  "\tExit status: 0",
].join("\n");

describe("reading GNU time -v", () => {
  it("reads the peak resident set size in bytes", () => {
    expect(parsePeakRss(report)).toBe(1310720 * 1024);
  });

  it("adds user and system time, in milliseconds", () => {
    expect(parseCpuMs(report)).toBe(47320);
  });

  it("reads nothing from output without the report", () => {
    expect(parsePeakRss("built 12 pages")).toBeUndefined();
    expect(parseCpuMs("built 12 pages")).toBeUndefined();
  });
});
