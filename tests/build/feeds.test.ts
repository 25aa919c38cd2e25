/**
 * The feeds of a second build, with a draft and a scheduled article added, against the site's own
 * build in dist/: the same feeds and chart images byte for byte, the unpublished articles in none.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distFiles, readDist } from "../support/dist";
import { buildCopy, makeSiteCopy } from "../support/site-copy";

/** A tag only the unpublished articles carry (every tag of content/tags.yaml has published articles). */
const UNUSED_TAG = "feed-test-tag";
const draftTitle = "Draft story that must never reach a feed";
const scheduledTitle = "Scheduled story that must not reach a feed yet";
const extraArticle = (title: string, date: string, draft: boolean) => `---
title: "${title}"
description: "A story used by the feed tests to check that unpublished articles stay out of every feed."
date: ${date}
authors: [news-desk]
tickers: [nvda]
tags: [${UNUSED_TAG}, nvidia]
draft: ${String(draft)}
---

Unpublished body text.

<PriceChart ticker="nvda" from="2025-01-13" to="2025-01-24" />
`;

describe("a second build, with a draft and a scheduled article added", () => {
  let copy: ReturnType<typeof makeSiteCopy>;
  let result: ReturnType<typeof buildCopy>;

  beforeAll(() => {
    copy = makeSiteCopy({
      "content/tags.yaml": `${readFileSync("content/tags.yaml", "utf8")}- id: ${UNUSED_TAG}
  label: Feed test
  description: A tag that only unpublished articles carry.
`,
      "content/articles/feed-test-draft.mdx": extraArticle(draftTitle, "2025-01-27", true),
      "content/articles/feed-test-scheduled.mdx": extraArticle(scheduledTitle, "2999-01-01", false),
    });
    result = buildCopy(copy.dir);
  }, 300_000);
  afterAll(() => copy.cleanup());

  const copied = (path: string) => join(copy.dir, "dist", path);
  const isFeedOrChart = (file: string) =>
    /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/.test(file) ||
    (file.startsWith("charts/") && file.endsWith(".svg"));
  const feedsAndCharts = () => distFiles().filter(isFeedOrChart);

  it("builds", () => {
    expect(result.status, result.output).toBe(0);
  });

  it("writes byte-identical feeds and chart images, and no others", () => {
    const theirs = readdirSync(join(copy.dir, "dist"), { recursive: true, encoding: "utf8" })
      .map((file) => file.split("\\").join("/"))
      .filter(isFeedOrChart);
    expect(theirs.sort()).toEqual(feedsAndCharts());
    for (const file of feedsAndCharts()) {
      expect(readFileSync(copied(file), "utf8"), file).toBe(readDist(file));
    }
  });

  it("leaves the draft and the scheduled article out of every feed", () => {
    expect(existsSync(copied(`tags/${UNUSED_TAG}/rss.xml`))).toBe(false);
    for (const file of feedsAndCharts().filter((f) => !f.startsWith("charts/"))) {
      const xml = readFileSync(copied(file), "utf8");
      expect(xml).not.toContain(draftTitle);
      expect(xml).not.toContain(scheduledTitle);
      expect(xml).not.toContain("feed-test-");
    }
  });
});
