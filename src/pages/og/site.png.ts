/** /og/site.png: the Open Graph card of pages that are not articles. */
import type { APIRoute } from "astro";
import { ogPng } from "../../lib/og-image.ts";
import { siteCard } from "../../lib/og-card.ts";

export const GET: APIRoute = async () => {
  const png = await ogPng(siteCard());
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
