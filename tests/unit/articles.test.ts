import { describe, expect, it } from "vitest";
import {
  articleCount,
  asOfDate,
  buildArticleIndex,
  correctionsLog,
  lastModifiedDate,
  newestNotesFirst,
  countWords,
  isVisible,
  newestFirst,
  publicationState,
  readingMinutes,
  relatedArticles,
  relatedIndex,
  type ArticleLike,
} from "../../src/lib/content/index.ts";

const article = (id: string, date: string, more: Partial<ArticleLike["data"]> = {}): ArticleLike => ({
  id,
  data: { title: id, date, draft: false, authors: ["news-desk"], tags: [], tickers: [], ...more },
});

describe("publication", () => {
  const today = "2025-02-11";

  it("publishes articles dated today or earlier", () => {
    expect(publicationState(article("a", "2025-02-11"), today)).toBe("published");
    expect(publicationState(article("a", "2025-01-01"), today)).toBe("published");
  });

  it("schedules articles dated after today, and never publishes drafts", () => {
    expect(publicationState(article("a", "2025-02-12"), today)).toBe("scheduled");
    expect(publicationState(article("a", "2025-01-01", { draft: true }), today)).toBe("draft");
  });

  it("shows drafts and scheduled articles in preview only", () => {
    const draft = article("a", "2025-01-01", { draft: true });
    expect(isVisible(draft, { today, showUnpublished: false })).toBe(false);
    expect(isVisible(draft, { today, showUnpublished: true })).toBe(true);
  });
});

describe("ordering and relations", () => {
  const nvidiaFall = article("nvidia-fall", "2025-01-27", {
    tickers: ["nvda", "ixic"],
    tags: ["nvidia", "markets"],
  });
  const deepseek = article("deepseek", "2025-01-27", { tickers: ["ixic"], tags: ["deepseek", "markets"] });
  const rebound = article("rebound", "2025-01-28", { tickers: ["nvda"], tags: ["nvidia"] });
  const byd = article("byd", "2025-02-11", { tickers: ["byd"], tags: ["byd"] });
  const tesla = article("tesla", "2025-02-11", {
    tickers: ["tsla", "byd"],
    tags: ["markets"],
    authors: ["markets-desk", "china-desk"],
  });

  it("sorts newest first, same-day articles by title", () => {
    expect([nvidiaFall, byd, deepseek, rebound, tesla].sort(newestFirst).map((a) => a.id)).toEqual([
      "byd",
      "tesla",
      "rebound",
      "deepseek",
      "nvidia-fall",
    ]);
  });

  it("ranks related articles by shared tickers, then shared tags, then nearness in time", () => {
    const all = [nvidiaFall, deepseek, rebound, byd, tesla];
    expect(relatedArticles(nvidiaFall, all).map((a) => a.id)).toEqual(["deepseek", "rebound", "tesla"]);
    expect(relatedArticles(byd, all).map((a) => a.id)).toEqual(["tesla"]);
  });

  it("caps related articles and never lists the article itself", () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      article(`n${i}`, `2025-01-0${i + 1}`, { tags: ["markets"] }),
    );
    const related = relatedArticles(many[0]!, many, 4);
    expect(related).toHaveLength(4);
    expect(related.map((a) => a.id)).not.toContain("n0");
  });

  it("gives every article its related list in one pass, ties going to the newer, then by title", () => {
    const sorted = [byd, tesla, rebound, deepseek, nvidiaFall];
    const ids = (map: Map<string, ArticleLike[]>) =>
      Object.fromEntries([...map].map(([id, list]) => [id, list.map((a) => a.id)]));
    expect(ids(relatedIndex(sorted))).toEqual({
      byd: ["tesla"],
      // deepseek and nvidia-fall tie on score (a shared tag) and distance (15 days): same day, by title.
      tesla: ["byd", "deepseek", "nvidia-fall"],
      rebound: ["nvidia-fall"],
      deepseek: ["nvidia-fall", "tesla"],
      "nvidia-fall": ["deepseek", "rebound", "tesla"],
    });
  });

  it("keeps the best four, the newer first when two are as near", () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      article(`n${i}`, `2025-01-0${i + 1}`, { tags: ["markets"] }),
    ).reverse();
    const related = relatedIndex(many);
    expect(related.get("n3")?.map((a) => a.id)).toEqual(["n4", "n2", "n5", "n1"]);
    expect(related.get("n0")?.map((a) => a.id)).toEqual(["n1", "n2", "n3", "n4"]);
    expect(relatedIndex(many, 0).get("n3")).toEqual([]);
  });

  it("scores tags past the 32nd as well as the first ones", () => {
    const fillers = Array.from({ length: 33 }, (_, i) => article(`f${i}`, "2025-03-01", { tags: [`f${i}`] }));
    const x = article("x", "2025-02-01", { tags: ["deep"] });
    const y = article("y", "2025-01-01", { tags: ["deep"], tickers: ["nvda"] });
    const related = relatedIndex([...fillers, x, y]);
    expect(related.get("x")?.map((a) => a.id)).toEqual(["y"]);
    expect(related.get("f32")).toEqual([]);
  });

  it("gives the lists relatedArticles gives, for a corpus of 300 with shared tags and tickers", () => {
    // A fixed pseudo-random corpus: many ties of score and date, so every tie-break is exercised.
    let state = 7;
    const next = (n: number) => (state = (state * 48271) % 2147483647) % n;
    const pick = (prefix: string, pool: number, count: number) => [
      ...new Set(Array.from({ length: count }, () => `${prefix}${next(pool)}`)),
    ];
    const corpus = Array.from({ length: 300 }, (_, i) =>
      article(`a${i}`, `2025-0${1 + next(3)}-1${next(10)}`, {
        title: `t${next(40)}`,
        tags: pick("tag", 12, 1 + next(4)),
        tickers: pick("tk", 8, next(3)),
      }),
    ).sort(newestFirst);
    const fast = relatedIndex(corpus);
    const mismatched = corpus.filter(
      (a) =>
        fast
          .get(a.id)
          ?.map((r) => r.id)
          .join() !==
        relatedArticles(a, corpus)
          .map((r) => r.id)
          .join(),
    );
    expect(mismatched).toEqual([]);
  });

  it("builds the index once: visible articles, groups, neighbours", () => {
    const draft = article("draft", "2025-01-30", { draft: true, tags: ["markets"] });
    const index = buildArticleIndex([nvidiaFall, deepseek, rebound, draft, byd, tesla], {
      today: "2025-02-11",
      showUnpublished: false,
    });
    expect(index.articles.map((a) => a.id)).toEqual(["byd", "tesla", "rebound", "deepseek", "nvidia-fall"]);
    expect(index.byTag.get("markets")?.map((a) => a.id)).toEqual(["tesla", "deepseek", "nvidia-fall"]);
    expect(index.byTicker.get("nvda")?.map((a) => a.id)).toEqual(["rebound", "nvidia-fall"]);
    expect(index.byAuthor.get("news-desk")?.map((a) => a.id)).toEqual([
      "byd",
      "rebound",
      "deepseek",
      "nvidia-fall",
    ]);
    // An article signed by two desks is in both lists; a desk that signs nothing has none.
    expect(index.byAuthor.get("markets-desk")?.map((a) => a.id)).toEqual(["tesla"]);
    expect(index.byAuthor.get("china-desk")?.map((a) => a.id)).toEqual(["tesla"]);
    expect(index.byAuthor.has("data-desk")).toBe(false);
    expect(index.adjacent.get("rebound")).toEqual({ newer: tesla, older: deepseek });
    expect(index.adjacent.get("byd")?.newer).toBeUndefined();
    expect(index.byId.has("draft")).toBe(false);
    expect(index.related.get("nvidia-fall")?.map((a) => a.id)).toEqual(["deepseek", "rebound", "tesla"]);
  });
});

