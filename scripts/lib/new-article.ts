/**
 * The pure part of `npm run new`: checks what the editor asked for against the schemas and the
 * registries (the same rules and messages as the build), and writes the new article's MDX text.
 * scripts/new-article.ts reads the files, asks the questions and writes the result.
 */
import {
  idOfFile,
  CONTENT,
  slugTaken,
  unknownAuthor,
  unknownTag,
  unknownTicker,
  articleFrontmatterSchema,
  slug as slugSchema,
  show,
  type Author,
  type Tag,
  type Ticker,
  slugify,
} from "../../src/lib/content/index.ts";

/**
 * The dek a new article gets when the editor gives none: valid, so the article builds at once, and
 * flagged by `npm run check:content` until it is replaced.
 */
export const PLACEHOLDER_DEK =
  "Write the dek here: one or two sentences, 50 to 300 characters, saying what happened and why it matters.";

/** What the editor asks for, as typed (lists already split). */
export interface NewArticleInput {
  title: string;
  description?: string;
  /** YYYY-MM-DD; the caller fills in today's date when none is given. */
  date: string;
  /** Author ids, in byline order. */
  authors: string[];
  tickers: string[];
  tags: string[];
  draft: boolean;
  /** File name to use instead of the one made from the title. */
  slug?: string;
}

/** The fields of the input, in the order `npm run new` asks for them. */
const NEW_ARTICLE_FIELDS = [
  "title",
  "slug",
  "description",
  "date",
  "authors",
  "tickers",
  "tags",
  "draft",
] as const;
export type NewArticleField = (typeof NEW_ARTICLE_FIELDS)[number];

/** How each field is given on the command line, for messages: `--tags: "AI" is not a valid tag...`. */
const OPTION_NAMES: Record<NewArticleField, string> = {
  title: "headline",
  slug: "--slug",
  description: "--description",
  date: "--date",
  authors: "--authors",
  tickers: "--tickers",
  tags: "--tags",
  draft: "--draft",
};

export interface Registries {
  tickers: readonly Ticker[];
  tags: readonly Tag[];
  authors: readonly Author[];
  /** Existing article files (root-relative), whose names are taken. */
  articleFiles: readonly string[];
}

/** "nvda, tsla" or "nvda tsla" -> ["nvda", "tsla"]; blanks are dropped. */
export function parseList(text: string | undefined): string[] {
  return (text ?? "").split(/[\s,]+/).filter(Boolean);
}

const articleSlug = slugSchema("file name");
/** Whether an id is a well-formed slug; malformed ones are reported by the schema already. */
const wellFormed = (id: string) => articleSlug.safeParse(id).success;

/** The slug the article will get: the one given, else one made from the title. */
export function slugFor(input: Pick<NewArticleInput, "title" | "slug">): string {
  return input.slug ?? slugify(input.title);
}

/** The frontmatter the input becomes; `draft` is written only when true. */
function frontmatterOf(input: NewArticleInput) {
  return {
    title: input.title,
    description: input.description ?? PLACEHOLDER_DEK,
    date: input.date,
    authors: input.authors,
    tickers: input.tickers,
    tags: input.tags,
    ...(input.draft ? { draft: true } : {}),
  };
}

/**
 * Every problem with the input, by field; an empty map means the article can be written. The
 * wording is the schema's and the cross-collection checks', so it matches what the build would say.
 */
