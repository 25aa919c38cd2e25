import { feedPages, xmlFeedRoute } from "@/data/feeds.ts";

/** Each author's feeds, /authors/<id>/rss.xml and atom.xml, once they sign a published article. */
export const { getStaticPaths, GET } = xmlFeedRoute(feedPages.author);
