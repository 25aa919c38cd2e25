import { feedPages, jsonFeedRoute } from "@/data/feeds.ts";

/** Each ticker's JSON Feed, /tickers/<id>/feed.json, once it has published articles. */
export const { getStaticPaths, GET } = jsonFeedRoute(feedPages.ticker);
