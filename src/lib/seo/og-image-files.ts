/**
 * The seo module that touches files: Open Graph images ("cards" shown when an article is shared), drawn
 * at build time and kept in a cache on disk, with the fonts read from node_modules. Each text block is
 * laid out and rasterised by Pango (through sharp's text input: HarfBuzz shaping, line breaking), flattened
 * onto the paper colour and copied into the card, whose fixed parts (rules, site name, address) are drawn
 * once per process; libvips then encodes the PNG. All of that runs in libvips' threads, a few
 * milliseconds per card, with the main thread free for the pages (satori's layout and glyph outlines,
 * rasterised by librsvg, took three times the CPU and held the main thread). Finished PNGs are cached
 * on disk under a hash of everything that decides their pixels (the card, the layout, the font files,
 * the renderer's versions, the PNG options); a rebuild only draws the cards whose content changed.
 *
 * The fonts are Source Serif 4 from an npm package as TrueType files (@expo-google-fonts/source-serif-4,
 * the Google Fonts build the site's own web fonts come from): FreeType, in sharp's build, reads no WOFF.
 * The build must not download anything.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { threadId, Worker } from "node:worker_threads";
import sharp from "sharp";
import { OG_IMAGE } from "./metadata.ts";
import type { OgCard } from "./og-card.ts";
import type { DrawReply, DrawRequest } from "./og-worker.ts";
import { FILE_COLOURS } from "../chart/svg.ts";
import { inParallel } from "../site/in-parallel.ts";
import { timed } from "../site/perf-timer.ts";

/** The card has one theme: the light one, as image files spell it. */
const COLOURS = FILE_COLOURS;

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve("@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf"),
};
type Weight = keyof typeof FONTS;

/** Headline size that keeps long headlines (up to the schema's 120 characters) on the card. */
function titleSize(title: string): number {
  if (title.length <= 50) return 72;
  if (title.length <= 80) return 60;
  if (title.length <= 120) return 52;
  return 44;
}

/** One line or paragraph of the card: its text, size in pixels, weight, colour and line height. */
export interface TextBlock {
  text: string;
  size: number;
  weight: Weight;
  colour: string;
  /** Line height as a multiple of the size (the font's own when absent). */
  lineHeight?: number;
}

/** Where everything goes on the 1200 x 630 card; every figure is in pixels. */
export const CARD_LAYOUT = {
  paddingX: 72,
  /** Top edge of the site name. */
  siteTop: 66,
  paddingBottom: 56,
  /** The rule under the site name: top edge and thickness. */
  topRule: { y: 116, height: 4 },
  /** The rule over the move and the address. */
  bottomRule: { y: 514, height: 2 },
  /** Space between the kicker and the headline. */
  kickerGap: 20,
} as const;

/**
 * What the card shows, block by block: the site name (top left), the kicker and headline (centred
 * between the rules), the move (bottom left, coloured by direction) and the footer (bottom right).
 */
export function cardBlocks(card: OgCard): {
  site: TextBlock;
  kicker?: TextBlock;
  title: TextBlock;
  move?: TextBlock;
  footer: TextBlock;
} {
  const moveColour = card.move
    ? { up: COLOURS.up, down: COLOURS.down, flat: COLOURS.muted }[card.move.direction]
    : COLOURS.muted;
  return {
    site: { text: card.site, size: 34, weight: "bold", colour: COLOURS.ink },
    kicker: card.kicker
      ? { text: card.kicker, size: 30, weight: "regular", colour: COLOURS.muted }
      : undefined,
    title: {
      text: card.title,
      size: titleSize(card.title),
      weight: "bold",
      colour: COLOURS.ink,
      lineHeight: 1.12,
    },
    move: card.move ? { text: card.move.text, size: 30, weight: "bold", colour: moveColour } : undefined,
    footer: { text: card.footer, size: 30, weight: "regular", colour: COLOURS.muted },
  };
}

const escapeMarkup = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** The block as Pango markup: at 72 dpi a point is a pixel; line heights are in 1024ths of a point. */
export function pangoMarkup(block: TextBlock): string {
  const lineHeight = block.lineHeight
    ? ` line_height="${Math.round(block.lineHeight * block.size * 1024)}"`
    : "";
  const weight = block.weight === "bold" ? "bold" : "normal";
  return `<span font_family="Source Serif 4" font_weight="${weight}" size="${block.size}pt"${lineHeight} foreground="${block.colour}">${escapeMarkup(block.text)}</span>`;
}

