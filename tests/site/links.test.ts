import { describe, expect, it } from "vitest";
import { site } from "../../src/lib/site/index.ts";
import { brokenLinksInPages, brokenLinksInXml, type BrokenLink } from "../support/links";

// linkinator checks each #fragment once and names an arbitrary page as its source, so only the target
// is named for those: search dist/ for the href to find the pages.
const describeLinks = (links: BrokenLink[]) =>
  [
    ...new Set(
      links.map((l) =>
        l.url.includes("#")
          ? `${l.url}: no element with this id`
          : `${l.url} (${String(l.status)}) linked from ${l.from}`,
      ),
    ),
  ].sort();

describe("links in dist/", () => {
  it("no page links to a missing page, asset or #fragment", async () => {
    const { checked, skipped, broken } = await brokenLinksInPages();
    // Links found in the pages were checked, and only other sites' were left alone: a skip rule that
    // skipped everything, or absolute URLs of our own no longer rewritten to the local server, would
    // otherwise pass unnoticed.
    expect(checked).toBeGreaterThan(0);
    expect(skipped.filter((url) => url.startsWith(site.url))).toEqual([]);
    expect(describeLinks(broken)).toEqual([]);
  });

  it("every site URL in a feed or sitemap is a built file", () => {
    const { checked, broken } = brokenLinksInXml();
    expect(checked).toBeGreaterThan(0);
    expect(describeLinks(broken)).toEqual([]);
  });
});
