/**
 * Link checks over dist/: linkinator crawls every HTML page from a local server (links, assets, CSS
 * url()s, `#fragment`s, JSON-LD and meta URLs), and a small scan resolves the site URLs that XML files
 * (feeds, sitemaps) carry, which linkinator does not read.
 */
import { freePort } from "../../scripts/lib/free-port.ts";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { LinkChecker, LinkState } from "linkinator";
import { site } from "../../src/lib/site/index.ts";
import { DIST, distFiles, readDist } from "./dist";

export interface BrokenLink {
  /** The link as the checker resolved it, on the site's own origin. */
  url: string;
  /** Page or file that carries the link. */
  from: string;
  status: number | string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A site path such as `/articles/x/` or `/rss.xml` as the file dist/ serves for it, if any. */
function distFileFor(path: string): string | undefined {
  const clean = decodeURIComponent(path.split(/[?#]/)[0] ?? "/");
  const candidates = clean.endsWith("/") ? [`${clean}index.html`] : [clean];
  for (const candidate of candidates) {
    const full = join(DIST, candidate);
    if (existsSync(full) && statSync(full).isFile()) return candidate.replace(/^\//, "");
  }
  return undefined;
}

/** linkinator names local pages by their path under the server root (`tags/x/`), or by full URL. */
function sitePath(url: string, local: string): string {
  if (url.startsWith(local)) return url.slice(local.length) || "/";
  return /^[a-z]+:/i.test(url) || url.startsWith("/") || url.startsWith("(") ? url : `/${url}`;
}

/**
 * Every broken internal link, asset or fragment reachable from any HTML page, how many links found
 * in pages were checked, and the URLs left unchecked. Absolute URLs on the site's own origin
 * (canonical, Open Graph, JSON-LD) are checked against dist/ too; other origins are left alone (no
 * network in tests, and their uptime is not ours to gate on).
 */
export async function brokenLinksInPages(): Promise<{
  checked: number;
  skipped: string[];
  broken: BrokenLink[];
}> {
  const port = await freePort();
  const local = `http://localhost:${port}`;
  const result = await new LinkChecker().check({
    path: distFiles(".html"),
    serverRoot: DIST,
    port,
    recurse: true,
    checkCss: true,
    checkFragments: true,
    concurrency: 50,
    timeout: 30_000,
    urlRewriteExpressions: [{ pattern: new RegExp(`^${escapeRegExp(site.url)}`), replacement: local }],
    linksToSkip: async (link) => !link.startsWith(local),
  });
  // Links found in pages have a parent; the pages given as starting points have none.
  const checked = result.links.filter((link) => link.parent && link.state !== LinkState.SKIPPED).length;
  const skipped = result.links.filter((link) => link.state === LinkState.SKIPPED).map((link) => link.url);
  const broken = result.links
    .filter((link) => link.state === LinkState.BROKEN)
    .map((link) => ({
      url: sitePath(link.url, local),
      from: sitePath(link.parent ?? "(start)", local),
      status: link.status ?? (link.failureDetails?.[0] as Error | undefined)?.message ?? "unknown",
    }));
  return { checked, skipped, broken };
}

/**
 * Every URL on the site's origin named in an XML file (feeds, sitemaps) that dist/ does not serve, and
 * how many URLs were checked.
 */
export function brokenLinksInXml(): { checked: number; broken: BrokenLink[] } {
  let checked = 0;
  const origin = new RegExp(`${escapeRegExp(site.url)}(/[^\\s"'<>)&]*)?`, "g");
  const broken: BrokenLink[] = [];
  for (const file of distFiles(".xml")) {
    for (const match of readDist(file).matchAll(origin)) {
      const path = match[1] ?? "/";
      checked++;
      if (!distFileFor(path)) broken.push({ url: path, from: `/${file}`, status: 404 });
    }
  }
  return { checked, broken };
}