export function validateNewArticle(
  input: NewArticleInput,
  registries: Registries,
): Map<NewArticleField, string[]> {
  const problems = new Map<NewArticleField, string[]>();
  const add = (field: NewArticleField, message: string) =>
    problems.set(field, [...(problems.get(field) ?? []), message]);

  const result = articleFrontmatterSchema.safeParse(frontmatterOf(input), { reportInput: true });
  for (const issue of result.success ? [] : result.error.issues) {
    const field = issue.path[0];
    const known = NEW_ARTICLE_FIELDS.find((f) => f === field);
    add(known ?? "title", issue.message);
  }

  const tickerIds = registries.tickers.map((t) => t.id);
  for (const id of input.tickers) {
    if (wellFormed(id) && !tickerIds.includes(id)) add("tickers", unknownTicker(id, tickerIds));
  }
  const tagIds = registries.tags.map((t) => t.id);
  for (const id of input.tags) {
    if (wellFormed(id) && !tagIds.includes(id)) add("tags", unknownTag(id, tagIds));
  }
  const authorIds = registries.authors.map((a) => a.id);
  for (const id of input.authors) {
    if (wellFormed(id) && !authorIds.includes(id)) add("authors", unknownAuthor(id, authorIds));
  }

  const slug = slugFor(input);
  if (input.slug !== undefined) {
    const checked = articleSlug.safeParse(input.slug, { reportInput: true });
    if (!checked.success) add("slug", checked.error.issues[0]!.message);
  } else if (slug === "" && input.title.trim() !== "") {
    add(
      "slug",
      `the headline ${show(input.title)} has no letters or digits to make a file name from; give one with --slug`,
    );
  }
  const taken = registries.articleFiles.find((file) => idOfFile(file) === slug);
  if (slug && taken) add("slug", `${slugTaken(slug, taken)}; choose another with --slug`);
  return problems;
}

/** Problems as command-line lines: `--tags: "AI" is not a valid tag...`. */
export function problemLines(problems: Map<NewArticleField, string[]>): string[] {
  return [...problems].flatMap(([field, messages]) => messages.map((m) => `${OPTION_NAMES[field]}: ${m}`));
}

/** A YAML double-quoted scalar: JSON's string escapes are valid YAML. */
const quoted = (text: string) => JSON.stringify(text);

/** Where the commented examples in a new article point: a ticker and dates its data has. */
export interface Example {
  ticker: string;
  /** A trading day with a previous close, for the `<Move>` example. */
  date: string;
  /** A range inside the data, for the `<PriceChart>` example. */
  from: string;
  to: string;
}

/** The MDX text of a new article: frontmatter, then a commented guide to the components and a skeleton. */
export function articleSource(input: NewArticleInput, example: Example): string {
  const data = frontmatterOf(input);
  const lines = [
    "---",
    `title: ${quoted(data.title)}`,
    `description: ${quoted(data.description)}`,
    `date: ${data.date}`,
    `authors: [${data.authors.join(", ")}]`,
    `tickers: [${data.tickers.join(", ")}]`,
    `tags: [${data.tags.join(", ")}]`,
    ...(data.draft ? ["draft: true"] : []),
    "---",
    "",
    "{/*",
    "  Write the article below in Markdown. Figures and charts come from the price data, so the text",
    "  always matches it. To use an example, copy it out of this comment and change its ticker and dates.",
    "  docs/editing.md lists every component and its props. Delete this comment when you are done.",
    "",
    "  The day's move in words (rose or fell, and by how much), computed from the data:",
    `  <Move ticker="${example.ticker}" date="${example.date}" />`,
    "",
    "  The change between two closes, and a day's close with its currency:",
    `  <Move ticker="${example.ticker}" from="${example.from}" to="${example.to}" />`,
    `  <Close ticker="${example.ticker}" date="${example.date}" />`,
    "",
    "  A price chart with a caption stating the move (without from and to: the days around the",
    "  article's date):",
    `  <PriceChart ticker="${example.ticker}" from="${example.from}" to="${example.to}" />`,
    "*/}",
    "",
    "Write the opening paragraph here: what happened, to whom, and why it matters to investors.",
    "",
    "## What happened",
    "",
    "## What to watch",
    "",
  ];
  return lines.join("\n");
}

/**
 * Example ticker and dates for the commented examples: the last trading day on or before the
 * article's date that has a previous close (else the last in the data), and the ten trading days
 * before it.
 */
export function exampleFor(ticker: string, bars: readonly { date: string }[], articleDate: string): Example {
  const upTo = bars.filter((bar) => bar.date <= articleDate).length - 1;
  const index = Math.max(1, upTo < 1 ? bars.length - 1 : upTo);
  const day = bars[index]?.date ?? articleDate;
  return { ticker, date: day, from: bars[Math.max(0, index - 10)]?.date ?? day, to: day };
}

/** The dev server's address (`astro dev` listens on port 4321 unless told otherwise). */
export const DEV_SERVER_URL = "http://localhost:4321";

/** Root-relative path of an article file. */
export function articleFile(slug: string): string {
  return `${CONTENT.articles}/${slug}.mdx`;
}
