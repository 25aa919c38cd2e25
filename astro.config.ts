import { defineConfig } from "astro/config";
import type { AstroIntegration, AstroUserConfig } from "astro";
import type { Plugin as VitePlugin } from "vite";
import mdx from "@astrojs/mdx";
import node from "@astrojs/node";
import sitemap from "@astrojs/sitemap";
import tailwindcss from "@tailwindcss/vite";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { relative, sep } from "node:path";
import {
  absoluteUrl,
  archiveAfterDays,
  archiveWindow,
  ARTICLE_CHUNKS_BY_ENVIRONMENT,
  articleChunkName,
  articlePath,
  isArchived,
  keepContentModules,
  site,
  todayUtc,
  type ArchiveWindow,
} from "./src/lib/site/index.ts";
import { pruneStaleOutput } from "./src/lib/site/output-files.ts";
import { articleGroups, publicationState } from "./src/lib/content/articles.ts";
import { idOfFile } from "./src/lib/content/paths.ts";
import { carriedByFeeds } from "./src/lib/feed/build.ts";
import { readArticleFrontmatter, readLastModified } from "./src/lib/content/read.ts";
import { cspForAstro, headersFor, parseHeadersFile } from "./src/lib/site/index.ts";

/** The site-wide security headers of public/_headers: the one place they are written. */
const securityHeaders = headersFor(parseHeadersFile(readFileSync("public/_headers", "utf8")));
type CspConfig = Exclude<NonNullable<AstroUserConfig["security"]>["csp"], boolean | undefined>;
type CspDirective = NonNullable<CspConfig["directives"]>[number];

const csp = cspForAstro(securityHeaders["Content-Security-Policy"] ?? "");

/** Each article's last change by slug, read when the sitemap is written (after every page is built). */
let lastModified: Map<string, string> | undefined;
const articleLastmod = (url: string) => {
  lastModified ??= readLastModified(fileURLToPath(new URL(".", import.meta.url)));
  const slug = /^\/articles\/([^/]+)\/$/.exec(new URL(url).pathname)?.[1];
  return slug === undefined ? undefined : lastModified.get(slug);
};
/**
 * A build writes into the previous dist/ (`emptyOutDir: false` below), so an incremental build leaves
 * each unchanged page in place instead of deleting it and copying it back from Astro's cache. Once the
 * pages are written, whatever this build neither wrote nor kept is deleted (src/lib/site/output-files.ts):
 * dist/ then holds exactly what a cold build writes (tests/build/incremental.test.ts compares them).
 */
function staleOutput(): AstroIntegration {
  let started = 0;
  return {
    name: "market-desk:stale-output",
    hooks: {
      "astro:build:start": () => {
        started = Date.now();
      },
      "astro:build:done": ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        const kept = new Set(
          [...assets.values()].flat().map((url) => relative(root, fileURLToPath(url)).split(sep).join("/")),
        );
        const deleted = pruneStaleOutput(root, kept, started);
        if (deleted.length > 0) logger.info(`deleted ${deleted.length} file(s) of earlier builds from dist/`);
      },
    },
  };
}

/**
 * The optional hybrid mode (src/lib/site/archive.ts): ARCHIVE_AFTER_DAYS=N at build time keeps the
 * last N days of articles and every list, feed and sitemap static, and serves older articles (and
 * their cards) on request through the Node adapter, standalone. Unset, nothing below applies and the
 * build is the fully static site.
 */
const archiveDays = archiveAfterDays(process.env);
const archive =
  archiveDays === undefined ? undefined : archiveWindow(process.env.BUILD_DATE ?? todayUtc(), archiveDays);

function archiveRoutes(): AstroIntegration {
  return {
    name: "market-desk:archive",
    hooks: {
      "astro:config:setup": ({ injectRoute }) => {
        // Rest parameters, so a prerendered page of the window ([slug]) is matched first, and only a
        // path with no file falls through to these.
        injectRoute({
          pattern: "/articles/[...archived]",
          entrypoint: "./src/pages/articles/_archived.astro",
          prerender: false,
        });
        injectRoute({
          pattern: "/og/articles/[...archived].png",
          entrypoint: "./src/pages/og/articles/_archived.png.ts",
          prerender: false,
        });
      },
    },
  };
}

/** Hybrid mode: every article's id and frontmatter, read once for the sitemap and the bundles. */
let frontmatter: ReturnType<typeof readArticleFrontmatter> | undefined;
const articleFrontmatter = () => (frontmatter ??= readArticleFrontmatter(process.cwd()));

/** The sitemap lists only prerendered pages by itself: the archived articles are added to it. */
function archivedUrls(window: ArchiveWindow): string[] {
  return articleFrontmatter()
    .filter(
      ({ data }) => publicationState({ data }, window.today) === "published" && isArchived(data.date, window),
    )
    .map(({ id }) => absoluteUrl(articlePath(id)));
}

/**
 * Hybrid mode: each bundle compiles only the articles it renders. The prerendered pages render the
 * window's articles and the bodies the feeds carry (a small tag's feed can reach back into the
 * archive); the server renders the archived ones. Without this both bundles compiled every article:
 * at 20,000 articles the build had written no page after 42 minutes (with it, the whole build takes
 * about 8; docs/scaling.md).
 */
