/**
 * The collection loaders: each validates every entry with the schemas of src/lib first, so an editor
 * gets `file: field: problem` lines (all of them at once) instead of Astro's generic schema error,
 * then runs the checks that span collections (src/lib/content/checks.ts). `npm run check:content`
 * calls the same checks, so both print the same lines.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { glob, type Loader, type LoaderContext } from "astro/loaders";
import {
  ARTICLE_PATTERN,
  assertNoProblems,
  checkArticle,
  checkReferences,
  CONTENT,
  idOfFile,
  type ArticleData,
  type ArticleRef,
} from "@/lib/content";
import { readAuthors, readTags, readTickers } from "@/lib/content/read.ts";
import { checkSnapshot } from "@/lib/prices";
import { readSnapshotFiles } from "@/lib/prices/read.ts";

/**
 * Wraps the glob loader so each entry is first checked by `check` (the same function
 * `npm run check:content` calls); all bad entries are reported together when loading ends.
 */
function validatingGlob(
  options: { base: string; pattern: string },
  check: (file: string, entry: { data: Record<string, unknown>; filePath?: string }) => readonly string[],
  after?: (context: LoaderContext, files: Map<string, string[]>) => void,
): Loader {
  return {
    name: "market-desk-glob",
    load: async (context) => {
      const problems: string[] = [];
      const filesById = new Map<string, string[]>();
      const inner = glob({
        ...options,
        generateId: ({ entry }) => {
          const id = idOfFile(entry);
          const file = `${options.base}/${entry}`;
          const files = filesById.get(id) ?? [];
          if (!files.includes(file)) filesById.set(id, [...files, file]);
          return id;
        },
      });
      await inner.load({
        ...context,
        parseData: async (entry) => {
          const file = entry.filePath
            ? relativeToRoot(context, entry.filePath)
            : `${options.base}/${entry.id}`;
          const entryProblems = check(file, entry);
          if (entryProblems.length > 0) {
            problems.push(...entryProblems);
            return entry.data;
          }
          return context.parseData(entry);
        },
      });
      assertNoProblems(problems);
      after?.(context, filesById);
    },
  };
}

function relativeToRoot(context: LoaderContext, filePath: string): string {
  const root = fileURLToPath(context.config.root);
  return filePath.startsWith(root) ? filePath.slice(root.length).replace(/^\/+/, "") : filePath;
}

/** A YAML registry (tickers, tags, authors): the whole file is validated, then each item becomes an entry. */
function registry<T extends { id: string }>(file: string, read: (path: string) => T[]): Loader {
  return {
    name: "market-desk-registry",
    load: async (context) => {
      const path = fileURLToPath(new URL(file, context.config.root));
      const sync = async () => {
        const items = read(path);
        context.store.clear();
        for (const item of items) {
          context.store.set({ id: item.id, data: await context.parseData({ id: item.id, data: item }) });
        }
      };
      await sync();
      context.watcher?.add(path);
      context.watcher?.on("change", (changed) => {
        if (changed === path) void sync().catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}

/** After the articles load: every reference across collections must resolve. */
function checkAllReferences(context: LoaderContext, files: Map<string, string[]>): void {
  const root = context.config.root;
  const articles: ArticleRef[] = [];
  for (const entry of context.store.values()) {
    const sameSlug = files.get(entry.id) ?? [entry.filePath ?? entry.id];
    for (const file of sameSlug) {
      // The store keeps one entry per slug; files that share one are each read for their own fields.
      const data =
        sameSlug.length > 1
          ? checkArticle(file, readFileSync(new URL(file, root), "utf8")).data
          : (entry.data as Partial<ArticleData>);
      if (data) {
        articles.push({
          file,
          id: entry.id,
          tickers: data.tickers ?? [],
          tags: data.tags ?? [],
          authors: data.authors ?? [],
        });
      }
    }
  }
  // A loader sees only its own collection's store, and the prices may load after the articles: the
  // snapshots are read from disk (their own loader validates them).
  const snapshots = readSnapshotFiles(fileURLToPath(new URL(`${CONTENT.prices}/`, root)));
  assertNoProblems([
    ...snapshots.problems,
    ...checkReferences({
      articles,
      tickers: readTickers(fileURLToPath(new URL(CONTENT.tickers, root))),
      tags: readTags(fileURLToPath(new URL(CONTENT.tags, root))),
      authors: readAuthors(fileURLToPath(new URL(CONTENT.authors, root))),
      snapshots: snapshots.snapshots,
    }),
  ]);
}

/** The articles, content/articles/<slug>.mdx: each file checked, then every reference across collections. */
export function articlesLoader(): Loader {
  return validatingGlob(
    { base: CONTENT.articles, pattern: ARTICLE_PATTERN },
    // The file is read again: Astro's frontmatter reading moves impossible dates (see frontmatter.ts).
    (file, entry) => checkArticle(file, readFileSync(entry.filePath ?? file, "utf8")).problems,
    checkAllReferences,
  );
}

/** The tickers, content/tickers.yaml. */
export const tickersLoader = (): Loader => registry(CONTENT.tickers, (path) => readTickers(path));

/** The tag vocabulary, content/tags.yaml. */
export const tagsLoader = (): Loader => registry(CONTENT.tags, (path) => readTags(path));

/** Who signs articles, content/authors.yaml. */
export const authorsLoader = (): Loader => registry(CONTENT.authors, (path) => readAuthors(path));

/** The price snapshots, content/prices/<ticker id>.json. */
export function snapshotsLoader(): Loader {
  return validatingGlob(
    { base: CONTENT.prices, pattern: "*.json" },
    (file, entry) => checkSnapshot(file, entry.data).problems,
  );
}
