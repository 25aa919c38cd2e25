import type { APIRoute, GetStaticPaths } from "astro";
import { feedResponse } from "@/data/feeds.ts";
import { tickerChannel } from "@/lib/feed";
import type { Ticker } from "@/lib/content";
import { getSiteData } from "@/data/site-data.ts";

/** One feed per ticker that has published articles. */
export const getStaticPaths = (async () => {
  const { tickersWithArticles } = await getSiteData();
  return tickersWithArticles.map(({ ticker }) => ({ params: { id: ticker.id }, props: { ticker } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ ticker: Ticker }> = async ({ props }) =>
  feedResponse(tickerChannel(props.ticker), (await getSiteData()).byTicker.get(props.ticker.id) ?? []);
