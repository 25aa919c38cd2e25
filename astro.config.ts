import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import tailwindcss from "@tailwindcss/vite";
import { site } from "./src/lib/site";

export default defineConfig({
  site: site.url,
  trailingSlash: "always",
  build: { format: "directory" },
  integrations: [mdx(), sitemap()],
  vite: {
    plugins: [tailwindcss()],
    build: {
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
