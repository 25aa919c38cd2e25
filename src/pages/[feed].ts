import type { APIRoute, GetStaticPaths } from "astro";
import { feedFileParams, feedResponse } from "@/data/feeds.ts";
import { siteChannel } from "@/lib/feed";
import type { FeedFormat } from "@/lib/site";
import { getSiteData } from "@/data/site-data.ts";

/** The site feed, /rss.xml, /atom.xml and /feed.json: the newest published articles, in full. */
export const getStaticPaths = (() =>
  feedFileParams.map(({ feed, format }) => ({
    params: { feed },
    props: { format },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ format: FeedFormat }> = async ({ props }) =>
  feedResponse(props.format, siteChannel(), (await getSiteData()).articles);
