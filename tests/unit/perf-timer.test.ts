import { afterEach, describe, expect, it, vi } from "vitest";
import { timed, timerReport } from "../../src/lib/site/perf-timer.ts";

afterEach(() => vi.unstubAllEnvs());

describe("build timers", () => {
  it("only call the function when PERF_TIMERS is not 1", () => {
    vi.stubEnv("PERF_TIMERS", "");
    expect(timed("off: sync", () => 42)).toBe(42);
    expect(timerReport()).not.toContain("off: sync");
  });

  it("add up the time and the calls of each label, promises until they settle", async () => {
    vi.stubEnv("PERF_TIMERS", "1");
    expect(timed("on: sync", () => "a")).toBe("a");
    expect(timed("on: sync", () => "b")).toBe("b");
    const value = await timed("on: async", () => new Promise((done) => setTimeout(() => done(7), 30)));
    expect(value).toBe(7);
    const report = timerReport();
    expect(report).toMatch(/^\[perf-timers\]\n/);
    expect(report).toMatch(/ {6}2 calls {2}on: sync\n/);
    // At least the 30 ms of waiting, printed in seconds with two decimals.
    const seconds = / (\d+\.\d\d) s {6}1 calls {2}on: async\n/.exec(report)?.[1];
    expect(Number(seconds)).toBeGreaterThanOrEqual(0.03);
  });
});
