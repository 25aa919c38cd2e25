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
  vite: { plugins: [tailwindcss()] },
});
