/**
 * What one Open Graph card costs on this machine, drawn without the cache, one at a time and four at
 * a time (as warmOgCache draws them): wall and CPU time per card, and the PNG size.
 * `node scripts/perf/og-micro.ts [--cards 40]`; with PERF_TIMERS=1 also the text and PNG steps.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ogPng, warmOgCache } from "../../src/lib/seo/og-image-files.ts";
import { articleCard } from "../../src/lib/seo/og-card.ts";
import { generateCorpus, readCorpusInput } from "../lib/bench-corpus.ts";
import { ROOT } from "../lib/site-copy.ts";

const { values } = parseArgs({ options: { cards: { type: "string", default: "40" } } });
const input = readCorpusInput(ROOT, Number(values.cards));
const tickerById = new Map(input.tickers.map((t) => [t.id, t]));
const cards = generateCorpus(input).map((a) => {
  const fm = /^---\n([\s\S]*?)\n---/.exec(a.text)![1]!;
  const get = (k: string) => new RegExp(`^${k}: (.*)$`, "m").exec(fm)![1]!;
  const tickers = get("tickers").slice(1, -1).split(", ");
  return articleCard(
    { title: JSON.parse(get("title")) as string, date: get("date"), tickers },
    tickerById,
    input.bars,
  );
});
const cache = mkdtempSync(join(tmpdir(), "og-micro-"));
try {
  await ogPng({ ...cards[0]!, title: "Warm-up: fonts and the card background" }, cache);
  let bytes = 0;
  let cpu = process.cpuUsage();
  let start = performance.now();
  for (const card of cards) bytes += (await ogPng(card, join(cache, "one"))).length;
  const report = (label: string) => {
    const used = process.cpuUsage(cpu);
    const n = cards.length;
    console.log(
      `${label}: ${((performance.now() - start) / n).toFixed(1)} ms wall, ${((used.user + used.system) / 1000 / n).toFixed(1)} ms CPU per card`,
    );
  };
  report("one at a time");
  cpu = process.cpuUsage();
  start = performance.now();
  await warmOgCache(cards, join(cache, "four"));
  report("four at a time (warmOgCache)");
  console.log(`${cards.length} cards, mean PNG ${(bytes / cards.length / 1024).toFixed(0)} KB`);
} finally {
  rmSync(cache, { recursive: true, force: true });
}
