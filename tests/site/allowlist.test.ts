/**
 * The whole built site against the allowlist: every article body on its page, and every item of
 * every feed, holds only what rendered article HTML may hold (read with htmlparser2, not the build's
 * parser); no page anywhere, chrome included, holds markup that acts on its reader.
 */
import { describe, expect, it } from "vitest";
import { site } from "../../src/lib/site/index.ts";
import { checkRenderedHtml } from "../../src/lib/mdx/index.ts";
import { actsOnReader, articleBodyElements, fragmentElements, outsideAllowlist } from "../support/allowlist";
import { distFiles, readDist, urlPathOf } from "../support/dist";
import { parseFeed } from "../support/feed";

const pages = distFiles(".html");
const articlePages = pages.filter((file) => /^articles\/[^/]+\/index\.html$/.test(file));
const feeds = distFiles(".xml").filter((file) => file.endsWith("rss.xml"));

describe("the checks", () => {
  it("find what they are for (so a pass below means something)", () => {
    const page = `${site.url}/articles/x/`;
    const html =
      '<p onclick="go()">x</p><iframe src="https://evil.example/"></iframe><a href="java&#9;script:go()">y</a>' +
      '<meta http-equiv="refresh" content="0;url=https://evil.example/">';
    expect(outsideAllowlist(fragmentElements(html), page)).toEqual([
      `<p onclick> on ${page}`,
      `<iframe> on ${page}`,
      `<iframe src> on ${page}`,
      `<a href="java\tscript:go()"> on ${page}`,
      `<meta> on ${page}`,
      `<meta http-equiv> on ${page}`,
      `<meta content> on ${page}`,
    ]);
    expect(actsOnReader(html, page)).toEqual([
      `<p onclick> on ${page}`,
      `<iframe> on ${page}`,
      `<a href="java\tscript:go()"> on ${page}`,
      `<meta http-equiv="refresh"> on ${page}`,
    ]);
  });
});

describe("article bodies in dist/", () => {
  it("every article page has its body marked, so the checks below see it", () => {
    expect(articlePages.length).toBeGreaterThanOrEqual(10);
    expect(articlePages.filter((file) => !articleBodyElements(readDist(file)))).toEqual([]);
  });

  it.each(articlePages)("%s: its body holds nothing outside the allowlist", (file) => {
    const page = `${site.url}${urlPathOf(file)}`;
    expect(outsideAllowlist(articleBodyElements(readDist(file))!, page)).toEqual([]);
  });
});

describe("feed items in dist/", () => {
  it.each(feeds)("%s: every item's content holds nothing outside the allowlist", (file) => {
    const { item } = parseFeed(readDist(file), file).channel;
    expect(item.length).toBeGreaterThan(0);
    const problems = item.flatMap((i) => [
      ...outsideAllowlist(fragmentElements(i["content:encoded"]), i.link),
      // And by the build's own check: what it would refuse, it must never have written.
      ...checkRenderedHtml(i["content:encoded"]).map((p) => `${p} (${i.link})`),
      ...actsOnReader(i["content:encoded"], i.link),
    ]);
    expect(problems).toEqual([]);
  });
});

describe("every page in dist/", () => {
  it.each(pages)(
    "%s: nothing acts on its reader (refresh, frames, objects, handlers, script URLs)",
    (file) => {
      expect(actsOnReader(readDist(file), `${site.url}${urlPathOf(file)}`)).toEqual([]);
    },
  );
});
