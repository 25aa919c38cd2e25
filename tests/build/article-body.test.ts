/**
 * An article body as the loader compiles it (src/lib/mdx/compile.ts) and the page renders it: a local
 * image next to the article comes out as Astro's optimised image, on the page and in the feeds, and
 * no article is compiled to a module (tests/build/hybrid.test.ts checks the server bundle holds none).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCopy, makeSiteCopy } from "../support/site-copy";

const SLUG = "baidu-releases-reasoning-model";
const DRAWING =
  '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"><rect width="320" height="180" fill="#ddd"/></svg>\n';

let dir: string;
let cleanup: () => void;
let build: { status: number | null; output: string };
const read = (file: string) => readFileSync(join(dir, "dist", file), "utf8");

beforeAll(() => {
  const source = readFileSync(`content/articles/${SLUG}.mdx`, "utf8");
  ({ dir, cleanup } = makeSiteCopy({
    [`content/articles/${SLUG}.mdx`]: `${source}\n![A grey drawing of the two models](./images/drawing.svg)\n`,
    "content/articles/images/drawing.svg": DRAWING,
  }));
  build = buildCopy(dir);
}, 300_000);

afterAll(() => cleanup());

describe("an article body", () => {
  it("shows a local image as Astro's optimised file, with its size and text alternative", () => {
    expect(build.status, build.output).toBe(0);
    const page = read(`articles/${SLUG}/index.html`);
    expect(page).toContain(
      '<img alt="A grey drawing of the two models" loading="lazy" decoding="async" width="320" height="180" src="/_astro/drawing.',
    );
    const file = /src="(\/_astro\/drawing\.[\w-]+\.svg)"/.exec(page)![1]!;
    expect(readFileSync(join(dir, "dist", file), "utf8")).toBe(DRAWING);
  });

  it("carries the image into the feeds at its absolute address", () => {
    expect(read("rss.xml")).toMatch(
      /img alt=&quot;A grey drawing of the two models&quot; loading=&quot;lazy&quot; decoding=&quot;async&quot; width=&quot;320&quot; height=&quot;180&quot; src=&quot;https:\/\/marketdesk\.example\/_astro\/drawing\.[\w-]+\.svg&quot;/,
    );
  });

  it("is compiled when the content loads, not bundled as a module", () => {
    // Astro lists here every entry it compiles to a module for Vite to bundle.
    expect(readFileSync(join(dir, ".astro/content-modules.mjs"), "utf8")).toBe("export default new Map();");
  });

  it("is kept in a static build's content store neither as MDX nor as HTML: the page compiles it", () => {
    // Only a hybrid build's store keeps the HTML, for its server (tests/build/hybrid.test.ts).
    const store = readFileSync(join(dir, "node_modules/.astro/data-store.json"), "utf8");
    expect(store).toContain("Baidu");
    expect(store).toContain("compiledOnRequest");
    expect(store).not.toContain("![A grey drawing of the two models](./images/drawing.svg)");
    expect(store).not.toMatch(/\\u003Cp>[^"]*Baidu/);
    expect(read(`articles/${SLUG}/index.html`)).toMatch(/<p>[^<]*Baidu/);
  });
});