/** A block rasterised onto the paper colour: RGB pixels, row by row. */
interface Pixels {
  data: Buffer;
  width: number;
  height: number;
}

const { width: W, height: H } = OG_IMAGE;
const INNER_WIDTH = W - 2 * CARD_LAYOUT.paddingX;
const PAPER = [1, 3, 5].map((i) => parseInt(COLOURS.paper.slice(i, i + 2), 16)) as [number, number, number];

async function rasterise(block: TextBlock): Promise<Pixels> {
  const { data, info } = await sharp({
    text: {
      text: pangoMarkup(block),
      fontfile: FONTS[block.weight],
      width: INNER_WIDTH,
      rgba: true,
      wrap: "word",
      dpi: 72,
    },
  })
    .flatten({ background: COLOURS.paper })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Copies `block` into the RGB card at (left, top), clipped to the card. */
function blit(card: Buffer, block: Pixels, left: number, top: number): void {
  const width = Math.min(block.width, W - left);
  for (let row = 0; row < block.height && top + row < H; row++) {
    if (top + row < 0) continue;
    block.data.copy(
      card,
      ((top + row) * W + left) * 3,
      row * block.width * 3,
      (row * block.width + width) * 3,
    );
  }
}

function fillRows(card: Buffer, y: number, height: number, colour: string): void {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];
  const { paddingX } = CARD_LAYOUT;
  for (let row = y; row < y + height; row++) {
    for (let x = paddingX; x < W - paddingX; x++) card.set([r, g, b], (row * W + x) * 3);
  }
}

/** The parts every card shares (paper, rules, site name, address), drawn once per site name and address. */
const backgrounds = new Map<string, Promise<Buffer>>();

function background(site: TextBlock, footer: TextBlock): Promise<Buffer> {
  const key = JSON.stringify([site, footer]);
  let drawn = backgrounds.get(key);
  if (!drawn) {
    drawn = (async () => {
      const card = Buffer.alloc(W * H * 3);
      for (let i = 0; i < W * H; i++) card.set(PAPER, i * 3);
      const { paddingX, siteTop, paddingBottom, topRule, bottomRule } = CARD_LAYOUT;
      fillRows(card, topRule.y, topRule.height, COLOURS.ink);
      fillRows(card, bottomRule.y, bottomRule.height, COLOURS.rule);
      const [name, address] = await Promise.all([rasterise(site), rasterise(footer)]);
      blit(card, name, paddingX, siteTop);
      blit(card, address, W - paddingX - address.width, H - paddingBottom - address.height);
      return card;
    })();
    backgrounds.set(key, drawn);
  }
  return drawn;
}

// Level 3: about half the encoding time of the default 6, for files about a tenth larger (50 -> 55 KB).
const PNG_OPTIONS = { compressionLevel: 3 } as const;

/** Draws a card as PNG bytes, without the cache (a server drawing an archived article's card on request). */
export async function drawOgPng(card: OgCard): Promise<Buffer> {
  const blocks = cardBlocks(card);
  const [base, kicker, title, move] = await timed("og: text (Pango)", () =>
    Promise.all([
      background(blocks.site, blocks.footer),
      blocks.kicker && rasterise(blocks.kicker),
      rasterise(blocks.title),
      blocks.move && rasterise(blocks.move),
    ]),
  );
  const pixels = Buffer.from(base);
  const { paddingX, paddingBottom, topRule, bottomRule, kickerGap } = CARD_LAYOUT;
  // Kicker and headline as one column, centred between the two rules.
  const top = topRule.y + topRule.height;
  const column = (kicker ? kicker.height + kickerGap : 0) + title.height;
  let y = Math.round(top + (bottomRule.y - top - column) / 2);
  if (kicker) {
    blit(pixels, kicker, paddingX, y);
    y += kicker.height + kickerGap;
  }
  blit(pixels, title, paddingX, y);
  if (move) blit(pixels, move, paddingX, H - paddingBottom - move.height);
  return timed("og: PNG encoding", () =>
    sharp(pixels, { raw: { width: W, height: H, channels: 3 } })
      .png(PNG_OPTIONS)
      .toBuffer(),
  );
}

/** What, besides the card itself, decides its pixels: layout, fonts, renderer versions, PNG options. */
let rendererHash: string | undefined;

