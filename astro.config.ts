import { defineConfig } from "astro/config";
import type { AstroUserConfig } from "astro";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import tailwindcss from "@tailwindcss/vite";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { site } from "./src/lib/site/index.ts";
import { readLastModified } from "./src/lib/content/read.ts";
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

export default defineConfig({
  site: site.url,
  trailingSlash: "always",
  // Stylesheets stay files, so the policy's style-src needs no hashes.
  build: { format: "directory", inlineStylesheets: "never" },
  integrations: [
    mdx(),
    // An article's lastmod is the day it last changed: its latest correction or update, else its date.
    sitemap({
      serialize(item) {
        const lastmod = articleLastmod(item.url);
        return lastmod ? { ...item, lastmod } : item;
      },
    }),
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
    build: {
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
