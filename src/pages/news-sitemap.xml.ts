/** /news-sitemap.xml: the Google News sitemap of the articles published in the last two days. */
import type { APIRoute } from "astro";
import { newsSitemap } from "@/lib/seo";
import { getSiteData } from "@/data/site-data.ts";

export const GET: APIRoute = async () => {
  const { articles, today } = await getSiteData();
  return new Response(newsSitemap(articles, today), {
    headers: { "Content-Type": "application/xml; charset=utf-8" },
  });
};