function renderer(): string {
  if (!rendererHash) {
    const hash = createHash("sha256");
    hash.update(
      JSON.stringify({ layout: CARD_LAYOUT, size: OG_IMAGE, png: PNG_OPTIONS, versions: sharp.versions }),
    );
    for (const file of Object.values(FONTS)) hash.update(readFileSync(file));
    rendererHash = hash.digest("hex");
  }
  return rendererHash;
}

/** Cache key: anything that changes the pixels changes the key. */
export function ogCacheKey(card: OgCard): string {
  return createHash("sha256")
    .update(JSON.stringify(cardBlocks(card)))
    .update(renderer())
    .digest("hex");
}

/**
 * Where cached cards live: OG_CACHE_DIR if set (a benchmark points it at an empty folder for a cold
 * build), else node_modules/.cache/market-desk/og under the working directory, which survives
 * rebuilds but not a fresh `npm ci`.
 */
export function ogCacheDir(env: Record<string, string | undefined> = process.env): string {
  return env.OG_CACHE_DIR ?? join(process.cwd(), "node_modules", ".cache", "market-desk", "og");
}

/** Cards being drawn now, by file: a page asking for one waits for that drawing instead of starting another. */
const drawing = new Map<string, Promise<Buffer>>();

/** Draws `card` and caches it as `file`; the worker thread does both, so the writes leave the render thread. */
type DrawToCache = (card: OgCard, file: string) => Promise<Buffer>;

/** Draws `card` here and writes it to `file` (write then rename, so a build beside this one never reads half a file). */
export async function drawToCache(card: OgCard, file: string): Promise<Buffer> {
  const png = await drawOgPng(card);
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${threadId}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return png;
}

/** The card from the cache, else drawn and cached by `draw`; one drawing per file at a time. */
/** Where the card is cached under `cacheDir`: named by its key. */
function cachedFile(card: OgCard, cacheDir: string): string {
  return join(cacheDir, `${ogCacheKey(card)}.png`);
}

function cachedPng(card: OgCard, cacheDir: string, draw: DrawToCache): Promise<Buffer> {
  const file = cachedFile(card, cacheDir);
  const pending = drawing.get(file);
  if (pending) return pending;
  if (existsSync(file)) return Promise.resolve(readFileSync(file));
  const drawn = draw(card, file).finally(() => drawing.delete(file));
  drawing.set(file, drawn);
  return drawn;
}

/** The card as PNG: from the cache when an identical card was drawn before, else drawn (and cached). */
export function ogPng(card: OgCard, cacheDir: string = ogCacheDir()): Promise<Buffer> {
  return cachedPng(card, cacheDir, drawToCache);
}

/**
 * The worker thread of ./og-worker.ts, as a drawing function; `close` ends it. Its file is found from
 * the project root (the build's working directory): the build bundles this module elsewhere.
 */
function workerDraw(root: string): { draw: DrawToCache; close: () => Promise<number> } {
  const worker = new Worker(join(root, "src/lib/seo/og-worker.ts"));
  const waiting = new Map<
    number,
    { card: OgCard; resolve: (png: Buffer) => void; reject: (error: Error) => void }
  >();
  let next = 0;
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on("message", (reply: DrawReply) => {
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ("png" in reply)
      pending?.resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
    else pending?.reject(new Error(`Open Graph card of "${pending.card.title}": ${reply.error}`));
  });
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`Open Graph card worker stopped (exit code ${code})`)));
  return {
    draw: (card, file) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { card, resolve, reject });
        worker.postMessage({ id, card, file } satisfies DrawRequest);
      }),
    close: () => worker.terminate(),
  };
}

/**
 * Draws every card not yet cached, a few at a time, in a worker thread, so libvips' threads always
 * have work and the page rendering keeps its own thread. A build starts it without waiting
 * (src/pages/og/articles/[slug].png.ts): the cards are drawn while the article pages render, and each
 * card's page waits for its own drawing (ogPng). Its promise settles when all are drawn; a card that
 * fails rejects it (no further card is started), and that card's page fails the build.
 */
export async function warmOgCache(
  cards: readonly OgCard[],
  cacheDir: string = ogCacheDir(),
  concurrency = 4,
  root: string = process.cwd(),
): Promise<void> {
  // A warm build has every card cached already: it neither reads them nor starts the worker (1 s at 4000).
  const missing = cards.filter((card) => !existsSync(cachedFile(card, cacheDir)));
  if (missing.length === 0) return;
  const pool = workerDraw(root);
  try {
    await inParallel(missing, concurrency, (card) => cachedPng(card, cacheDir, pool.draw));
  } finally {
    await pool.close();
  }
}
