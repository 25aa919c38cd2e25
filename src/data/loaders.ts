/**
 * The collection loaders: each validates every entry with the schemas of src/lib first, so an editor
 * gets `file: field: problem` lines (all of them at once) instead of Astro's generic schema error,
 * then runs the checks that span collections (src/lib/content/checks.ts, links.ts). Articles are
 * listed, read and held to the allowlist (src/lib/mdx/scan.ts) by the same functions as
 * `npm run check:content`, so both see the same files and print the same lines.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ContentEntryType } from "astro";
import { glob, type Loader, type LoaderContext } from "astro/loaders";
import { COMPILED_ON_REQUEST, compileArticleBody } from "@/lib/mdx/compile.ts";
import {
  ARTICLE_PATTERN,
  articleFileProblem,
  assertNoProblems,
  checkArticle,
  checkLinks,
  checkReferences,
  CONTENT,
  idOfFile,
  type ArticleRef,
  type LinkingArticle,
} from "@/lib/content";
import {
  listArticleFiles,
  readArticleSource,
  readAuthors,
  readTags,
  readTickers,
} from "@/lib/content/read.ts";
import { checkSnapshot } from "@/lib/prices";
import { readSnapshotFiles } from "@/lib/prices/read.ts";
import { archiveAfterDays, buildDate, contentKey } from "@/lib/site";

/**
 * Wraps the glob loader so each entry is first checked by `check` (the same function
 * `npm run check:content` calls); `before` and `after` add problems of the whole collection, and all
 * are reported together when loading ends.
 */
function validatingGlob(
  options: { base: string; pattern: string; retainBody?: boolean },
  check: (file: string, entry: { data: Record<string, unknown>; filePath?: string }) => readonly string[],
  more: {
    after?: (context: LoaderContext) => readonly string[];
    before?: (context: LoaderContext) => readonly string[];
    /** The context the glob loader gets (by default the loader's own). */
    adapt?: (context: LoaderContext) => LoaderContext;
    /**
     * The entry's data as `check` validated it, when that is what the collection's schema would give:
     * it is stored as it is instead of validated a second time by Astro's `parseData`.
     */
    validated?: (file: string) => Record<string, unknown> | undefined;
  } = {},
): Loader {
  const { after, before, adapt = (context) => context, validated } = more;
  return {
    name: "market-desk-glob",
    load: async (context) => {
      const problems: string[] = [...(before?.(context) ?? [])];
      const inner = glob({ ...options, generateId: ({ entry }) => idOfFile(entry) });
      await inner.load({
        ...adapt(context),
        parseData: async (entry) => {
          const file = fileOfEntry(context, options.base, entry);
          const entryProblems = check(file, entry);
          if (entryProblems.length > 0) {
            problems.push(...entryProblems.filter((problem) => !problems.includes(problem)));
            return entry.data;
          }
          const data = validated?.(file);
          return data ? (data as typeof entry.data) : context.parseData(entry);
        },
      });
      // Problems across files are reported with the files' own, all at once (as check:content does).
      assertNoProblems([...problems, ...(after?.(context) ?? [])]);
    },
  };
}

