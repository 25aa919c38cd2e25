/**
 * A synthetic corpus for the build benchmark (scripts/bench.ts): N articles that look like the real
 * ones to the build. Each is MDX of about 800 words with headings, links, a list, figures from the data
 * (<Move>, <Close>) on real trading days of its tickers, 2 to 5 tags of the vocabulary, 1 to 4
 * tickers, and a <PriceChart> in every fifth article. The same inputs always give the same files.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { countWords, CONTENT, slugify, type Tag, type Ticker } from "../../src/lib/content/index.ts";
import { CHART } from "../../src/lib/chart/index.ts";
import { readAuthors, readTags, readTickers } from "../../src/lib/content/read.ts";
import { articlePath, tagPath, tickerPath } from "../../src/lib/site/index.ts";
import {
  hasDayMove,
  NO_EVENTS,
  seriesEvents,
  type Bar,
  type PriceSnapshot,
  type SeriesEvents,
} from "../../src/lib/prices/index.ts";

export interface CorpusInput {
  /** How many articles. */
  count: number;
  tickers: readonly Ticker[];
  tags: readonly Tag[];
  /** Author ids (content/authors.yaml); articles are signed by them in turn. */
  authors: readonly string[];
  /** Daily bars by ticker id, oldest first (every ticker above must have bars). */
  bars: ReadonlyMap<string, readonly Bar[]>;
  /** Splits and documented gaps by ticker id: a day just after a gap has no day move to cite. */
  events: ReadonlyMap<string, SeriesEvents>;
  /** Seed of the pseudo-random choices; the same seed gives the same corpus. */
  seed?: number;
}

export interface CorpusArticle {
  /** Slug: the file name without `.mdx`. */
  slug: string;
  /** Path relative to the project root: content/articles/<slug>.mdx */
  file: string;
  /** The article's date, YYYY-MM-DD, as its frontmatter gives it. */
  date: string;
  text: string;
  /** Whether the article has a <PriceChart> (every fifth does). */
  chart: boolean;
}

/** Articles at least this many words long, counted as the site counts them. */
export const TARGET_WORDS = 800;

/** Trading days a chart shows before the article's date by default (and after it with afterPublication). */
const CHART_MARGIN = CHART.sideDays;

/** Small, fast, seedable generator (mulberry32): the corpus must not depend on Math.random. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const pick = <T>(rnd: Random, items: readonly T[]): T => {
  if (items.length === 0) throw new Error("bench corpus: nothing to pick from");
  return items[Math.floor(rnd() * items.length)]!;
};

/** `k` distinct items in a random order. */
function sample<T>(rnd: Random, items: readonly T[], k: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < k && pool.length > 0) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]!);
  return out;
}

const SUBJECTS = [
  "Investors",
  "Traders",
  "Fund managers",
  "Analysts at several brokers",
  "Chip buyers",
  "Regulators in Washington",
  "Officials in Beijing",
  "Carmakers",
  "Cloud providers",
  "Hedge funds",
  "Retail investors",
  "Pension funds",
];
const VERBS = [
  "weighed",
  "questioned",
  "reassessed",
  "focused on",
  "looked past",
  "worried about",
  "pointed to",
  "debated",
  "played down",
  "seized on",
];
const OBJECTS = [
  "the cost of training large models",
  "the outlook for data-centre spending",
  "export controls on advanced chips",
  "quarterly guidance from the largest suppliers",
  "the pace of price cuts in electric cars",
  "margins at the biggest cloud platforms",
  "the valuation of companies tied to artificial intelligence",
  "demand for graphics processors next year",
  "competition from cheaper open-source models",
  "the strength of consumer spending",
  "interest-rate expectations for the coming months",
  "capital spending plans announced this quarter",
];
const CLAUSES = [
  "after a volatile week on both sides of the Pacific",
  "as trading volumes climbed well above their recent average",
  "while bond yields held broadly steady",
  "even as the wider market recovered part of its losses",
  "before a string of earnings reports due later in the month",
  "with options markets pricing in larger swings than usual",
  "as the dollar edged higher against the yuan",
  "amid fresh comments from company executives",
  "despite reassurance from several large customers",
  "following a run of upbeat data on factory orders",
];
const ASIDES = [
  "That view is far from unanimous.",
  "Some strategists urged caution.",
  "The numbers tell a more nuanced story.",
  "History offers only a partial guide.",
  "Not everyone was convinced.",
  "The reaction was swift.",
  "Sentiment can change quickly.",
  "Few expected the move to last.",
];
const HEADINGS = [
  "What happened",
  "Why it matters",
  "The market reaction",
  "What analysts say",
  "The bigger picture",
  "What to watch",
  "Supply and demand",
  "The policy angle",
  "How the numbers compare",
  "Risks ahead",
];
const HEADLINE_VERBS = ["rallies", "slips", "swings", "steadies", "tumbles", "climbs", "wavers", "rebounds"];
const HEADLINE_ENDS = [
  "as investors reassess AI spending",
  "after a week of heavy trading",
  "on fresh questions over chip demand",
  "as open-source models gain ground",
  "while rivals cut prices",
  "ahead of quarterly results",
  "on signs of steadier demand",
  "as export rules tighten",
];

function sentence(rnd: Random): string {
  return `${pick(rnd, SUBJECTS)} ${pick(rnd, VERBS)} ${pick(rnd, OBJECTS)} ${pick(rnd, CLAUSES)}.`;
}

