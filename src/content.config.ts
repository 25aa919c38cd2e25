/**
 * The site's content collections. Schemas live in src/lib/schema.ts; the loaders here validate every
 * entry with them first, so an editor gets `file: field: problem` lines (all of them at once) instead
 * of Astro's generic schema error, and then run the cross-collection checks of src/lib/content-check.ts.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineCollection } from "astro:content";
import { glob, type Loader, type LoaderContext } from "astro/loaders";
import {
  articleSchema,
  priceSnapshotSchema,
  tagSchema,
  tickerSchema,
  type ArticleData,
} from "./lib/schema.ts";
import {
  ARTICLE_PATTERN,
  articleId,
  assertNoProblems,
  checkArticle,
  checkReferences,
  checkSnapshot,
  CONTENT,
  readTags,
  readSnapshotFiles,
  readTickers,
  type ArticleRef,
} from "./lib/content-check.ts";

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
          const id = articleId(entry);
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

/** A YAML registry (tickers, tags): the whole file is validated, then each item becomes an entry. */
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
      if (data) articles.push({ file, id: entry.id, tickers: data.tickers ?? [], tags: data.tags ?? [] });
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
      snapshots: snapshots.snapshots,
    }),
  ]);
}

const articles = defineCollection({
  loader: validatingGlob(
    { base: CONTENT.articles, pattern: ARTICLE_PATTERN },
    // The file is read again: Astro's frontmatter reading moves impossible dates (see frontmatter.ts).
    (file, entry) => checkArticle(file, readFileSync(entry.filePath ?? file, "utf8")).problems,
    checkAllReferences,
  ),
  schema: ({ image }) => articleSchema(image),
});

const tickers = defineCollection({
  loader: registry(CONTENT.tickers, (path) => readTickers(path)),
  schema: tickerSchema,
});

const tags = defineCollection({
  loader: registry(CONTENT.tags, (path) => readTags(path)),
  schema: tagSchema,
});

const prices = defineCollection({
  loader: validatingGlob(
    { base: CONTENT.prices, pattern: "*.json" },
    (file, entry) => checkSnapshot(file, entry.data).problems,
  ),
  schema: priceSnapshotSchema,
});

export const collections = { articles, tickers, tags, prices };
