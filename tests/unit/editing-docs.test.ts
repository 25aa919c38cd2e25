/**
 * The editing guide covers what the code defines: every frontmatter field, every tag of the vocabulary,
 * every component and its props, every ticker field and every import option. A field added to the
 * schema or a tag added to content/tags.yaml without a line in the guide fails here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "astro/zod";
import { articleSchema, tickerSchema, CONTENT } from "../../src/lib/content/index.ts";
import { readTags } from "../../src/lib/content/read.ts";
import { componentDocs, withComponentDocs } from "../../scripts/lib/component-docs.ts";
import { MDX_COMPONENT_NAMES } from "../../src/lib/mdx/index.ts";

const guide = readFileSync("docs/editing.md", "utf8");

/** A level-2 or level-3 section of the guide, by its heading. */
function section(heading: string): string {
  const start = guide.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const level = heading.split(" ")[0]!;
  const rest = guide.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`\\n#{2,${level.length}} `));
  return end === -1 ? rest : rest.slice(0, end);
}

/** Field names a strict schema accepts, as its "not a known field" message lists them. */
function fieldsOf(schema: z.ZodType): string[] {
  const result = schema.safeParse({ "-probe-": 1 });
  const issue = result.error?.issues.find((i) => i.path[0] === "-probe-");
  const list = /the fields are (.*)$/.exec(issue?.message ?? "")?.[1];
  if (!list) throw new Error("the schema did not list its fields");
  return list.split(", ");
}

/** Names in the first column of a section's tables: | `name` | ... */
const tableNames = (text: string) => [...text.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]);

describe("docs/editing.md", () => {
  it("is linked from the README", () => {
    expect(readFileSync("README.md", "utf8")).toContain("(docs/editing.md)");
  });

  it("documents every frontmatter field", () => {
    const fields = fieldsOf(articleSchema(() => z.string()));
    expect(fields).toContain("title");
    expect(tableNames(section("## Frontmatter fields")).sort()).toEqual([...fields].sort());
  });

  it("lists the whole tag vocabulary", () => {
    const tags = readTags(CONTENT.tags).map((t) => t.id);
    expect(tableNames(section("## The tag vocabulary")).sort()).toEqual([...tags].sort());
  });

  it("holds the component section as the registry writes it (npm run docs)", async () => {
    expect(withComponentDocs(guide, await componentDocs()), "run npm run docs").toBe(guide);
  });

  it.each(MDX_COMPONENT_NAMES)("documents <%s> with its props and an example that uses it", (name) => {
    const text = section(`### \`<${name}>\``);
    expect(tableNames(text).length).toBeGreaterThan(0);
    expect(text).toMatch(new RegExp("```mdx[\\s\\S]*<" + name + "\\b"));
  });

  it("documents every ticker field", () => {
    expect(tableNames(section("### Add a ticker")).sort()).toEqual(fieldsOf(tickerSchema).sort());
  });

  it("shows every option of the price import", () => {
    const script = readFileSync("scripts/import-prices.ts", "utf8");
    const usage = /const USAGE =\s*"([^"]+)"/.exec(script)![1]!;
    const options = [...usage.matchAll(/--[a-z-]+/g)].map((m) => m[0]);
    expect(options.length).toBeGreaterThan(4);
    for (const option of options) expect(section("### Import prices")).toContain(option);
  });
});
