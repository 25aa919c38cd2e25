/**
 * Hybrid mode only (astro.config.ts injects this route, rendered on request): the Open Graph card of an
 * article older than the window, drawn when asked for and cached by the CDN in front, as its page is.
 */
import type { APIRoute } from "astro";
import { getSiteData } from "@/data/site-data.ts";
import { drawOgPng } from "@/lib/seo/og-image-files.ts";
import { articleCard } from "@/lib/seo";
import { ARCHIVE_CACHE_CONTROL, isArchived } from "@/lib/site";

export const GET: APIRoute = async ({ params }) => {
  const data = await getSiteData();
  const article = data.byId.get(params.archived ?? "");
  if (!article || !isArchived(article.data.date, data.archive)) return new Response(null, { status: 404 });
  const png = await drawOgPng(articleCard(article.data, data.tickerById, data.bars, data.events));
  return new Response(new Uint8Array(png), {
    headers: { "Content-Type": "image/png", "Cache-Control": ARCHIVE_CACHE_CONTROL },
  });
};
