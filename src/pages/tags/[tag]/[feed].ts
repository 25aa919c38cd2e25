import type { APIRoute, GetStaticPaths } from "astro";
import { feedFileParams, feedResponse } from "@/data/feeds.ts";
import { tagChannel } from "@/lib/feed";
import type { Tag } from "@/lib/content";
import type { FeedFormat } from "@/lib/site";
import { getSiteData } from "@/data/site-data.ts";

/** The feeds of each tag that has published articles: /tags/<id>/rss.xml, atom.xml and feed.json. */
export const getStaticPaths = (async () => {
  const { tagsWithArticles } = await getSiteData();
  return tagsWithArticles.flatMap(({ tag }) =>
    feedFileParams.map(({ feed, format }) => ({ params: { tag: tag.id, feed }, props: { tag, format } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ tag: Tag; format: FeedFormat }> = async ({ props }) =>
  feedResponse(props.format, tagChannel(props.tag), (await getSiteData()).byTag.get(props.tag.id) ?? []);
