/**
 * Every figure the articles state, as text: each <Move>, <Close>, <Price> and <Record> as rendered,
 * each <PriceChart>'s and <CompareChart>'s caption and range, and the ticker chip of each listed ticker on the article's
 * date. A price import must leave all of them as they were (tests/unit/article-figures.test.ts holds
 * the list in tests/fixtures/article-figures.json, rewritten from this function only when articles change).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkSnapshot, chipFigure, type PriceSnapshot } from "../../src/lib/prices/index.ts";
import { readSnapshotFiles } from "../../src/lib/prices/read.ts";
import { articleFiles, readTickers } from "../../src/lib/content/read.ts";
import { checkArticle, CONTENT, idOfFile } from "../../src/lib/content/index.ts";
import {
  articleContext,
  computeComponent,
  describeTag,
  isMdxComponent,
  scanMdx,
} from "../../src/lib/mdx/index.ts";
import type { ChartSpec, CompareSpec } from "../../src/lib/chart/index.ts";

/** One figure: where it is (`content/articles/x.mdx: <Move ticker="nvda" date="2025-01-27">`) and what it says. */
export interface ArticleFigure {
  where: string;
  text: string;
}

/** The figures of every article under `root`, in file order then tag order; throws on invalid content. */
export function articleFigures(root: string): ArticleFigure[] {
  const tickers = readTickers(join(root, CONTENT.tickers));
  const snapshots = new Map<string, PriceSnapshot>();
  for (const file of readSnapshotFiles(join(root, CONTENT.prices)).snapshots) {
    const { data, problems } = checkSnapshot(file.file, file.data);
    if (!data) throw new Error(problems.join("\n"));
    snapshots.set(file.id, data);
  }
  const data = { tickerById: new Map(tickers.map((t) => [t.id, t])), snapshots };
  const figures: ArticleFigure[] = [];
  for (const file of articleFiles(root)) {
    const source = readFileSync(join(root, file), "utf8");
    const article = checkArticle(file, source).data;
    if (!article) throw new Error(`${file}: invalid frontmatter`);
    const context = articleContext({ id: idOfFile(file), file, data: article });
    for (const tag of scanMdx(source).tags) {
      if (!isMdxComponent(tag.name)) continue;
      const where = `${file}: ${describeTag(tag.name, tag.props)}`;
      const result = computeComponent(tag.name, tag.props, { article: context }, data);
      if (tag.name === "PriceChart" || tag.name === "CompareChart") {
        const spec = result as ChartSpec | CompareSpec;
        figures.push({ where, text: `${spec.from} to ${spec.to}: ${spec.caption}` });
      } else if (tag.name === "Move") {
        figures.push({ where, text: (result as { text: string }).text });
      } else {
        figures.push({ where, text: String(result) });
      }
    }
    for (const id of article.tickers) {
      const ticker = data.tickerById.get(id)!;
      const chip = chipFigure(snapshots.get(id)!.bars, ticker, article.date);
      figures.push({ where: `${file}: chip ${id}`, text: chip.sentence });
    }
  }
  return figures;
}
