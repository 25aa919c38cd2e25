/**
 * A worker thread that draws Open Graph cards and writes them to the cache (drawToCache) for a
 * build's warm-up (warmOgCache in ./og-image-files.ts): the JavaScript around each card (sharp's
 * calls, copying the pixels, the file writes) then runs beside the page rendering instead of on its
 * thread. Node runs this file as it is (type stripping), so it and what it imports use relative paths
 * with their extensions, as scripts/ do.
 */
import { parentPort } from "node:worker_threads";
import { drawToCache } from "./og-image-files.ts";
import type { OgCard } from "./og-card.ts";

export interface DrawRequest {
  id: number;
  card: OgCard;
  /** The cache file to write the PNG to. */
  file: string;
}

export type DrawReply = { id: number; png: Uint8Array } | { id: number; error: string };

parentPort?.on("message", ({ id, card, file }: DrawRequest) => {
  drawToCache(card, file).then(
    (png) => parentPort?.postMessage({ id, png } satisfies DrawReply),
    (error: unknown) =>
      parentPort?.postMessage({
        id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies DrawReply),
  );
});