describe("corrections and updates", () => {
  const note = (date: string, text = "A note.") => ({ date, text });

  it("an article stands as of its latest update, else its date; corrections do not move it", () => {
    expect(asOfDate({ date: "2025-02-11" })).toBe("2025-02-11");
    expect(asOfDate({ date: "2025-02-11", updates: [] })).toBe("2025-02-11");
    expect(
      asOfDate({
        date: "2025-02-11",
        updates: [note("2025-02-14"), note("2025-02-12")],
        corrections: [note("2025-02-20")],
      }),
    ).toBe("2025-02-14");
  });

  it("an article last changed on its latest correction or update", () => {
    const data = { date: "2025-02-11", updates: [note("2025-02-12")], corrections: [note("2025-02-20")] };
    expect(lastModifiedDate(data)).toBe("2025-02-20");
    expect(lastModifiedDate({ ...data, corrections: [] })).toBe("2025-02-12");
    expect(lastModifiedDate({ date: "2025-02-11" })).toBe("2025-02-11");
  });

  it("lists notes newest first, without reordering the article's own list", () => {
    const notes = [note("2025-02-12", "first"), note("2025-02-20", "third"), note("2025-02-14", "second")];
    expect(newestNotesFirst(notes).map((n) => n.text)).toEqual(["third", "second", "first"]);
    expect(notes.map((n) => n.text)).toEqual(["first", "third", "second"]);
  });

  it("logs every correction newest first, each with its article", () => {
    const withNotes = (id: string, date: string, corrections: { date: string; text: string }[]) => ({
      ...article(id, date),
      data: { ...article(id, date).data, corrections },
    });
    const newer = withNotes("newer", "2025-02-11", [note("2025-02-12", "newer, first fix")]);
    const older = withNotes("older", "2025-01-27", [
      note("2025-01-28", "older, first fix"),
      note("2025-02-12", "older, second fix"),
    ]);
    const none = withNotes("none", "2025-01-30", []);
    expect(
      correctionsLog([newer, none, older]).map((e) => [e.article.id, e.correction.date, e.correction.text]),
    ).toEqual([
      // Same day: the newer article's first, as the list is given newest first.
      ["newer", "2025-02-12", "newer, first fix"],
      ["older", "2025-02-12", "older, second fix"],
      ["older", "2025-01-28", "older, first fix"],
    ]);
  });
});

describe("reading time", () => {
  it("counts prose words, not components or link targets", () => {
    expect(countWords('Shares <Move ticker="nvda" date="2025-01-27" /> on [Monday](/articles/x/).')).toBe(3);
    expect(countWords("## Heading\n\n- one two\n")).toBe(3);
  });

  it("is at least a minute, at 230 words a minute", () => {
    expect(readingMinutes("word")).toBe(1);
    expect(readingMinutes(Array(690).fill("word").join(" "))).toBe(3);
  });
});

describe("article counts", () => {
  it("are worded in the singular for one and the plural otherwise", () => {
    expect([0, 1, 2, 23].map(articleCount)).toEqual(["0 articles", "1 article", "2 articles", "23 articles"]);
  });
});