function paragraph(rnd: Random, extra: string[] = []): string {
  const sentences = Array.from({ length: 3 + Math.floor(rnd() * 3) }, () => sentence(rnd));
  if (rnd() < 0.4) sentences.splice(1, 0, pick(rnd, ASIDES));
  for (const text of extra) sentences.splice(1 + Math.floor(rnd() * sentences.length), 0, text);
  return sentences.join(" ");
}

/** The trading day of `bars` on or before `date` that has a day move (a previous bar, no gap between). */
function tradingDayFor(bars: readonly Bar[], events: SeriesEvents, date: string): string {
  let i = bars.length - 1;
  while (i > 1 && (bars[i]!.date > date || !hasDayMove(bars, bars[i]!.date, events))) i--;
  return bars[Math.max(i, 1)]!.date;
}

/** The synthetic articles, in a fixed order. */
export function generateCorpus(input: CorpusInput): CorpusArticle[] {
  const { count, tickers, tags, authors, bars, events } = input;
  if (tickers.length === 0 || tags.length === 0 || authors.length === 0) {
    throw new Error("bench corpus: needs tickers, tags and authors");
  }
  for (const ticker of tickers) {
    const series = bars.get(ticker.id);
    if (!series || series.length < 2 * CHART_MARGIN + 2) {
      throw new Error(`bench corpus: ticker ${ticker.id} needs at least ${2 * CHART_MARGIN + 2} bars`);
    }
  }
  const articles: CorpusArticle[] = [];
  for (let index = 0; index < count; index++) {
    const rnd = random((input.seed ?? 2025) * 1_000_003 + index);
    const primary = pick(rnd, tickers);
    const series = bars.get(primary.id)!;
    // A day well inside the data, so the chart's default range fits.
    const date = series[CHART_MARGIN + 1 + Math.floor(rnd() * (series.length - 2 * CHART_MARGIN - 2))]!.date;
    const others = sample(
      rnd,
      tickers.filter((t) => t.id !== primary.id),
      Math.floor(rnd() * 4),
    );
    const articleTickers = [primary, ...others];
    const articleTags = sample(rnd, tags, 2 + Math.floor(rnd() * 4));
    const chart = index % 5 === 0;

    const title = `${primary.name} ${pick(rnd, HEADLINE_VERBS)} ${pick(rnd, HEADLINE_ENDS)} (${index + 1})`;
    const slug = slugify(title);
    const description = `${primary.name} shares moved sharply as ${pick(rnd, OBJECTS)} dominated trading; ${articleTags.map((t) => t.label).join(", ")} in focus.`;

    const figure = (ticker: Ticker) => {
      const day = tradingDayFor(bars.get(ticker.id)!, events.get(ticker.id) ?? NO_EVENTS, date);
      return `${ticker.name} <Move ticker="${ticker.id}" date="${day}" /> to close at <Close ticker="${ticker.id}" date="${day}" />.`;
    };
    const links = [
      `Read more under [${articleTags[0]!.label}](${tagPath(articleTags[0]!.id)}).`,
      `See the [${primary.name} ticker page](${tickerPath(primary.id)}) for the full history.`,
    ];
    if (articles.length > 0) {
      const earlier = articles[Math.floor(rnd() * articles.length)]!;
      links.push(`We covered [an earlier turn in the story](${articlePath(earlier.slug)}).`);
    }

    const blocks: string[] = [paragraph(rnd, [figure(primary)]), paragraph(rnd, others.map(figure))];
    if (chart) blocks.push(`<PriceChart ticker="${primary.id}" />`);
    const headings = sample(rnd, HEADINGS, 4);
    let section = 0;
    do {
      const heading = headings[section % headings.length]!;
      blocks.push(`## ${heading}`, paragraph(rnd), paragraph(rnd, section === 0 ? links : []));
      if (section === 1) {
        blocks.push(
          [
            "Three things stood out:",
            "",
            `- ${sentence(rnd)}`,
            `- ${sentence(rnd)}`,
            `- ${sentence(rnd)}`,
          ].join("\n"),
        );
      }
      section++;
    } while (countWords(blocks.join("\n\n")) < TARGET_WORDS);
    const body = blocks.join("\n\n");

    const frontmatter = [
      "---",
      `title: ${JSON.stringify(title)}`,
      `description: ${JSON.stringify(description)}`,
      `date: ${date}`,
      `authors: [${authors[index % authors.length]}]`,
      `tickers: [${articleTickers.map((t) => t.id).join(", ")}]`,
      `tags: [${articleTags.map((t) => t.id).join(", ")}]`,
      "---",
    ].join("\n");
    articles.push({
      slug,
      file: `content/articles/${slug}.mdx`,
      date,
      text: `${frontmatter}\n\n${body}\n`,
      chart,
    });
  }
  return articles;
}

/** The corpus inputs of a site checkout: its tickers, tags and price snapshots. */
export function readCorpusInput(root: string, count: number, seed?: number): CorpusInput {
  const tickers = readTickers(join(root, CONTENT.tickers));
  const bars = new Map<string, Bar[]>();
  const events = new Map<string, SeriesEvents>();
  for (const ticker of tickers) {
    const file = join(root, CONTENT.prices, `${ticker.id}.json`);
    const snapshot = JSON.parse(readFileSync(file, "utf8")) as PriceSnapshot;
    bars.set(ticker.id, snapshot.bars);
    events.set(ticker.id, seriesEvents(snapshot));
  }
  const authors = readAuthors(join(root, CONTENT.authors)).map((a) => a.id);
  return { count, seed, tickers, tags: readTags(join(root, CONTENT.tags)), authors, bars, events };
}
