import { feedPages, jsonFeedRoute } from "@/data/feeds.ts";

/** Each tag's JSON Feed, /tags/<id>/feed.json, once it has published articles. */
export const { getStaticPaths, GET } = jsonFeedRoute(feedPages.tag);
