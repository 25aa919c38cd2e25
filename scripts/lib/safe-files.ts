/**
 * Writing content files so that a failed or interrupted run leaves every file as it was: a file is
 * written whole beside its destination and renamed over it (a rename within one folder is atomic), and
 * a lock file keeps two runs of a command from writing at once.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** How a write reaches the disk; tests replace it to interrupt one. */
export type WriteChunk = (fd: number, text: string) => void;

const writeAll: WriteChunk = (fd, text) => {
  writeSync(fd, text);
};

/**
 * Replaces `path` with `text`: written to a temporary file in the same folder, flushed, then renamed
 * over `path`. If anything fails before the rename, the temporary file is removed and `path` is as it was.
 */
export function writeFileAtomic(path: string, text: string, write: WriteChunk = writeAll): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, "w");
    write(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Thrown when another run holds the lock. */
export class LockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LockedError";
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock file `path` for this process, or throws a LockedError naming the run that holds it. A
 * lock left by a process that is no longer running (a run that was killed) is taken over, and `onStale`
 * is told. Returns the function that releases it.
 */
export function acquireLock(path: string, onStale: (message: string) => void = () => {}): () => void {
  const take = () => {
    const fd = openSync(path, "wx");
    writeSync(fd, JSON.stringify({ pid: process.pid, started: new Date().toISOString() }));
    closeSync(fd);
  };
  try {
    take();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    let holder: { pid?: unknown; started?: unknown } = {};
    try {
      holder = JSON.parse(readFileSync(path, "utf8"));
    } catch {
      // Unreadable: a run that died while writing it, or a stray file; treated as held.
    }
    const pid = typeof holder.pid === "number" ? holder.pid : undefined;
    if (pid !== undefined && !isRunning(pid)) {
      onStale(`${path}: taking over the lock of process ${pid}, which is no longer running`);
      rmSync(path, { force: true });
      take();
    } else {
      throw new LockedError(
        `${path}: another run holds the lock (process ${pid ?? "unknown"}, started ${typeof holder.started === "string" ? holder.started : "at an unknown time"}); wait for it to finish, or delete the file if no run is going on`,
      );
    }
  }
  return () => rmSync(path, { force: true });
}
