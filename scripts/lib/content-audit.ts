/**
 * Everything the build checks about content, without building: the registries, every price snapshot,
 * every article's frontmatter, the references between them, and every component tag's props against
 * the price data. `npm run check:content` prints the result. Each check is the function the build
 * itself calls (schemas, cross-collection checks, the components' own prop checks), so a problem reads
 * the same here as in the build; unlike the build, the audit carries on after the first problem and
 * also checks drafts and scheduled articles, which a production build does not render.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ContentError,
  checkArticle,
  checkReferences,
  CONTENT,
  type ArticleRef,
  type SnapshotRef,
  idOfFile,
  type ArticleData,
  type Tag,
  type Ticker,
} from "../../src/lib/content/index.ts";
import { checkSnapshot, type PriceSnapshot } from "../../src/lib/prices/index.ts";
import { readSnapshotFiles } from "../../src/lib/prices/read.ts";
import { articleFiles, readTags, readTickers } from "../../src/lib/content/read.ts";
import {
  computeComponent,
  describeTag,
  isMdxComponent,
  MdxSyntaxError,
  scanMdx,
  unknownComponent,
  type ComponentData,
} from "../../src/lib/mdx/index.ts";
import { PLACEHOLDER_DEK } from "./new-article.ts";

export interface AuditResult {
  /** One line per problem, worded as the build words it; empty when the content would build. */
  problems: string[];
  /** Things worth fixing that do not stop the build (placeholder text, tags that need a build to check). */
  warnings: string[];
  counts: { articles: number; tickers: number; tags: number; snapshots: number; components: number };
}

/** Article files as the build finds them: the one list, in src/lib/content/read.ts. */
export { articleFiles };

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
  const { snapshots, problems: unreadable } = readSnapshotFiles(join(root, CONTENT.prices));
  problems.push(...unreadable);
  const valid = new Map<string, PriceSnapshot>();
  for (const snapshot of snapshots) {
    const { data, problems: entryProblems } = checkSnapshot(snapshot.file, snapshot.data);
    problems.push(...entryProblems);
    if (data) valid.set(snapshot.id, data);
  }
  return { refs: snapshots, valid };
}

interface ParsedArticle {
  file: string;
  id: string;
  source: string;
  data: ArticleData;
}

function auditFrontmatter(
  root: string,
  files: readonly string[],
  problems: string[],
  warnings: string[],
): ParsedArticle[] {
  const articles: ParsedArticle[] = [];
  for (const file of files) {
    const source = readFileSync(join(root, file), "utf8");
    const { data, problems: entryProblems } = checkArticle(file, source);
    problems.push(...entryProblems);
    if (!data) continue;
    if (data.description === PLACEHOLDER_DEK) {
      warnings.push(`${file}: description: still the placeholder written by npm run new; write the dek`);
    }
    articles.push({ file, id: idOfFile(file), source, data });
  }
  return articles;
}

function auditComponents(
  article: ParsedArticle,
  data: ComponentData,
  problems: string[],
  warnings: string[],
): number {
  let scanned;
  try {
    scanned = scanMdx(article.source);
  } catch (error) {
    if (!(error instanceof MdxSyntaxError)) throw error;
    problems.push(`${article.file}: (body): not valid MDX: ${error.message}`);
    return 0;
  }
  let count = 0;
  for (const tag of scanned.tags) {
    if (scanned.imports.includes(tag.name)) continue;
    const written = describeTag(tag.name, tag.props);
    if (!isMdxComponent(tag.name)) {
      problems.push(`${article.file}: ${written}: ${unknownComponent(tag.name, tag.line)}`);
      continue;
    }
    const ticker = tag.props.ticker;
    // A registered ticker whose snapshot failed validation: that problem is reported already.
    if (typeof ticker === "string" && data.tickerById.has(ticker) && !data.snapshots.has(ticker)) continue;
    if (tag.unreadable.length > 0) {
      warnings.push(
        `${article.file}: ${written}: line ${tag.line}: not checked: ${tag.unreadable.join(", ")} only has a value when the article is built`,
      );
      continue;
    }
    count++;
    try {
      computeComponent(
        tag.name,
        tag.props,
        { article: { id: article.id, file: article.file, date: article.data.date } },
        data,
      );
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
  const snapshots = auditSnapshots(root, problems);
  const files = articleFiles(root);
  const articles = auditFrontmatter(root, files, problems, warnings);

  if (tickers && tags) {
    const refs: ArticleRef[] = articles.map((a) => ({
      file: a.file,
      id: a.id,
      tickers: a.data.tickers,
      tags: a.data.tags,
    }));
    problems.push(...checkReferences({ articles: refs, tickers, tags, snapshots: snapshots.refs }));
  }

  let components = 0;
  if (tickers) {
    const data = { tickerById: new Map(tickers.map((t) => [t.id, t])), snapshots: snapshots.valid };
    for (const article of articles) components += auditComponents(article, data, problems, warnings);
  }

  return {
    problems,
    warnings,
    counts: {
      articles: files.length,
      tickers: tickers?.length ?? 0,
      tags: tags?.length ?? 0,
      snapshots: snapshots.valid.size,
      components,
    },
  };
}
