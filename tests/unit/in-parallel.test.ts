import { describe, expect, it } from "vitest";
import { inParallel } from "../../src/lib/site/in-parallel.ts";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("inParallel", () => {
  it("runs every item, never more than the limit at once", async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await inParallel([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await tick();
      done.push(n);
      running--;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it("rejects with the first failure only once every started task has settled, and starts no more", async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = inParallel([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      await tick();
      if (n === 1) throw new Error("item 1 failed");
      await tick();
      finished.push(n);
    });
    await expect(run).rejects.toThrow("item 1 failed");
    // Item 2 was running when item 1 failed: it finished before the rejection; nothing else started.
    expect(finished).toEqual([2]);
    expect(started).toEqual([1, 2]);
  });

  it("does nothing for no items", async () => {
    await expect(inParallel([], 2, () => Promise.reject(new Error("called")))).resolves.toBeUndefined();
  });
});
