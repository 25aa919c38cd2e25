/**
 * Where `astro build`'s page generation goes, from its own log: the "(+12ms)" Astro prints after
 * each page, summed per route type, and the phase timestamps.
 * `node scripts/perf/build-log-summary.ts <astro-build.log>`
 */
import { readFileSync } from "node:fs";

const text = readFileSync(process.argv[2]!, "utf8");
const kind = (path: string): string => {
  if (path.startsWith("/articles/") || path.startsWith("/blog/")) return "article pages";
  if (path.startsWith("/og/")) return "OG cards (/og/…png)";
  if (path.startsWith("/charts/")) return "chart SVGs (/charts/…svg)";
  if (/\/rss\.xml$/.test(path)) return path === "/rss.xml" ? "site feed (/rss.xml)" : "tag and ticker feeds";
  if (path.startsWith("/tags/")) return "tag list pages";
  if (path.startsWith("/tickers/")) return "ticker pages";
  return "other pages";
};
const sums = new Map<string, { count: number; ms: number; max: number; maxPath: string }>();
let total = 0;
for (const m of text.matchAll(/[├└]─ (\S+) \(\+(\d+(?:\.\d+)?)(m?s)\)/g)) {
  const ms = Number(m[2]) * (m[3] === "s" ? 1000 : 1);
  const k = kind(m[1]!);
  const s = sums.get(k) ?? { count: 0, ms: 0, max: 0, maxPath: "" };
  s.count++;
  s.ms += ms;
  if (ms > s.max) {
    s.max = ms;
    s.maxPath = m[1]!;
  }
  sums.set(k, s);
  total += ms;
}
console.log("| route type | files | sum of per-file times | mean | slowest |");
console.log("| --- | --: | --: | --: | --- |");
for (const [k, s] of [...sums].sort((a, b) => b[1].ms - a[1].ms)) {
  console.log(
    `| ${k} | ${s.count} | ${(s.ms / 1000).toFixed(1)} s | ${(s.ms / s.count).toFixed(1)} ms | ${s.maxPath} ${s.max} ms |`,
  );
}
console.log(`| all | | ${(total / 1000).toFixed(1)} s | | |`);

// An incremental build copies a page whose key is unchanged: Astro prints "(cached)" or "(restored)".
const reused = new Map<string, number>();
for (const m of text.matchAll(/[├└]─ (\S+)\s+\((cached|restored)\)/g))
  reused.set(kind(m[1]!), (reused.get(kind(m[1]!)) ?? 0) + 1);
if (reused.size > 0) {
  console.log("\ncopied from the last build (incremental), by route type:");
  for (const [k, n] of reused) console.log(`  ${k}: ${n} copied, ${sums.get(k)?.count ?? 0} rendered`);
  for (const [k, s] of sums) if (!reused.has(k)) console.log(`  ${k}: 0 copied, ${s.count} rendered`);
}
console.log("\nphases (log timestamps):");
for (const line of text.split("\n")) {
  if (
    /Completed|built in|Syncing|Synced|Generated|generating|Rearranging|Building|page\(s\) built|Elapsed|Maximum resident/.test(
      line,
    )
  )
    console.log(`  ${line.trim()}`);
}