/** An entry's file as messages name it: relative to the project's root. */
function fileOfEntry(context: LoaderContext, base: string, entry: { id: string; filePath?: string }): string {
  if (!entry.filePath) return `${base}/${entry.id}`;
  const root = fileURLToPath(context.config.root);
  return entry.filePath.startsWith(root)
    ? entry.filePath.slice(root.length).replace(/^\/+/, "")
    : entry.filePath;
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

/** checkArticle, once per file and text: the entry check and the link check both need it. */
const checkedArticles = new Map<string, { source: string; checked: ReturnType<typeof checkArticle> }>();
function checkArticleOnce(file: string, source: string): ReturnType<typeof checkArticle> {
  const cached = checkedArticles.get(file);
  if (cached?.source === source) return cached.checked;
  const checked = checkArticle(file, source);
  checkedArticles.set(file, { source, checked });
  return checked;
}

/** The glob loader's view of the file types, which LoaderContext does not declare. */
type GlobContext = LoaderContext & { entryTypes: Map<string, ContentEntryType> };

/**
 * What a compiled body depends on besides its file: the parser and the files of the compiler. Mixed
 * into each file's digest, so a change to any of them compiles every article again instead of
 * keeping the stored HTML. Their hash, not their text: every digest would hash the text again (0.2 s
 * of a sync at 1000 articles).
 */
const COMPILER_FILES = [
  "src/lib/mdx/compile.ts",
  "src/lib/mdx/literal.ts",
  "src/lib/mdx/allowlist.ts",
  "src/lib/mdx/registry.ts",
  "src/lib/content/articles.ts",
];
function compilerVersion(root: string): string {
  const satteri = JSON.parse(readFileSync(`${root}/node_modules/satteri/package.json`, "utf8")) as {
    version: string;
  };
  const texts = COMPILER_FILES.map((file) => readFileSync(`${root}/${file}`, "utf8"));
  return contentKey(satteri.version, ...texts);
}

/** The metadata key of a stored article's internal links (the scan's), which the link check reads. */
const SITE_LINKS = "siteLinks";

/**
 * Articles compile to HTML (src/lib/mdx/compile.ts) instead of each becoming a module for Vite to
 * bundle: the `.mdx` file type keeps the MDX integration's frontmatter reading and gets a render
 * function. A file with problems is not compiled: its problems are reported. Only a hybrid build
 * stores each body's HTML, for its server to render archived articles from without their files. The
 * dev server and a static build store what the sync and the link check need (the local images, the
 * links) and compile a body when a page asks for it (src/data/compiled-body.ts): Astro inlines the
 * whole store into one module that every build bundles and loads, and at 4000 articles the HTML was
 * 25 of its 33 MB (docs/performance.md, "The warm rebuild").
 */
function compilingArticles(context: LoaderContext): LoaderContext {
  const { entryTypes } = context as GlobContext;
  const mdx = entryTypes.get(".mdx");
  if (!mdx)
    throw new Error("astro.config.ts: the MDX integration is not installed; add mdx() to integrations");
  const root = fileURLToPath(context.config.root).replace(/\/$/, "");
  const isDev = context.watcher !== undefined;
  const storesHtml = !isDev && archiveAfterDays(process.env) !== undefined;
  // What a stored entry holds is part of its digest: an entry stored without its HTML is never kept
  // for a hybrid build, whose server needs it.
  const version = `${compilerVersion(root)}${storesHtml ? "+html" : ""}`;
  const compiling: ContentEntryType = {
    extensions: mdx.extensions,
    getEntryInfo: mdx.getEntryInfo,
    getRenderFunction: async () => async (entry) => {
      const file = fileOfEntry(context, CONTENT.articles, entry);
      const checked = checkedArticles.get(file)?.checked;
      if (checked?.problems.length) return { html: "" };
      const body = entry.body ?? "";
      // The entry's links, for the link check of later builds that find it unchanged. (Not in dev, whose
      // store is reloaded whole on every headline edit: a restart reads unchanged files' links again.)
      const links = isDev ? {} : { [SITE_LINKS]: checked?.body?.links };
      if (storesHtml) {
        const compiled = compileArticleBody(file, body);
        return { ...compiled, metadata: { ...compiled.metadata, ...links } };
      }
      // The pages compile the body from its file. The store keeps the local images Astro resolves, and
      // only a body the scan found an image in can have one.
      const imagePaths =
        checked?.body?.images === false ? [] : compileArticleBody(file, body).metadata.imagePaths;
      return { html: "", metadata: { imagePaths, ...links, [COMPILED_ON_REQUEST]: true } };
    },
  };
  const adapted: GlobContext = {
    ...context,
    entryTypes: new Map([...entryTypes, [".mdx", compiling]]),
    generateDigest: (data) =>
      context.generateDigest(typeof data === "string" ? `${version}\n${data}` : { version, data }),
  };
  return adapted;
}

/**
 * An article as the checks across files need it: as this load checked it, else (unchanged since a
 * load that stored it after its checks passed) from the store, else checked from its file now.
 */
function checkedForReferences(
  context: LoaderContext,
  root: string,
  file: string,
  id: string,
): Pick<LinkingArticle, "data" | "links"> | undefined {
  const checked = checkedArticles.get(file)?.checked;
  if (checked)
    return checked.data && checked.body ? { data: checked.data, links: checked.body.links } : undefined;
  const stored = context.store.get(id);
  const links = stored?.rendered?.metadata?.[SITE_LINKS];
  // The store's data passed the same schema when it was stored; the checks read only these fields.
  if (stored && Array.isArray(links)) return { data: stored.data as LinkingArticle["data"], links };
  const read = readArticleSource(`${root}/${file}`, file);
  const { data, body } = "source" in read ? checkArticleOnce(file, read.source) : {};
  return data && body ? { data, links: body.links } : undefined;
}

/** After the articles load: every reference across collections, and every internal link, must resolve. */
function checkAllReferences(context: LoaderContext): string[] {
  const root = fileURLToPath(context.config.root);
  const articles: ArticleRef[] = [];
  const linking: LinkingArticle[] = [];
  const broken: string[] = [];
  // Every article takes part, not only the ones the glob loader found changed: a link in an unchanged
  // article can break when another one goes.
  for (const file of listArticleFiles(root).files) {
    const id = idOfFile(file);
    const article = checkedForReferences(context, root, file, id);
    if (!article) {
      broken.push(id);
      continue;
    }
    const { data, links } = article;
    articles.push({ file, id, tickers: data.tickers, tags: data.tags, authors: data.authors });
    linking.push({ file, id, data, links });
  }
  // A loader sees only its own collection's store, and the prices may load after the articles: the
  // snapshots are read from disk (their own loader validates them).
  const snapshots = readSnapshotFiles(`${root}/${CONTENT.prices}/`);
  const tickers = readTickers(`${root}/${CONTENT.tickers}`);
  return [
    ...snapshots.problems,
    ...checkReferences({
      articles,
      tickers,
      tags: readTags(`${root}/${CONTENT.tags}`),
      authors: readAuthors(`${root}/${CONTENT.authors}`),
      snapshots: [...snapshots.snapshots, ...snapshots.unreadable],
    }),
    ...checkLinks(
      linking,
      tickers.map((t) => t.id),
      buildDate(),
      broken,
    ),
  ];
}

/**
 * The articles, content/articles/<slug>.mdx: each file checked (its name, its encoding, its
 * frontmatter and body), then every reference and link across collections. Files the glob does not
 * read (a `.md`, an `.MDX`) are listed first, so none is skipped without a word.
 */
export function articlesLoader(): Loader {
  return validatingGlob(
    // The store keeps no body's MDX (nor, but in a hybrid build, its HTML: compilingArticles).
    { base: CONTENT.articles, pattern: ARTICLE_PATTERN, retainBody: false },
    (file, entry) => {
      const misnamed = articleFileProblem(file);
      if (misnamed) return [misnamed];
      const read = readArticleSource(entry.filePath ?? file, file);
      return "source" in read ? checkArticleOnce(file, read.source).problems : [read.problem];
    },
    {
      after: checkAllReferences,
      before: (context) => listArticleFiles(fileURLToPath(context.config.root)).problems,
      adapt: compilingArticles,
      // The check validated the frontmatter with the collection's schema already (articleSchema with a
      // path for the image: src/lib/content/schema.ts); only a lead image needs Astro's image() helper.
      // A second validation was 0.3 s of the dev server's start at 1000 articles.
      validated: (file) => {
        const data = checkedArticles.get(file)?.checked.data;
        return data && data.image === undefined ? data : undefined;
      },
    },
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
  const inner = validatingGlob(
    { base: CONTENT.prices, pattern: "*.json" },
    (file, entry) => checkSnapshot(file, entry.data).problems,
  );
  return {
    name: inner.name,
    load: async (context) => {
      // A file that is not JSON would stop the glob loader with Astro's own message: it is reported first,
      // as check:content reports it.
      assertNoProblems(
        readSnapshotFiles(`${fileURLToPath(context.config.root)}/${CONTENT.prices}/`).problems,
      );
      await inner.load(context);
    },
  };
}
