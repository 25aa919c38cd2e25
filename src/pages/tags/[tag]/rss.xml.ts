import type { APIRoute, GetStaticPaths } from "astro";
import { feedResponse } from "@/data/feeds.ts";
import { tagChannel } from "@/lib/feed";
import type { Tag } from "@/lib/content";
import { getSiteData } from "@/data/site-data.ts";

/** One feed per tag of the vocabulary that has published articles. */
export const getStaticPaths = (async () => {
  const { tagsWithArticles } = await getSiteData();
  return tagsWithArticles.map(({ tag }) => ({ params: { tag: tag.id }, props: { tag } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ tag: Tag }> = async ({ props }) =>
  feedResponse(tagChannel(props.tag), (await getSiteData()).byTag.get(props.tag.id) ?? []);
