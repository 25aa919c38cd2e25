/**
 * The seo module that touches files: Open Graph images ("cards" shown when an article is shared), drawn
 * at build time and kept in a cache on disk, with the font read from node_modules. satori lays out
 * the card and turns its text into SVG paths, sharp rasterises that to PNG. Rendering costs a few
 * tens of milliseconds per card, so finished PNGs are cached on disk under a hash of everything that
 * decides their pixels (the card's element tree, the font files, the PNG options); a rebuild only
 * draws the cards whose content changed.
 *
 * The font comes from an npm package (@fontsource/source-serif-4), read from node_modules: satori
 * needs the font's bytes, and the build must not download anything.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import satori from "satori";
import sharp from "sharp";
import { OG_IMAGE } from "./metadata.ts";
import type { OgCard } from "./og-card.ts";
import { FILE_COLOURS } from "../chart/svg.ts";
import { timed } from "../site/perf-timer.ts";

/** A satori element: what JSX would produce, written as plain objects. */
interface OgNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: string | OgNode | (string | OgNode)[] };
}

const el = (
  type: string,
  style: Record<string, string | number>,
  children?: OgNode["props"]["children"],
) => ({
  type,
  props: { style, children },
});

/** The card has one theme: the light one, as image files spell it. */
const COLOURS = FILE_COLOURS;

/** Headline size that keeps long headlines (up to the schema's 120 characters) on the card. */
function titleSize(title: string): number {
  if (title.length <= 50) return 72;
  if (title.length <= 80) return 60;
  if (title.length <= 120) return 52;
  return 44;
}

/** The card's layout: site name and rule, kicker, headline, then the move and the footer. */
function ogCardTree(card: OgCard): OgNode {
  const moveColour = card.move
    ? { up: COLOURS.up, down: COLOURS.down, flat: COLOURS.muted }[card.move.direction]
    : COLOURS.muted;
  return el(
    "div",
    {
      width: OG_IMAGE.width,
      height: OG_IMAGE.height,
      boxSizing: "border-box",
      display: "flex",
      flexDirection: "column",
      padding: "56px 72px",
      background: COLOURS.paper,
      color: COLOURS.ink,
      fontFamily: "Source Serif 4",
    },
    [
      el(
        "div",
        {
          display: "flex",
          fontSize: 34,
          fontWeight: 700,
          paddingBottom: 16,
          borderBottom: `4px solid ${COLOURS.ink}`,
        },
        card.site,
      ),
      el("div", { display: "flex", flexDirection: "column", flexGrow: 1, justifyContent: "center" }, [
        ...(card.kicker
          ? [
              el(
                "div",
                { display: "flex", fontSize: 30, color: COLOURS.muted, marginBottom: 20 },
                card.kicker,
              ),
            ]
          : []),
        el(
          "div",
          { display: "flex", fontSize: titleSize(card.title), fontWeight: 700, lineHeight: 1.12 },
          card.title,
        ),
      ]),
      el(
        "div",
        {
          display: "flex",
          justifyContent: "space-between",
          alignItems: "flex-end",
          fontSize: 30,
          paddingTop: 16,
          borderTop: `2px solid ${COLOURS.rule}`,
        },
        [
          el("div", { display: "flex", fontWeight: 700, color: moveColour }, card.move?.text ?? ""),
          el("div", { display: "flex", color: COLOURS.muted }, card.footer),
        ],
      ),
    ],
  );
}

const require = createRequire(import.meta.url);
const FONT_FILES = [400, 700].map((weight) => ({
  weight: weight as 400 | 700,
  path: require.resolve(`@fontsource/source-serif-4/files/source-serif-4-latin-${weight}-normal.woff`),
}));

let fontCache:
  { fonts: { name: string; data: Buffer; weight: 400 | 700; style: "normal" }[]; hash: string } | undefined;

function loadFonts() {
  if (!fontCache) {
    const hash = createHash("sha256");
    const fonts = FONT_FILES.map(({ weight, path }) => {
      const data = readFileSync(path);
      hash.update(data);
      return { name: "Source Serif 4", data, weight, style: "normal" as const };
    });
    fontCache = { fonts, hash: hash.digest("hex") };
  }
  return fontCache;
}

const PNG_OPTIONS = { compressionLevel: 6 } as const;

/** The card as satori draws it: SVG with every glyph as a path (scripts/perf/og-micro.ts times it). */
export function ogSvg(card: OgCard): Promise<string> {
  return satori(ogCardTree(card), { ...OG_IMAGE, fonts: loadFonts().fonts });
}

/** Draws a card as PNG bytes, without the cache. */
async function renderOgPng(card: OgCard): Promise<Buffer> {
  const svg = await timed("og: satori (layout, glyphs to SVG)", () => ogSvg(card));
  return timed("og: sharp (SVG to PNG)", () => sharp(Buffer.from(svg)).png(PNG_OPTIONS).toBuffer());
}

/** Cache key: anything that changes the pixels changes the key. */
export function ogCacheKey(card: OgCard): string {
  return createHash("sha256")
    .update(JSON.stringify({ tree: ogCardTree(card), png: PNG_OPTIONS, size: OG_IMAGE }))
    .update(loadFonts().hash)
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

/** The card as PNG, from the cache when an identical card was drawn before. */
export async function ogPng(card: OgCard, cacheDir: string = ogCacheDir()): Promise<Buffer> {
  const file = join(cacheDir, `${ogCacheKey(card)}.png`);
  try {
    return readFileSync(file);
  } catch {
    // Not cached yet: draw it below.
  }
  const png = await renderOgPng(card);
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so a build running beside this one never reads half a file.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return png;
}

/**
 * Draws every card not yet cached, a few at a time: satori lays out one card on the main thread while
 * sharp encodes others on its own threads, which on two cores takes about a third less time than
 * drawing them one by one as each page asks. The pages then read their cards from the cache.
 */
export async function warmOgCache(
  cards: readonly OgCard[],
  cacheDir: string = ogCacheDir(),
  concurrency = 4,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cards.length) {
      const card = cards[next++]!;
      if (!existsSync(join(cacheDir, `${ogCacheKey(card)}.png`))) await ogPng(card, cacheDir);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, cards.length) }, worker));
}
