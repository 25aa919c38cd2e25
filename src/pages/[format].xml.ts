import { feedPages, xmlFeedRoute } from "@/data/feeds.ts";

/** The site's feeds, /rss.xml and /atom.xml: the newest published articles, in full. */
export const { getStaticPaths, GET } = xmlFeedRoute(feedPages.site);
