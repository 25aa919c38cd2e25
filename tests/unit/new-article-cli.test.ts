import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { articleFrontmatterSchema, parseFrontmatter } from "../../src/lib/content/index.ts";
import { auditContent } from "../../scripts/lib/content-audit.ts";
import { todayUtc, site } from "../../src/lib/site/index.ts";
import { makeSiteCopy } from "../support/site-copy.ts";

const SCRIPT = resolve("scripts/new-article.ts");
const ARTICLES = "content/articles";

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((cleanup) => cleanup());
  cleanups = [];
});

function copy(): string {
  const { dir, cleanup } = makeSiteCopy();
  cleanups.push(cleanup);
  return dir;
}

/** Runs `npm run new -- <args>` in `dir`, feeding `input` on stdin (a pipe, not a terminal). */
function runNew(dir: string, args: string[], input = "") {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: dir, input, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every article file with its text: what must not change when the command refuses. */
function snapshotArticles(dir: string): Record<string, string> {
  const base = join(dir, ARTICLES);
  return Object.fromEntries(readdirSync(base).map((name) => [name, readFileSync(join(base, name), "utf8")]));
}

const frontmatterOf = (dir: string, slug: string) =>
  articleFrontmatterSchema.parse(
    parseFrontmatter(readFileSync(join(dir, ARTICLES, `${slug}.mdx`), "utf8"), slug).data,
  );

describe("npm run new with arguments", () => {
  it("creates a valid article and prints its path and preview URL", () => {
    const dir = copy();
    const result = runNew(dir, [
      "Nvidia and Tesla slide",
      "--tickers",
      "nvda,tsla",
      "--tags",
      "nvidia,markets",
      "--date",
      "2025-02-01",
      "--draft",
    ]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Created content/articles/nvidia-and-tesla-slide.mdx\n");
    expect(result.stdout).toContain("http://localhost:4321/articles/nvidia-and-tesla-slide/");
    expect(frontmatterOf(dir, "nvidia-and-tesla-slide")).toEqual({
      title: "Nvidia and Tesla slide",
      description: expect.any(String),
      date: "2025-02-01",
      authors: [site.defaultAuthor],
      tickers: ["nvda", "tsla"],
      tags: ["nvidia", "markets"],
      draft: true,
      format: "news",
      updates: [],
      corrections: [],
    });
    const audit = auditContent(dir);
    expect(audit.problems).toEqual([]);
    expect(audit.warnings).toEqual([
      "content/articles/nvidia-and-tesla-slide.mdx: description: still the placeholder written by npm run new; write the dek",
    ]);
  });

  it("dates the article today by default and takes the authors, dek and file name given", () => {
    const dir = copy();
    const dek = "Baidu's shares rose as investors bet its new models could keep pace with its rivals.";
    const result = runNew(dir, [
      "Baidu gains",
      "--tags=baidu",
      "--authors",
      "markets-desk,data-desk",
      "--description",
      dek,
      "--slug",
      "baidu-gains-again",
    ]);
    expect(result.status).toBe(0);
    expect(frontmatterOf(dir, "baidu-gains-again")).toMatchObject({
      date: todayUtc(),
      authors: ["markets-desk", "data-desk"],
      description: dek,
      tickers: [],
      draft: false,
    });
  });

  it.each([
    [
      "an unknown ticker",
      ["Headline", "--tickers", "nvda,nvdx", "--tags", "nvidia"],
      /--tickers: unknown ticker "nvdx" \(known: .*nvda/,
    ],
    [
      "a malformed tag",
      ["Headline", "--tags", "Nvidia"],
      /--tags: "Nvidia" is not a valid tag: use lowercase/,
    ],
    [
      "a tag outside the vocabulary",
      ["Headline", "--tags", "crypto"],
      /--tags: unknown tag "crypto"; use a tag from content\/tags.yaml/,
    ],
    [
      "an existing slug",
      ["Nvidia record one-day loss", "--tags", "nvidia"],
      /--slug: slug "nvidia-record-one-day-loss" is already used by content\/articles\/nvidia-record-one-day-loss.mdx/,
    ],
    [
      "a bad date",
      ["Headline", "--tags", "nvidia", "--date", "2025-02-30"],
      /--date: "2025-02-30" is not a calendar date/,
    ],
  ])("refuses %s and writes nothing", (_name, args, message) => {
    const dir = copy();
    const before = snapshotArticles(dir);
    const result = runNew(dir, args);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("Nothing was written.");
    expect(result.stdout).toBe("");
    expect(snapshotArticles(dir)).toEqual(before);
  });

  it("explains its usage when the headline is missing or an option is unknown", () => {
    const dir = copy();
    const before = snapshotArticles(dir);
    expect(runNew(dir, ["--tags", "nvidia"])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/headline: is required[\s\S]*usage: npm run new/),
    });
    expect(runNew(dir, ["Headline", "--tag", "nvidia"])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/Unknown option '--tag'[\s\S]*usage:/),
    });
    expect(snapshotArticles(dir)).toEqual(before);
  });
});

