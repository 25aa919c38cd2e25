/**
 * The yardstick for the build benchmark: a minimal Astro MDX blog (tests/fixtures/astro-blog-yardstick,
 * the shape of Astro's official blog starter) built with the same number of posts, of the same length,
 * as the site's bench corpus (scripts/lib/bench-corpus.ts). Same Astro, same node_modules (linked from
 * the site), same machine, built side by side: the site's build time is then a ratio of what Astro
 * itself needs, which the shared machine's load cannot skew the way it skews seconds.
 *
 * `scripts/template-bench.ts` is the command line; `npm run bench` can call `benchPair` for a
 * `--template` option.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCorpus, readCorpusInput, type CorpusArticle } from "./bench-corpus.ts";
import type { DevTarget } from "./dev-timing.ts";
import { measureCommand, type BuildMeasure } from "./measure.ts";
import { clearCaches, makeSiteCopy, ROOT } from "./site-copy.ts";
import { CONTENT } from "../../src/lib/content/paths.ts";

/** The yardstick's sources. */
export const YARDSTICK = join(ROOT, "tests/fixtures/astro-blog-yardstick");

/** The packages the yardstick imports, linked from the site's node_modules. */
const YARDSTICK_PACKAGES = ["astro", "@astrojs", "sharp", "@img", ".bin"];

/**
 * A bench-corpus article as a yardstick post: the same prose, headings, list and links, the
 * template's frontmatter (title, description, pubDate), and the site's MDX components replaced by
 * plain text of about the same length (the yardstick has no components), so the MDX each build
 * compiles and renders is the same length.
 */
export function yardstickPost(article: CorpusArticle): string {
  const [, frontmatter = "", body = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(article.text) ?? [];
  const field = (name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(frontmatter)?.[1] ?? "";
  const text = body
    .replace(/<Move [^>]*\/>/g, "fell 1.23%")
    .replace(/<Close [^>]*\/>/g, "$123.45")
    .replace(/<PriceChart [^>]*\/>/g, "");
  return `---\ntitle: ${field("title")}\ndescription: ${field("description")}\npubDate: ${field("date")}\n---\n${text}`;
}

/** A copy of the yardstick with `count` posts from the bench corpus of `seed`. */
export function makeYardstickCopy(count: number, seed = 2025): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `astro-yardstick-${count}-`));
  cpSync(YARDSTICK, dir, { recursive: true });
  mkdirSync(join(dir, "node_modules"));
  for (const entry of readdirSync(join(ROOT, "node_modules"))) {
    if (YARDSTICK_PACKAGES.includes(entry))
      symlinkSync(join(ROOT, "node_modules", entry), join(dir, "node_modules", entry));
  }
  const posts = join(dir, "src/content/blog");
  for (const article of generateCorpus(readCorpusInput(ROOT, count, seed)))
    writeFileSync(join(posts, `${article.slug}.mdx`), yardstickPost(article));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * What the bench's dev timing requests in a yardstick copy: its middle post (the page an edit must
 * show on), the home page and the list of all posts (/blog/), the template's only list.
 */
export function yardstickDevTarget(dir: string): DevTarget {
  const posts = join(dir, "src/content/blog");
  const files = readdirSync(posts)
    .filter((f) => f.endsWith(".mdx"))
    .sort();
  const name = files[Math.floor(files.length / 2)];
  if (!name) throw new Error(`yardstick: ${posts} has no posts`);
  return {
    file: join(posts, name),
    paths: { article: `/blog/${name.replace(/\.mdx$/, "")}/`, home: "/", list: "/blog/" },
  };
}

/** A copy of the site with `count` bench-corpus articles in place of its own (what the bench builds). */
export function makeBenchSiteCopy(
  count: number,
  seed = 2025,
): { dir: string; cleanup: () => void; newestDate: string } {
  const copy = makeSiteCopy({}, { prefix: `market-desk-bench-${count}-` });
  const articles = join(copy.dir, CONTENT.articles);
  for (const entry of readdirSync(articles)) rmSync(join(articles, entry), { recursive: true });
  let newestDate = "";
  for (const article of generateCorpus(readCorpusInput(copy.dir, count, seed))) {
    writeFileSync(join(copy.dir, article.file), article.text);
    if (article.date > newestDate) newestDate = article.date;
  }
  return { ...copy, newestDate };
}

export interface Pair {
  site: BuildMeasure;
  yardstick: BuildMeasure;
  /** site wall time / yardstick wall time, of this pair. */
  ratio: number;
}

/**
 * `rounds` cold builds of each, alternating site, yardstick, site, yardstick, ...: a pair's ratio is
 * taken between builds that ran one right after the other, so a change in the machine's load moves
 * both. The site is built with `npm run build` (astro build, then Pagefind), the yardstick with
 * `astro build`, each with its caches cleared first.
 */
export async function benchPair(siteDir: string, yardstickDir: string, rounds = 1): Promise<Pair[]> {
  const env = { ASTRO_TELEMETRY_DISABLED: "1" };
  const astro = join(ROOT, "node_modules/.bin/astro");
  const pairs: Pair[] = [];
  for (let round = 0; round < rounds; round++) {
    clearCaches(siteDir);
    const site = await measureCommand(siteDir, "npm", ["run", "build"], env);
    if (site.status !== 0)
      throw new Error(`template-bench: site build failed in ${siteDir}\n${site.output.slice(-3000)}`);
    rmSync(join(yardstickDir, "node_modules/.astro"), { recursive: true, force: true });
    rmSync(join(yardstickDir, "node_modules/.vite"), { recursive: true, force: true });
    rmSync(join(yardstickDir, ".astro"), { recursive: true, force: true });
    const yardstick = await measureCommand(yardstickDir, astro, ["build"], env);
    if (yardstick.status !== 0)
      throw new Error(
        `template-bench: yardstick build failed in ${yardstickDir}\n${yardstick.output.slice(-3000)}`,
      );
    pairs.push({ site, yardstick, ratio: site.wallMs / yardstick.wallMs });
  }
  return pairs;
}
