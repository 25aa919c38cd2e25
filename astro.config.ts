import { defineConfig } from "astro/config";
import type { AstroIntegration, AstroUserConfig } from "astro";
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
  articlePath,
  isArchived,
  site,
  todayUtc,
  type ArchiveWindow,
} from "./src/lib/site/index.ts";
import { pruneStaleOutput } from "./src/lib/site/output-files.ts";
import { SEARCH_INDEX_FOLDER } from "./scripts/lib/search-shards.ts";
import { publicationState } from "./src/lib/content/articles.ts";
import { readArticleFrontmatter, readLastModified } from "./src/lib/content/read.ts";
import { cspForAstro, headersFor, parseHeadersFile } from "./src/lib/site/index.ts";

/** The project's folder, without a trailing slash. */
const projectRoot = fileURLToPath(new URL(".", import.meta.url)).replace(/\/$/, "");

/** The site-wide security headers of public/_headers: the one place they are written. */
const securityHeaders = headersFor(parseHeadersFile(readFileSync("public/_headers", "utf8")));
type CspConfig = Exclude<NonNullable<AstroUserConfig["security"]>["csp"], boolean | undefined>;
type CspDirective = NonNullable<CspConfig["directives"]>[number];

const csp = cspForAstro(securityHeaders["Content-Security-Policy"] ?? "");

/** Each article's last change by slug, read when the sitemap is written (after every page is built). */
let lastModified: Map<string, string> | undefined;
const articleLastmod = (url: string) => {
  lastModified ??= readLastModified(projectRoot);
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
        // The search index is scripts/search-index.ts's: it keeps the shards whose pages did not change.
        const deleted = pruneStaleOutput(root, kept, started, [SEARCH_INDEX_FOLDER]);
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

/**
 * `astro dev` only: the pages (the server-side `ssr` environment) and everything they import are
 * transformed as soon as the server listens, many at once, instead of one import after another when
 * the first page is requested (docs/performance.md, "The dev server"). A build would warm them up in
 * the Vite server that loads the content config, for nothing: 0.7 s.
 */
function devWarmup(): AstroIntegration {
  return {
    name: "market-desk:dev-warmup",
    hooks: {
      "astro:config:setup": ({ command, updateConfig }) => {
        if (command !== "dev") return;
        updateConfig({
          vite: {
            environments: {
              ssr: { dev: { warmup: ["./src/pages/**/*.{astro,ts}"], preTransformRequests: true } },
            },
          },
        });
      },
    },
  };
}

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

/** The sitemap lists only prerendered pages by itself: the archived articles are added to it. */
function archivedUrls(window: ArchiveWindow): string[] {
  return readArticleFrontmatter(process.cwd())
    .filter(
      ({ data }) => publicationState({ data }, window.today) === "published" && isArchived(data.date, window),
    )
    .map(({ id }) => absoluteUrl(articlePath(id)));
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
    // The `.mdx` file type: its frontmatter is read as MDX files are. The bodies are not compiled to
    // modules: the articles' loader compiles each to HTML (src/data/loaders.ts), so Vite bundles none.
    mdx(),
    // An article's lastmod is the day it last changed: its latest correction or update, else its date.
    sitemap({
      ...(archive ? { customPages: archivedUrls(archive) } : {}),
      serialize(item) {
        const lastmod = articleLastmod(item.url);
        return lastmod ? { ...item, lastmod } : item;
      },
    }),
    devWarmup(),
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
    plugins: [tailwindcss()],
    // The dev server watches every file under the project for changes but the ones Vite leaves out,
    // and it leaves out dist/ only when a build empties it, which this one does not (emptyOutDir
    // below): a built archive of 1000 articles is 4000 files under dist/, 0.7 s of the dev server's
    // start. The tests, docs and scripts are no page's code either.
    server: {
      watch: { ignored: ["dist", "tests", "docs", "scripts"].map((dir) => `${projectRoot}/${dir}/**`) },
    },
    // Astro loads the content config and its loaders in its \`astro\` environment (a Vite dev server,
    // in a build too, for the content sync): each module's imports are transformed as soon as it is,
    // many at once, instead of one import after another as the module runner reaches them. The sync
    // starts 0.3 to 0.5 s sooner (docs/performance.md, "The dev server").
    environments: { astro: { dev: { preTransformRequests: true } } },
    // Hybrid mode: the build date and the window, for the server to render archived articles as of this build.
    define: archive ? { "import.meta.env.MARKET_DESK_ARCHIVE": JSON.stringify(archive) } : {},
    build: {
      // Write into the last build's dist/; staleOutput (above) deletes what this build did not write.
      // A hybrid build, whose server bundle would keep old chunks, starts from an empty dist/.
      emptyOutDir: archive ? undefined : false,
      // Bundled scripts stay files rather than inline <script> blocks, so the static policy in
      // public/_headers allows them as 'self' and never needs their (changing) hashes.
      assetsInlineLimit: (file: string) => (file.endsWith(".js") ? false : undefined),
    },
  },
});
