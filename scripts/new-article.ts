/**
 * Scaffolds a new article: content/articles/<slug>.mdx with valid frontmatter and a skeleton body.
 *
 *   npm run new -- "Headline" --tickers nvda,tsla --tags nvidia,markets [--date 2025-02-01] [--draft]
 *                  [--authors news-desk,data-desk] [--description "The dek"] [--slug file-name]
 *   npm run new                     (in a terminal: asks for each field)
 *
 * Every input is checked first against the schemas and the registries (content/tickers.yaml,
 * content/tags.yaml, content/authors.yaml, the existing articles); on any problem it prints them all and writes nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { CONTENT, ContentError, publicationState, slugify } from "../src/lib/content/index.ts";
import { articleFiles, readAuthors, readTags, readTickers } from "../src/lib/content/read.ts";
import { todayUtc, articlePath, site } from "../src/lib/site/index.ts";
import {
  articleFile,
  articleSource,
  DEV_SERVER_URL,
  exampleFor,
  parseList,
  problemLines,
  slugFor,
  validateNewArticle,
  type NewArticleField,
  type NewArticleInput,
  type Registries,
} from "./lib/new-article.ts";

const USAGE = `usage: npm run new -- "Headline" --tags <tag,tag> [--tickers <id,id>] [--date YYYY-MM-DD] [--draft]
                      [--authors <id,id>] [--description "<dek>"] [--slug <file-name>]
       npm run new    (no arguments, in a terminal: asks for each field)`;

const root = process.cwd();

function fail(lines: readonly string[], code = 1): never {
  for (const line of lines) console.error(line);
  process.exit(code);
}

function loadRegistries(): Registries {
  try {
    return {
      tickers: readTickers(join(root, CONTENT.tickers)),
      tags: readTags(join(root, CONTENT.tags)),
      authors: readAuthors(join(root, CONTENT.authors)),
      articleFiles: articleFiles(root),
    };
  } catch (error) {
    if (error instanceof ContentError) fail([...error.problems, "Fix these first (npm run check:content)."]);
    throw error;
  }
}

/** Dates of a ticker's bars, for the examples; none when its snapshot is missing or unreadable. */
function barDates(ticker: string): { date: string }[] {
  try {
    const snapshot = JSON.parse(readFileSync(join(root, CONTENT.prices, `${ticker}.json`), "utf8")) as {
      bars?: { date: string }[];
    };
    return Array.isArray(snapshot.bars) ? snapshot.bars : [];
  } catch {
    return [];
  }
}

function write(input: NewArticleInput, registries: Registries): void {
  const problems = validateNewArticle(input, registries);
  if (problems.size > 0) fail([...problemLines(problems), "Nothing was written."]);
  const slug = slugFor(input);
  const file = articleFile(slug);
  // content/tickers.yaml lists at least one ticker (its schema says so).
  const exampleTicker = input.tickers[0] ?? registries.tickers[0]!.id;
  const text = articleSource(input, exampleFor(exampleTicker, barDates(exampleTicker), input.date));
  mkdirSync(dirname(join(root, file)), { recursive: true });
  try {
    writeFileSync(join(root, file), text, { flag: "wx" });
  } catch (error) {
    fail([`${file}: cannot write: ${(error as Error).message}`, "Nothing was written."]);
  }
  console.log(`Created ${file}`);
  console.log(`Preview: ${DEV_SERVER_URL}${articlePath(slug)} (start the dev server with npm run dev)`);
  const state = publicationState({ data: { draft: input.draft, date: input.date } }, todayUtc());
  if (state === "draft")
    console.log("It is a draft: only the dev server shows it until you delete `draft: true`.");
  if (state === "scheduled")
    console.log(`It is scheduled: it goes live with the first build on or after ${input.date}.`);
}

function fromArguments(registries: Registries): void {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        tickers: { type: "string" },
        tags: { type: "string" },
        date: { type: "string" },
        draft: { type: "boolean", default: false },
        authors: { type: "string" },
        description: { type: "string" },
        slug: { type: "string" },
      },
    });
  } catch (error) {
    fail([(error as Error).message, USAGE], 2);
  }
  const { values, positionals } = parsed;
  const title = positionals.join(" ");
  if (title.trim() === "") fail(["headline: is required: give it in quotes first", USAGE], 2);
  write(
    {
      title,
      description: values.description,
      date: values.date ?? todayUtc(),
      authors: values.authors === undefined ? [site.defaultAuthor] : parseList(values.authors),
      tickers: parseList(values.tickers),
      tags: parseList(values.tags),
      draft: values.draft,
      slug: values.slug,
    },
    registries,
  );
}

/** Asks for each field in turn, re-asking until the answer is valid. Works on a terminal or a pipe. */
async function interactive(registries: Registries): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const lines = rl[Symbol.asyncIterator]();
  const input: NewArticleInput = {
    title: "",
    date: todayUtc(),
    authors: [site.defaultAuthor],
    tickers: [],
    tags: [],
    draft: false,
  };

  const ask = async (question: string, fallback?: string): Promise<string> => {
    rl.setPrompt(fallback ? `${question} [${fallback}]: ` : `${question}: `);
    rl.prompt();
    const next = await lines.next();
    if (next.done) {
      rl.close();
      fail(["", "Cancelled: nothing was written."]);
    }
    const answer = String(next.value).trim();
    return answer === "" && fallback !== undefined ? fallback : answer;
  };

  /** Asks until the field validates; other fields' problems wait for their turn. */
  const field = async (
    name: NewArticleField,
    question: string,
    apply: (answer: string) => void,
    fallback?: () => string,
  ) => {
    for (;;) {
      apply(await ask(question, fallback?.()));
      const problems = validateNewArticle(input, registries).get(name);
      if (!problems) return;
      for (const problem of problems) console.log(`  ${problem}`);
    }
  };

  console.log("New article. Press Enter to take the value in brackets; Ctrl-C cancels.");
  await field("title", "Headline", (a) => (input.title = a));
  await field(
    "slug",
    "File name",
    (a) => (input.slug = a),
    () => slugify(input.title) || "",
  );
  await field(
    "description",
    "Dek, 50 to 300 characters (Enter for a placeholder to replace later)",
    (a) => (input.description = a || undefined),
  );
  await field(
    "date",
    "Publication date, YYYY-MM-DD (a later date schedules it)",
    (a) => (input.date = a),
    () => todayUtc(),
  );
  await field(
    "authors",
    `Authors, comma-separated (known: ${registries.authors.map((a) => a.id).join(", ")})`,
    (a) => (input.authors = parseList(a)),
    () => site.defaultAuthor,
  );
  await field(
    "tickers",
    `Tickers, comma-separated (known: ${registries.tickers
      .map((t) => t.id)
      .sort()
      .join(", ")})`,
    (a) => (input.tickers = parseList(a)),
  );
  await field(
    "tags",
    "Tags, 1 to 8, comma-separated (the vocabulary is content/tags.yaml)",
    (a) => (input.tags = parseList(a)),
  );
  await field("draft", "Draft? y/N", (a) => (input.draft = /^y(es)?$/i.test(a)));
  rl.close();
  write(input, registries);
}

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
} else if (args.length === 0 && !process.stdin.isTTY) {
  fail(
    ["npm run new asks for each field only in a terminal; otherwise give the headline and options.", USAGE],
    2,
  );
} else if (args.length === 0 || (args.length === 1 && args[0] === "--interactive")) {
  // --interactive asks the questions on a pipe too (scripts, tests).
  await interactive(loadRegistries());
} else {
  fromArguments(loadRegistries());
}
