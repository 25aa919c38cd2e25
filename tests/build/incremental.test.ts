/**
 * Incremental builds (experimental.incrementalBuild) copy unchanged pages from the previous build.
 * The one property that matters: a rebuild after an edit gives exactly the output a cold build of the
 * edited sources gives. Here one article's headline changes; its own page, and the pages that show it
 * (related and adjacent stories, lists, feeds) must change, and nothing may be left stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distFiles } from "../support/dist";
import { buildSite, makeSiteCopy } from "../support/site-copy";

const EDITED = "content/articles/tesla-climbs-after-austin-robotaxi-pilot.mdx";
const NEW_TITLE = "Tesla rises as its robotaxi pilot begins in Austin";
const edit = (source: string) => source.replace(/^title: .*$/m, `title: "${NEW_TITLE}"`);

const warm = makeSiteCopy({}, { prefix: "market-desk-warm-" });
let cold: ReturnType<typeof makeSiteCopy>;
let rebuild: { status: number | null; output: string };
let fresh: { status: number | null; output: string };

beforeAll(() => {
  const first = buildSite(warm.dir);
  if (first.status !== 0) throw new Error(first.output.slice(-4000));
  const path = join(warm.dir, EDITED);
  const edited = edit(readFileSync(path, "utf8"));
  writeFileSync(path, edited);
  rebuild = buildSite(warm.dir);
  cold = makeSiteCopy({ [EDITED]: edited }, { prefix: "market-desk-cold-" });
  fresh = buildSite(cold.dir);
}, 600_000);

afterAll(() => {
  warm.cleanup();
  cold?.cleanup();
});

describe("a rebuild after editing one headline", () => {
  it("succeeds, copying the unaffected article pages instead of rendering them", () => {
    expect(rebuild.status, rebuild.output.slice(-4000)).toBe(0);
    expect(rebuild.output).toMatch(/\/articles\/[a-z0-9-]+\/index\.html \(restored\)/);
    expect(rebuild.output).not.toContain(
      "/articles/tesla-climbs-after-austin-robotaxi-pilot/index.html (restored)",
    );
  });

  it("gives byte for byte the output of a cold build of the edited sources", () => {
    expect(fresh.status, fresh.output.slice(-4000)).toBe(0);
    const warmDist = join(warm.dir, "dist");
    const coldDist = join(cold.dir, "dist");
    const files = distFiles(undefined, coldDist);
    expect(distFiles(undefined, warmDist)).toEqual(files);
    const stale = files.filter(
      (file) => !readFileSync(join(warmDist, file)).equals(readFileSync(join(coldDist, file))),
    );
    expect(stale).toEqual([]);
  });

  it("shows the new headline on the pages that link to the story", () => {
    const html = (file: string) => readFileSync(join(warm.dir, "dist", file), "utf8");
    expect(html("articles/tesla-climbs-after-austin-robotaxi-pilot/index.html")).toContain(NEW_TITLE);
    // The six-month data piece links to it, and it is one of the home page's latest stories.
    expect(html("articles/six-months-after-deepseek/index.html")).toContain(NEW_TITLE);
    expect(html("index.html")).toContain(NEW_TITLE);
  });
});