describe("npm run new, interactive", () => {
  it("refuses to wait for answers when no terminal is attached and no arguments are given", () => {
    const dir = copy();
    const before = snapshotArticles(dir);
    const result = runNew(dir, []);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/only in a terminal/);
    expect(snapshotArticles(dir)).toEqual(before);
  });

  it("asks again after a bad answer, then writes the article (answers on stdin)", () => {
    const dir = copy();
    const answers = [
      "Tesla slides again", // headline
      "", // file name: take the one made from the headline
      "Too short.", // dek: refused
      "", // dek: placeholder
      "2025-02-31", // date: refused
      "2025-02-11",
      "", // authors: default
      "tsla, nvdx", // tickers: refused
      "tsla",
      "Tesla", // tags: refused
      "tesla, electric-vehicles",
      "y", // draft
    ];
    const result = runNew(dir, ["--interactive"], answers.join("\n") + "\n");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("is 10 characters long; a dek needs 50 to 300 characters");
    expect(result.stdout).toContain('"2025-02-31" is not a calendar date');
    expect(result.stdout).toContain('unknown ticker "nvdx"');
    expect(result.stdout).toContain('"Tesla" is not a valid tag');
    expect(result.stdout).toContain("Created content/articles/tesla-slides-again.mdx");
    expect(frontmatterOf(dir, "tesla-slides-again")).toMatchObject({
      title: "Tesla slides again",
      date: "2025-02-11",
      authors: [site.defaultAuthor],
      tickers: ["tsla"],
      tags: ["tesla", "electric-vehicles"],
      draft: true,
    });
  });

  it("writes nothing when the answers stop early", () => {
    const dir = copy();
    const before = snapshotArticles(dir);
    const result = runNew(dir, ["--interactive"], "A headline\n\n");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Cancelled: nothing was written.");
    expect(snapshotArticles(dir)).toEqual(before);
  });

  it("runs with no arguments in a terminal (a pseudo-terminal driven like a person would)", async () => {
    const dir = copy();
    // util-linux `script` gives the command a pseudo-terminal; each answer is typed once its question shows.
    const conversation: [RegExp, string][] = [
      [/Headline: /, "BYD's shares jump"],
      [/File name \[byds-shares-jump\]: /, ""],
      [/Dek, 50 to 300 characters.*: /, ""],
      [/Publication date, YYYY-MM-DD.*\]: /, "2025-02-12"],
      [/Authors, comma-separated \(known: .*\) \[news-desk\]: /, ""],
      [/Tickers, comma-separated.*: /, "byd"],
      [/Tags, 1 to 8.*: /, "byd, markets"],
      [/Draft\? y\/N: /, "n"],
    ];
    const child = spawn("script", ["-qec", `${process.execPath} ${SCRIPT}`, "/dev/null"], { cwd: dir });
    let output = "";
    let step = 0;
    let consumed = 0;
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const next = conversation[step];
      if (next && next[0].test(output.slice(consumed))) {
        consumed = output.length;
        step++;
        child.stdin.write(`${next[1]}\r`);
      }
    });
    const status = await new Promise<number | null>((done) => child.on("close", done));
    expect(step, output).toBe(conversation.length);
    expect(status, output).toBe(0);
    expect(output).toContain("Created content/articles/byds-shares-jump.mdx");
    expect(existsSync(join(dir, ARTICLES, "byds-shares-jump.mdx"))).toBe(true);
    expect(frontmatterOf(dir, "byds-shares-jump")).toMatchObject({
      date: "2025-02-12",
      authors: ["news-desk"],
      tickers: ["byd"],
      draft: false,
    });
  });
});
