/** /robots.txt: everything may be crawled; the sitemaps' absolute URLs come from the site config. */
import type { APIRoute } from "astro";
import { absoluteUrl, NEWS_SITEMAP_PATH } from "@/lib/site";

export const GET: APIRoute = () =>
  new Response(
    [
      "User-agent: *",
      "Allow: /",
      "",
      `Sitemap: ${absoluteUrl("/sitemap-index.xml")}`,
      `Sitemap: ${absoluteUrl(NEWS_SITEMAP_PATH)}`,
      "",
    ].join("\n"),
    { headers: { "Content-Type": "text/plain; charset=utf-8" } },
  );
