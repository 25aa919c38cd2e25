import { feedPages, xmlFeedRoute } from "@/data/feeds.ts";

/** Each ticker's feeds, /tickers/<id>/rss.xml and atom.xml, once it has published articles. */
export const { getStaticPaths, GET } = xmlFeedRoute(feedPages.ticker);
