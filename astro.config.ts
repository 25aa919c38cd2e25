import { defineConfig } from "astro/config";
import type { AstroIntegration, AstroUserConfig } from "astro";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import tailwindcss from "@tailwindcss/vite";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { relative, sep } from "node:path";
import { site } from "./src/lib/site/index.ts";
import { pruneStaleOutput } from "./src/lib/site/output-files.ts";
import { cspForAstro, headersFor, parseHeadersFile } from "./src/lib/site/index.ts";

/** The site-wide security headers of public/_headers: the one place they are written. */
const securityHeaders = headersFor(parseHeadersFile(readFileSync("public/_headers", "utf8")));
type CspConfig = Exclude<NonNullable<AstroUserConfig["security"]>["csp"], boolean | undefined>;
type CspDirective = NonNullable<CspConfig["directives"]>[number];

const csp = cspForAstro(securityHeaders["Content-Security-Policy"] ?? "");

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

export default defineConfig({
  site: site.url,
  trailingSlash: "always",
  // Stylesheets stay files, so the policy's style-src needs no hashes.
  build: { format: "directory", inlineStylesheets: "never" },
  // staleOutput comes last: it runs when the sitemap is written.
  integrations: [mdx(), sitemap(), staleOutput()],
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
    build: {
      // Write into the last build's dist/; staleOutput (above) deletes what this build did not write.
      emptyOutDir: false,
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
