/**
 * The publication rule over real production builds: drafts and scheduled articles leave no trace in
 * any output (page, lists, tag and ticker pages and counts, feeds, sitemap, search index), and a
 * scheduled article goes live with the first build on or after its date. The fixture articles are
 * made with `npm run new`, so these builds also prove its articles build.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSiteCopy, run, type Overrides } from "../support/site-copy";
import { distFiles, readDist } from "../support/dist";

const BUILD_DATE = "2025-06-01";
const SCHEDULED_DATE = "2025-06-02";
const A = "content/articles";

/** Each fixture: how `npm run new` makes it and a word that appears only in its body. */
const FIXTURES = {
  draft: {
    slug: "draft-fixture-zephyr",
    args: [
      "Draft fixture zephyr",
      "--date",
      "2025-03-20",
      "--draft",
      "--tags",
      "openai,markets",
      "--tickers",
      "msft",
    ],
    word: "zephyrquartz",
  },
  scheduled: {
    slug: "scheduled-fixture-quill",
    args: [
      "Scheduled fixture quill",
      "--date",
      SCHEDULED_DATE,
      "--tags",
      "openai,policy",
      "--tickers",
      "meta",
    ],
    word: "quillmoraine",
  },
  published: {
    slug: "published-fixture-fennel",
    args: [
      "Published fixture fennel",
      "--date",
      "2025-05-30",
      "--tags",
      "openai,markets",
      "--tickers",
      "msft",
    ],
    word: "fennelharbour",
  },
} as const;

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function copy(overrides: Overrides = {}): string {
  const made = makeSiteCopy(overrides);
  cleanups.push(made.cleanup);
  return made.dir;
}

/** `npm run build` (Astro, then the Pagefind index), as the deployment runs it, as of `date`. */
function build(dir: string, date: string): string {
  const result = run(dir, "npm", ["run", "build"], { BUILD_DATE: date });
  expect(result.status, result.output).toBe(0);
  return join(dir, "dist");
}

