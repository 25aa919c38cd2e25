/**
 * Everything the build checks about content, without building: the registries, every price snapshot,
 * every article's frontmatter, the references between them, and every component tag's props against
 * the price data. `npm run check:content` prints the result. Each check is the function the build
 * itself calls (schemas, cross-collection checks, the components' own prop checks), so a problem reads
 * the same here as in the build; unlike the build, the audit carries on after the first problem and
 * also checks drafts and scheduled articles, which a production build does not render.
 */
import { join } from "node:path";
import {
  ContentError,
  checkArticle,
  checkLinks,
  checkReferences,
  CONTENT,
  type ArticleRef,
  type SnapshotRef,
  idOfFile,
  type ArticleData,
  type Author,
  type Tag,
  type Ticker,
} from "../../src/lib/content/index.ts";
import { checkSnapshot, type PriceSnapshot } from "../../src/lib/prices/index.ts";
import { buildDate } from "../../src/lib/site/index.ts";
import { readSnapshotFiles } from "../../src/lib/prices/read.ts";
import {
  listArticleFiles,
  readArticleSource,
  readAuthors,
  readTags,
  readTickers,
} from "../../src/lib/content/read.ts";
import {
  articleContext,
  computeComponent,
  type BodyScan,
  type ComponentData,
} from "../../src/lib/mdx/index.ts";
import { PLACEHOLDER_DEK } from "./new-article.ts";

export interface AuditResult {
  /** One line per problem, worded as the build words it; empty when the content would build. */
  problems: string[];
  /** Things worth fixing that do not stop the build (placeholder text). */
  warnings: string[];
  counts: {
    articles: number;
    tickers: number;
    tags: number;
    authors: number;
    snapshots: number;
    components: number;
  };
}

/** Reads a registry, turning its ContentError into problems. */
function registry<T>(read: () => T[], problems: string[]): T[] | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}

interface Snapshots {
  refs: SnapshotRef[];
  /** The snapshots that passed their checks, by ticker id. */
  valid: Map<string, PriceSnapshot>;
}

function auditSnapshots(root: string, problems: string[]): Snapshots {
  const { snapshots, unreadable, problems: notJson } = readSnapshotFiles(join(root, CONTENT.prices));
  problems.push(...notJson);
  const valid = new Map<string, PriceSnapshot>();
  for (const snapshot of snapshots) {
    const { data, problems: entryProblems } = checkSnapshot(snapshot.file, snapshot.data);
    problems.push(...entryProblems);
    if (data) valid.set(snapshot.id, data);
  }
  return { refs: [...snapshots, ...unreadable], valid };
}

interface ParsedArticle {
  file: string;
  id: string;
  data: ArticleData;
  body: BodyScan;
}

function auditArticles(
  root: string,
  files: readonly string[],
  problems: string[],
  warnings: string[],
): ParsedArticle[] {
  const articles: ParsedArticle[] = [];
  for (const file of files) {
    const read = readArticleSource(join(root, file), file);
    if ("problem" in read) {
      problems.push(read.problem);
      continue;
    }
    const { data, body, problems: entryProblems } = checkArticle(file, read.source);
    problems.push(...entryProblems);
    if (!data || !body) continue;
    if (data.description === PLACEHOLDER_DEK) {
      warnings.push(`${file}: description: still the placeholder written by npm run new; write the dek`);
    }
    articles.push({ file, id: idOfFile(file), data, body });
  }
  return articles;
}

/** Runs each component tag as its page would; returns how many were checked. */
function auditComponents(article: ParsedArticle, data: ComponentData, problems: string[]): number {
  let count = 0;
  const context = { ...articleContext(article), tags: article.body.tags };
  for (const tag of article.body.tags) {
    const named = [tag.props.ticker, ...(Array.isArray(tag.props.tickers) ? tag.props.tickers : [])];
    // A registered ticker whose snapshot failed validation: that problem is reported already.
    const failed = (id: unknown) =>
      typeof id === "string" && data.tickerById.has(id) && !data.snapshots.has(id);
    if (named.some(failed)) continue;
    count++;
    try {
      computeComponent(tag.name, tag.props, { article: context }, data);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return count;
}

/** Audits the content under `root` (the project directory). */
export function auditContent(root: string): AuditResult {
  const problems: string[] = [];
  const warnings: string[] = [];
  const tickers: Ticker[] | undefined = registry(() => readTickers(join(root, CONTENT.tickers)), problems);
  const tags: Tag[] | undefined = registry(() => readTags(join(root, CONTENT.tags)), problems);
  const authors: Author[] | undefined = registry(() => readAuthors(join(root, CONTENT.authors)), problems);
  const snapshots = auditSnapshots(root, problems);
  const { files, problems: misnamed } = listArticleFiles(root);
  problems.push(...misnamed);
  const articles = auditArticles(root, files, problems, warnings);
  // Articles whose file has its own problem: links to them are not reported again.
  const brokenIds = files.map(idOfFile).filter((id) => !articles.some((a) => a.id === id));

  if (tickers && tags && authors) {
    const refs: ArticleRef[] = articles.map((a) => ({
      file: a.file,
      id: a.id,
      tickers: a.data.tickers,
      tags: a.data.tags,
      authors: a.data.authors,
    }));
    problems.push(...checkReferences({ articles: refs, tickers, tags, authors, snapshots: snapshots.refs }));
    problems.push(
      ...checkLinks(
        articles.map((a) => ({ ...a, links: a.body.links })),
        tickers.map((t) => t.id),
        buildDate(),
        brokenIds,
      ),
    );
  }

  let components = 0;
  if (tickers) {
    const data = { tickerById: new Map(tickers.map((t) => [t.id, t])), snapshots: snapshots.valid };
    for (const article of articles) components += auditComponents(article, data, problems);
  }

  return {
    problems,
    warnings,
    counts: {
      articles: files.length,
      tickers: tickers?.length ?? 0,
      tags: tags?.length ?? 0,
      authors: authors?.length ?? 0,
      snapshots: snapshots.valid.size,
      components,
    },
  };
}
