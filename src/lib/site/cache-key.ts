/**
 * Keys for Astro's incremental builds (`experimental.incrementalBuild`): a page whose key and code are
 * unchanged since the last build is copied from that build instead of rendered. A key must change
 * whenever anything the page shows changes, so it hashes the data itself, never a file date.
 */
import { createHash } from "node:crypto";

/** A short, stable hash of JSON-serialisable values (order matters). */
export function contentKey(...values: unknown[]): string {
  const hash = createHash("sha256");
  for (const value of values) hash.update(JSON.stringify(value) ?? "undefined").update("\0");
  return hash.digest("base64url").slice(0, 32);
}
