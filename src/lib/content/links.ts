/**
 * Internal links resolve: every site path an article links to (Markdown links and images, chart
 * marker links) must be a page the build makes (src/lib/site/routes.ts) when the article is
 * published. A published article is checked against the site of the build date; a scheduled one
 * against the site on its own date (the articles published by then); a draft against every article,
 * drafts included (it goes out with them or later). The build's loader and `npm run check:content`
 * both call it.
 */
import { sitePaths } from "../site/routes.ts";
import type { SiteLink } from "../mdx/scan.ts";
import { articlePath } from "../site/paths.ts";
import { articleImagePath } from "../seo/metadata.ts";

/** An article as the link check needs it. */
export interface LinkingArticle {
  file: string;
  id: string;
  data: {
    date: string;
    draft: boolean;
    tags: readonly string[];
    tickers: readonly string[];
    authors: readonly string[];
  };
  links: readonly SiteLink[];
}

/** Edit distance of two short strings, for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The path of `paths` nearest to `path` in spelling, if one is near enough to be a typo. */
function nearest(path: string, paths: Iterable<string>): string | undefined {
  let best: { path: string; d: number } | undefined;
  for (const candidate of paths) {
    const d = distance(path, candidate);
    if (!best || d < best.d) best = { path: candidate, d };
  }
  return best && best.d <= Math.max(2, Math.floor(path.length / 4)) ? best.path : undefined;
}

/** Every link problem, one line each, worded `file: line N: link "…": why`. */
export function checkLinks(
  articles: readonly LinkingArticle[],
  tickers: readonly string[],
  today: string,
  /** Ids of articles whose file has problems of its own: links to them are not reported again. */
  broken: readonly string[] = [],
): string[] {
  const site = (members: readonly LinkingArticle[]) =>
    sitePaths({ articles: members.map((a) => ({ id: a.id, ...a.data })), tickers });
  const everything = site(articles);
  const byPath = new Map(articles.map((a) => [articlePath(a.id), a]));
  const asOf = new Map<string, Set<string>>();
  const skipped = new Set(broken.flatMap((id) => [articlePath(id), articleImagePath(id)]));
  const problems: string[] = [];

  for (const article of articles) {
    if (article.links.length === 0) continue;
    const date = article.data.date > today ? article.data.date : today;
    const when =
      article.data.date > today ? `on ${date}, when this article is published` : "on the build date";
    let paths = everything;
    if (!article.data.draft) {
      paths = asOf.get(date) ?? site(articles.filter((a) => !a.data.draft && a.data.date <= date));
      asOf.set(date, paths);
    }
    for (const link of article.links) {
      if (paths.has(link.path) || skipped.has(link.path)) continue;
      const target = byPath.get(link.path);
      let why: string;
      if (target?.data.draft)
        why = `goes to ${target.file}, a draft: it has no page until its draft: true is removed`;
      else if (target)
        why = `goes to ${target.file}, which is published on ${target.data.date}, after this article`;
      else if (everything.has(link.path))
        why = `goes to a page the site does not have ${when}: no article published by then makes it`;
      else if (everything.has(`${link.path}/`))
        why = `has no page; write ${link.path}/ (site paths end in /)`;
      else {
        const guess = nearest(link.path, everything);
        why = `goes to no page of the site${guess ? `; did you mean ${guess}?` : ""}`;
      }
      problems.push(`${article.file}: line ${link.line}: ${link.what}: ${why}`);
    }
  }
  return problems;
}
