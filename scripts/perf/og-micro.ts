/**
 * What one Open Graph card costs, step by step, on this machine: satori (layout, glyph outlines to
 * SVG), then sharp/librsvg rasterising and PNG encoding, with a few encoder settings, one card at a time.
 * `node scripts/perf/og-micro.ts [--cards 40]`
 */
import { parseArgs } from "node:util";
import sharp from "sharp";
import { ogSvg } from "../../src/lib/seo/og-image-files.ts";
import { articleCard } from "../../src/lib/seo/og-card.ts";
import { generateCorpus, readCorpusInput } from "../lib/bench-corpus.ts";
import { ROOT } from "../lib/site-copy.ts";

const { values } = parseArgs({ options: { cards: { type: "string", default: "40" } } });
const input = readCorpusInput(ROOT, Number(values.cards));
const tickerById = new Map(input.tickers.map((t) => [t.id, t]));
const cards = generateCorpus(input).map((a) => {
  const fm = /^---\n([\s\S]*?)\n---/.exec(a.text)![1]!;
  const get = (k: string) => new RegExp(`^${k}: (.*)$`, "m").exec(fm)![1]!;
  return articleCard(
    {
      title: JSON.parse(get("title")) as string,
      date: get("date"),
      tickers: get("tickers").slice(1, -1).split(", "),
    },
    tickerById,
    input.bars,
  );
});
sharp.concurrency(1);
const totals = new Map<string, number>();
const add = (k: string, ms: number) => totals.set(k, (totals.get(k) ?? 0) + ms);
let svgBytes = 0;
let pngBytes = 0;
await ogSvg(cards[0]!); // font parsing, wasm start-up: once per build, not per card
for (const card of cards) {
  let t = performance.now();
  const svg = await ogSvg(card);
  add("satori: card tree to SVG (main thread)", performance.now() - t);
  svgBytes += svg.length;
  const buf = Buffer.from(svg);
  t = performance.now();
  const raw = await sharp(buf).raw().toBuffer();
  add("librsvg: rasterise the SVG only (raw pixels)", performance.now() - t);
  t = performance.now();
  pngBytes += (await sharp(buf).png({ compressionLevel: 6 }).toBuffer()).length;
  add("sharp: SVG to PNG, compressionLevel 6 (current)", performance.now() - t);
  t = performance.now();
  await sharp(buf).png({ compressionLevel: 1 }).toBuffer();
  add("sharp: SVG to PNG, compressionLevel 1", performance.now() - t);
  t = performance.now();
  await sharp(raw, { raw: { width: 1200, height: 630, channels: 4 } })
    .png({ compressionLevel: 6 })
    .toBuffer();
  add("sharp: PNG encoding alone (level 6, from raw)", performance.now() - t);
}
const n = cards.length;
console.log(
  `${n} cards, sharp.concurrency(1); mean SVG ${(svgBytes / n / 1024).toFixed(0)} KB, PNG ${(pngBytes / n / 1024).toFixed(0)} KB`,
);
for (const [k, ms] of totals) console.log(`${(ms / n).toFixed(1).padStart(7)} ms/card  ${k}`);
