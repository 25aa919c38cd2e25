/**
 * Runs `task` on each of `items`, at most `limit` at a time, and settles when every started task has:
 * then it rejects with the first failure, if any. No task is left running when it settles, so a
 * caller can clean up (close a worker, exit) right after; after a failure no further item is started.
 */
export async function inParallel<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const run = async (): Promise<void> => {
    while (!failed && next < items.length) {
      try {
        await task(items[next++]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, run));
  const failure = results.find((result) => result.status === "rejected");
  if (failure) throw failure.reason;
}