function archiveBundles(window: ArchiveWindow): VitePlugin {
  const all = articleFrontmatter();
  const carried = carriedByFeeds(articleGroups(all, { today: window.today, showUnpublished: false }));
  const ids = (keep: (article: (typeof all)[number]) => boolean) =>
    new Set(all.filter(keep).map(({ id }) => id));
  const keepByEnvironment: Record<string, Set<string>> = {
    prerender: ids(({ id, data }) => !isArchived(data.date, window) || carried.has(id)),
    ssr: ids(({ data }) => isArchived(data.date, window)),
  };
  return {
    name: "market-desk:archive-bundles",
    apply: "build",
    transform(code, id) {
      const keep = keepByEnvironment[this.environment.name];
      if (!keep || !id.endsWith("/.astro/content-modules.mjs")) return undefined;
      return { code: keepContentModules(code, (file) => keep.has(idOfFile(file))), map: null };
    },
  };
}

/**
 * Both bundles pack the articles into chunks instead of two each (src/lib/site/chunks.ts): the
 * prerender bundle into a few, the hybrid server's into many, so a request loads a few articles' code.
 */
function articleChunks(): VitePlugin {
  return {
    name: "market-desk:article-chunks",
    apply: "build",
    configEnvironment(name) {
      const chunks = ARTICLE_CHUNKS_BY_ENVIRONMENT[name];
      if (chunks === undefined) return undefined;
      return {
        build: {
          rolldownOptions: {
            // Rolldown requires these two together for groups that leave shared modules where they are.
            preserveEntrySignatures: "allow-extension",
            output: {
              codeSplitting: {
                includeDependenciesRecursively: false,
                groups: [{ name: (id: string) => articleChunkName(id, chunks) }],
              },
            },
          },
        },
      };
    },
  };
}

export default defineConfig({
  // Hybrid mode: the CSP goes in a header for every page (the adapter keeps the prerendered pages'
  // headers in a file it serves them with), so an archived page rendered on request is byte for byte
  // the page a build would have written.
  ...(archive && { adapter: node({ mode: "standalone", staticHeaders: true }) }),
  site: site.url,
  trailingSlash: "always",
  build: {
    format: "directory",
    // Stylesheets stay files, so the policy's style-src needs no hashes.
    inlineStylesheets: "never",
    // Pages rendered one at a time left the render thread idle 40 % of the time, waiting on file
    // writes and the card worker; 16 in flight keep it busy (1000 articles: pages 17.5 s -> 13 s).
    concurrency: 16,
  },
  // staleOutput comes last: it runs when the sitemap is written.
  integrations: [
    // The static parts of an article's body compile to one HTML string instead of a JSX call per
    // element: smaller modules to bundle and fewer to render (1000 articles: 19.6-20.2 s -> 18.1-19.0 s),
    // and the same pages byte for byte. The components stay components (we pass no element overrides).
    mdx({ optimize: true }),
    // An article's lastmod is the day it last changed: its latest correction or update, else its date.
    sitemap({
      ...(archive ? { customPages: archivedUrls(archive) } : {}),
      serialize(item) {
        const lastmod = articleLastmod(item.url);
        return lastmod ? { ...item, lastmod } : item;
      },
    }),
    ...(archive ? [archiveRoutes()] : [staleOutput()]),
  ],
  // Market news has no code blocks. Shiki, the default highlighter, colours code with inline styles
  // that a strict Content-Security-Policy refuses (Astro warns on every build), and loading it costs
  // build time; with it off, a code block is plain <pre><code>.
  markdown: { syntaxHighlight: false },
  // A rebuild copies the pages whose code and `cacheKey` (getStaticPaths) are unchanged since the last
  // build instead of rendering them again: article pages and their social cards (src/lib/cache-key.ts).
  experimental: { incrementalBuild: true },
  // The same policy as public/_headers, in a <meta> element on every page (hosts that ignore _headers);
  // Astro adds the hashes of whatever it inlines. The dev server runs without it (Vite injects scripts).
  security: {
    csp: {
      // Astro checks each directive's name when it loads this config.
      directives: csp.directives as CspDirective[],
      scriptDirective: { resources: csp.scriptResources, hashes: csp.scriptHashes },
      styleDirective: { resources: csp.styleResources, hashes: csp.styleHashes },
    },
  },
  // `astro preview` sends the headers of public/_headers, as a static host would.
  server: ({ command }) => ({ headers: command === "preview" ? securityHeaders : {} }),
  vite: {
    plugins: [tailwindcss(), articleChunks(), ...(archive ? [archiveBundles(archive)] : [])],
    // Hybrid mode: the build date and the window, for the server to render archived articles as of this build.
    define: archive ? { "import.meta.env.MARKET_DESK_ARCHIVE": JSON.stringify(archive) } : {},
    build: {
      // Write into the last build's dist/; staleOutput (above) deletes what this build did not write.
      // A hybrid build, whose server bundle would keep old chunks, starts from an empty dist/.
      emptyOutDir: archive ? undefined : false,
      // Bundled scripts stay files rather than inline <script> blocks, so the static policy in
      // public/_headers allows them as 'self' and never needs their (changing) hashes.
      assetsInlineLimit: (file: string) => (file.endsWith(".js") ? false : undefined),
      rolldownOptions: {
        onLog(level, log, handler) {
          // Astro's MDX modules carry a "use astro:head-inject" directive that Rolldown warns about once
          // per article (withastro/astro#18087, harmless). Drop exactly that warning; keep all others.
          if (log.code === "MODULE_LEVEL_DIRECTIVE" && log.message.includes("astro:head-inject")) return;
          handler(level, log);
        },
      },
    },
  },
});
