/**
 * /og/articles/<slug>.png: each article's Open Graph card (headline, date, the main ticker's move),
 * drawn at build time and cached by content (src/lib/seo/og-image-files.ts).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { getSiteData, isDevServer } from "@/data/site-data.ts";
import { ogCacheKey, ogPng, warmOgCache } from "@/lib/seo/og-image-files.ts";
import { type OgCard, articleCard } from "@/lib/seo";
import { timed } from "@/lib/site";

export const getStaticPaths = (async () => {
  const { articles, tickerById, bars } = await getSiteData();
  const cards = articles.map((article) => articleCard(article.data, tickerById, bars));
  // In a build, draw the missing cards all at once (several in flight), before the pages ask for them.
  if (!isDevServer) await timed("og: draw every missing card", () => warmOgCache(cards));
  // The card's own key: an incremental build copies a card whose pixels cannot have changed.
  return articles.map((article, i) => ({
    params: { slug: article.id },
    props: { card: cards[i]! },
    cacheKey: ogCacheKey(cards[i]!),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) => {
  const png = await ogPng(props.card);
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
