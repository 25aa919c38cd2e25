import type { APIRoute, GetStaticPaths } from "astro";
import { feedFileParams, feedResponse } from "@/data/feeds.ts";
import { tickerChannel } from "@/lib/feed";
import type { Ticker } from "@/lib/content";
import type { FeedFormat } from "@/lib/site";
import { getSiteData } from "@/data/site-data.ts";

/** The feeds of each ticker that has published articles: /tickers/<id>/rss.xml, atom.xml and feed.json. */
export const getStaticPaths = (async () => {
  const { tickersWithArticles } = await getSiteData();
  return tickersWithArticles.flatMap(({ ticker }) =>
    feedFileParams.map(({ feed, format }) => ({
      params: { id: ticker.id, feed },
      props: { ticker, format },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ ticker: Ticker; format: FeedFormat }> = async ({ props }) =>
  feedResponse(
    props.format,
    tickerChannel(props.ticker),
    (await getSiteData()).byTicker.get(props.ticker.id) ?? [],
  );
