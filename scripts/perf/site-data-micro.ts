/**
 * What one site-data computation costs, piece by piece, on a site copy's frontmatter (no Astro):
 * `node scripts/perf/site-data-micro.ts --dir /tmp/md-1000 [--rounds 3]`
 * Times buildArticleIndex, the one-pass relatedIndex inside it, the per-article relatedArticles it
 * replaced (and checks both give the same lists), and the articlePageKey hashes of
 * src/data/site-data.ts.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import {
  buildArticleIndex,
  newestFirst,
  relatedArticles,
  relatedIndex,
} from "../../src/lib/content/articles.ts";
import { CONTENT } from "../../src/lib/content/paths.ts";
import { contentKey } from "../../src/lib/site/cache-key.ts";

const { values } = parseArgs({
  options: { dir: { type: "string" }, rounds: { type: "string", default: "3" } },
});
if (!values.dir) throw new Error("--dir: a site copy (scripts/perf/make-copy.ts)");
const folder = join(values.dir, CONTENT.articles);
const articles = readdirSync(folder)
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => {
    const [, fm = "", body = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(
      readFileSync(join(folder, f), "utf8"),
    )!;
    const data = parse(fm) as {
      title: string;
      date: string | Date;
      tags: string[];
      tickers?: string[];
      authors?: string[];
    };
    const date = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : String(data.date);
    return {
      id: f.replace(/\.mdx$/, ""),
      body,
      data: {
        title: data.title,
        date,
        draft: false,
        tags: data.tags,
        tickers: data.tickers ?? [],
        authors: data.authors ?? [],
      },
    };
  });

const time = <T>(label: string, f: () => T): T => {
  const t = performance.now();
  const result = f();
  console.log(`${label.padEnd(48)} ${(performance.now() - t).toFixed(1).padStart(8)} ms`);
  return result;
};
for (let r = 0; r < Number(values.rounds); r++) {
  console.log(`round ${r + 1}, ${articles.length} articles`);
  const sorted = time("sort newestFirst", () => [...articles].sort(newestFirst));
  const index = time("buildArticleIndex (all of it)", () =>
    buildArticleIndex(articles, { today: "2099-01-01", showUnpublished: true }),
  );
  const fast = time("relatedIndex (every article, one pass)", () => relatedIndex(sorted));
  const slow = time("relatedArticles for every article (one by one)", () =>
    sorted.map((a) => relatedArticles(a, sorted).map((o) => o.id)),
  );
  const differ = sorted.filter(
    (a, i) =>
      fast
        .get(a.id)
        ?.map((o) => o.id)
        .join() !== slow[i]!.join(),
  );
  if (differ.length > 0) throw new Error(`relatedIndex and relatedArticles differ for ${differ[0]!.id}`);
  // The site keys each page on the entry's digest (a short hash of its file), not on its body.
  const digests = new Map(articles.map((a) => [a.id, contentKey(a.body)]));
  time("articlePageKey (contentKey per article)", () =>
    index.articles.map((a) =>
      contentKey(
        "shared",
        a.data,
        digests.get(a.id),
        (index.related.get(a.id) ?? []).map((o) => ({ id: o.id, ...o.data })),
      ),
    ),
  );
}
