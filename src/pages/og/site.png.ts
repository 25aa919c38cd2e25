/** /og/site.png: the Open Graph card of pages that are not articles. */
import type { APIRoute } from "astro";
import { ogPng } from "@/lib/seo/og-image-files.ts";
import { siteCard } from "@/lib/seo";

export const GET: APIRoute = async () => {
  const png = await ogPng(siteCard());
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
