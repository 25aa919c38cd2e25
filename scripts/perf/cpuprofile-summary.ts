/**
 * Summarises a V8 .cpuprofile (node --cpu-prof): where the samples are, by self time and by
 * inclusive ("total") time, per function and per module (a package under node_modules, or a
 * project file), with the idle and GC shares.
 * `node scripts/perf/cpuprofile-summary.ts <file.cpuprofile> [--top 40] [--match regex] [--since s] [--until s]`
 *
 * --match keeps only samples whose stack has a frame matching the regex (function name or URL), and
 * reports shares of those; --since/--until keep a time window (seconds from the profile start).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: "string", default: "40" },
    match: { type: "string" },
    since: { type: "string" },
    until: { type: "string" },
    json: { type: "boolean", default: false },
  },
});
const file = positionals[0];
if (!file) throw new Error("usage: cpuprofile-summary.ts <file.cpuprofile>");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const top = Number(values.top);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** A module name: the package for node_modules files, else the path from src/ or the file name. */
export function moduleOf(url: string): string {
  if (!url) return "(native/internal)";
  if (url.startsWith("node:")) return url;
  const clean = url.replace(/^file:\/\//, "").replace(/\?.*$/, "");
  const nm = clean.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const rest = clean.slice(nm + "/node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = clean.indexOf("/src/");
  if (src >= 0) return clean.slice(src + 1);
  return clean;
}

const frameName = (f: CallFrame) =>
  `${f.functionName || "(anonymous)"} ${moduleOf(f.url)}${f.url && !f.url.startsWith("node:") ? `:${f.lineNumber + 1}` : ""}`;

const since = values.since === undefined ? -Infinity : Number(values.since) * 1e6;
const until = values.until === undefined ? Infinity : Number(values.until) * 1e6;
const match = values.match ? new RegExp(values.match) : undefined;

const self = new Map<string, number>();
const total = new Map<string, number>();
const modSelf = new Map<string, number>();
const modTotal = new Map<string, number>();
let all = 0;
let t = 0;
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0;
  t += dt;
  if (t < since || t > until) continue;
  const leaf = byId.get(profile.samples[i]!)!;
  const stack: CallFrame[] = [];
  for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id))
    stack.push(byId.get(id)!.callFrame);
  if (match && !stack.some((f) => match.test(f.functionName) || match.test(f.url))) continue;
  all += dt;
  add(self, frameName(leaf.callFrame), dt);
  add(modSelf, moduleOf(leaf.callFrame.url), dt);
  const seen = new Set<string>();
  const seenMod = new Set<string>();
  for (const f of stack) {
    const name = frameName(f);
    if (!seen.has(name)) {
      seen.add(name);
      add(total, name, dt);
    }
    const mod = moduleOf(f.url);
    if (!seenMod.has(mod)) {
      seenMod.add(mod);
      add(modTotal, mod, dt);
    }
  }
}

const pct = (v: number) => `${((100 * v) / all).toFixed(1).padStart(5)} %`;
const secs = (v: number) => `${(v / 1e6).toFixed(2).padStart(7)} s`;
const list = (title: string, m: Map<string, number>) => {
  console.log(`\n## ${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${secs(v)} ${pct(v)}  ${k}`);
};
console.log(
  `profile ${file}: ${secs(profile.endTime - profile.startTime)} wall, ${secs(all)} sampled${match ? ` matching ${match}` : ""}`,
);
list("self time by function", self);
list("total (inclusive) time by function", total);
list("self time by module", modSelf);
list("total (inclusive) time by module", modTotal);
