import { feedPages, jsonFeedRoute } from "@/data/feeds.ts";

/** Each author's JSON Feed, /authors/<id>/feed.json, once they sign a published article. */
export const { getStaticPaths, GET } = jsonFeedRoute(feedPages.author);