/** The fixture articles, written by the scaffolder with a distinctive paragraph added. */
function scaffoldFixtures(): Record<keyof typeof FIXTURES, string> {
  const dir = copy();
  const texts = {} as Record<keyof typeof FIXTURES, string>;
  for (const [name, fixture] of Object.entries(FIXTURES) as [
    keyof typeof FIXTURES,
    (typeof FIXTURES)[keyof typeof FIXTURES],
  ][]) {
    const made = spawnSync(process.execPath, [resolve("scripts/new-article.ts"), ...fixture.args], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(made.status, made.stderr).toBe(0);
    const file = join(dir, A, `${fixture.slug}.mdx`);
    // A chart too: a leaked article would also leave chart images behind (feeds reference them).
    const ticker = fixture.args[fixture.args.indexOf("--tickers") + 1];
    appendFileSync(
      file,
      `\nThe word ${fixture.word} appears in this article only.\n\n<PriceChart ticker="${ticker}" from="2025-01-13" to="2025-02-14" />\n`,
    );
    texts[name] = readFileSync(file, "utf8");
  }
  return texts;
}

/** Outputs a reader, a feed reader or a search engine could reach an article through, by kind. */
type OutputKind =
  | "article pages"
  | "lists and tag/ticker pages"
  | "feeds"
  | "sitemap"
  | "search index"
  | "social images"
  | "other data";

function outputsOf(dist: string): Record<OutputKind, string[]> {
  const files = distFiles(undefined, dist);
  return {
    "article pages": files.filter((f) => f.startsWith("articles/") && f.endsWith("index.html")),
    "lists and tag/ticker pages": files.filter((f) => f.endsWith(".html") && !f.startsWith("articles/")),
    feeds: files.filter((f) => f.endsWith("rss.xml")),
    sitemap: files.filter((f) => /^sitemap.*\.xml$/.test(f)),
    "search index": files.filter((f) => f.startsWith("pagefind/")),
    "social images": files.filter((f) => f.startsWith("og/")),
    "other data": files.filter(
      (f) => /\.(json|txt|xml)$/.test(f) && !f.endsWith("rss.xml") && !f.startsWith("sitemap"),
    ),
  };
}

/** Outputs of one kind whose path or text mentions any of the fixture's marks (slug, title, body word). */
function mentions(
  dist: string,
  files: string[],
  fixture: (typeof FIXTURES)[keyof typeof FIXTURES],
): string[] {
  const marks = [fixture.slug, fixture.word, fixture.args[0]];
  return files.filter((file) => {
    const text = /\.(png|jpe?g|webp|avif|woff2?)$/.test(file) ? "" : readDist(file, dist);
    return marks.some((mark) => file.includes(mark) || text.includes(mark));
  });
}

let fixtures: Record<keyof typeof FIXTURES, string>;
let withUnpublished: string;
let withoutUnpublished: string;
let afterScheduledDate: string;
const EDIT_BASE = "https://github.com/example/market-desk/edit/main/content";

beforeAll(() => {
  fixtures = scaffoldFixtures();
  const published = { [`${A}/${FIXTURES.published.slug}.mdx`]: fixtures.published };
  const unpublished = {
    [`${A}/${FIXTURES.draft.slug}.mdx`]: fixtures.draft,
    [`${A}/${FIXTURES.scheduled.slug}.mdx`]: fixtures.scheduled,
  };
  // The same files under `_` names, which the content loader ignores: the text is in the project
  // (where Tailwind, for one, scans it) but the articles do not exist.
  const ignored = Object.fromEntries(
    Object.entries(unpublished).map(([path, text]) => [path.replace(`${A}/`, `${A}/_`), text]),
  );
  withUnpublished = build(copy({ ...published, ...unpublished }), BUILD_DATE);
  withoutUnpublished = build(copy({ ...published, ...ignored }), BUILD_DATE);
  const site = readFileSync("src/lib/site/config.ts", "utf8");
  expect(site).toContain('editBaseUrl: "",');
  afterScheduledDate = build(
    copy({
      ...published,
      ...unpublished,
      "src/lib/site/config.ts": site.replace('editBaseUrl: "",', `editBaseUrl: "${EDIT_BASE}",`),
    }),
    SCHEDULED_DATE,
  );
}, 600_000);

describe("a production build with a draft and a scheduled article", () => {
  it("builds the article npm run new made", () => {
    expect(distFiles(undefined, withUnpublished)).toContain(`articles/${FIXTURES.published.slug}/index.html`);
    expect(readDist(`articles/${FIXTURES.published.slug}/index.html`, withUnpublished)).toContain(
      FIXTURES.published.word,
    );
  });

  it("is identical, file for file and byte for byte, to the build without them", () => {
    const files = distFiles(undefined, withUnpublished);
    expect(files).toEqual(distFiles(undefined, withoutUnpublished));
    const different = files.filter(
      (file) =>
        !readFileSync(join(withUnpublished, file)).equals(readFileSync(join(withoutUnpublished, file))),
    );
    expect(different).toEqual([]);
  });

  it.each(["draft", "scheduled"] as const)("has no trace of the %s article in any output", (name) => {
    const outputs = outputsOf(withUnpublished);
    expect(outputs["article pages"].length).toBeGreaterThan(0);
    expect(outputs.sitemap.length).toBeGreaterThan(0);
    for (const [kind, files] of Object.entries(outputs)) {
      expect(mentions(withUnpublished, files, FIXTURES[name]), kind).toEqual([]);
    }
  });

  // The outputs the issue names, by name: each exists, leaves the draft and the scheduled article out,
  // and (a control that the search works) shows the published fixture made at the same time.
  const named: [string, string[], boolean][] = [
    ["home page list", ["index.html"], true],
    ["tag page", ["tags/openai/index.html"], true],
    ["ticker page (draft's and published fixture's ticker)", ["tickers/msft/index.html"], true],
    ["ticker page (scheduled article's ticker)", ["tickers/meta/index.html"], false],
    ["site feed", ["rss.xml"], true],
    ["tag feed", ["tags/openai/rss.xml"], true],
    ["ticker feed", ["tickers/msft/rss.xml"], true],
    ["sitemap", ["sitemap-index.xml", "sitemap-0.xml"], true],
    ["search index", ["pagefind/0/pagefind-entry.json"], false],
  ];
  it.each(named)("%s: exists, without the draft or the scheduled article", (_kind, files, listsPublished) => {
    for (const file of files) expect(distFiles(undefined, withUnpublished), file).toContain(file);
    for (const name of ["draft", "scheduled"] as const) {
      expect(mentions(withUnpublished, files, FIXTURES[name])).toEqual([]);
    }
    if (listsPublished) expect(mentions(withUnpublished, files, FIXTURES.published)).not.toEqual([]);
  });

  it("counts only the published article on the tag and ticker indexes", () => {
    // The draft and the scheduled article share the openai tag and the msft ticker with the published
    // fixture; the indexes must read as if they did not exist.
    for (const file of ["tags/index.html", "tickers/index.html"]) {
      expect(readDist(file, withUnpublished), file).toBe(readDist(file, withoutUnpublished));
    }
  });

  it("lists the published fixture in each kind of output, so the search above can find an article", () => {
    const outputs = outputsOf(withUnpublished);
    for (const kind of ["article pages", "feeds", "sitemap", "search index", "social images"] as const) {
      expect(outputs[kind].length, kind).toBeGreaterThan(0);
      expect(mentions(withUnpublished, outputs[kind], FIXTURES.published), kind).not.toEqual([]);
    }
  });

  it("shows no publication banner", () => {
    for (const file of distFiles(undefined, withUnpublished).filter((f) => f.endsWith(".html"))) {
      expect(readDist(file, withUnpublished), file).not.toContain("data-publication-state");
    }
  });
});

describe("a build on the scheduled date", () => {
  it("publishes the scheduled article, with no banner, and still leaves the draft out", () => {
    const page = readDist(`articles/${FIXTURES.scheduled.slug}/index.html`, afterScheduledDate);
    expect(distFiles(undefined, afterScheduledDate)).toContain(
      `articles/${FIXTURES.scheduled.slug}/index.html`,
    );
    expect(page).toContain(FIXTURES.scheduled.word);
    expect(page).not.toContain("data-publication-state");
    expect(readDist("sitemap-0.xml", afterScheduledDate)).toContain(`/articles/${FIXTURES.scheduled.slug}/`);
    for (const files of Object.values(outputsOf(afterScheduledDate))) {
      expect(mentions(afterScheduledDate, files, FIXTURES.draft)).toEqual([]);
    }
  });

  it("links each article to its file when the site sets editBaseUrl", () => {
    const html = readDist(`articles/${FIXTURES.scheduled.slug}/index.html`, afterScheduledDate);
    expect(html).toMatch(
      new RegExp(
        `<a href="${EDIT_BASE}/articles/${FIXTURES.scheduled.slug}\\.mdx"[^>]*data-edit-link[^>]*>\\s*Edit this article`,
      ),
    );
  });
});

describe("the site's own build", () => {
  it("has no edit link while editBaseUrl is unset, and no banner", () => {
    for (const file of distFiles(".html").filter((f) => f.startsWith("articles/"))) {
      expect(readDist(file), file).not.toContain("data-edit-link");
      expect(readDist(file), file).not.toContain("data-publication-state");
    }
  });
});
