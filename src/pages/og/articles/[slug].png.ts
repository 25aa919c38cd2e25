/**
 * /og/articles/<slug>.png: each article's Open Graph card (headline, date, the main ticker's move),
 * drawn at build time and cached by content (src/lib/seo/og-image-files.ts).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { getSiteData, isDevServer, prerenderedArticles } from "@/data/site-data.ts";
import { ogCacheKey, ogPng, warmOgCache } from "@/lib/seo/og-image-files.ts";
import { type OgCard, articleCard } from "@/lib/seo";
import { timed } from "@/lib/site";

export const getStaticPaths = (async () => {
  const data = await getSiteData();
  const { tickerById, bars, events } = data;
  // Every article, or in hybrid mode the ones in the window (older ones: ./_archived.png.ts).
  const articles = prerenderedArticles(data);
  const cards = articles.map((article) => articleCard(article.data, tickerById, bars, events));
  // In a build, start drawing the missing cards (several in flight) while the other pages render; each
  // card's GET waits for its own. A card that fails to draw fails its own page, so this promise's
  // rejection is left to that page to report.
  if (!isDevServer)
    void timed("og: draw every missing card", () => warmOgCache(cards)).catch(() => undefined);
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
