import { feedPages, xmlFeedRoute } from "@/data/feeds.ts";

/** Each tag's feeds, /tags/<id>/rss.xml and atom.xml, once it has published articles. */
export const { getStaticPaths, GET } = xmlFeedRoute(feedPages.tag);
