import type { APIRoute, GetStaticPaths } from "astro";
import { feedFileParams, feedResponse } from "@/data/feeds.ts";
import { authorChannel } from "@/lib/feed";
import type { Author } from "@/lib/content";
import type { FeedFormat } from "@/lib/site";
import { getSiteData } from "@/data/site-data.ts";

/** The feeds of each author who signs published articles: /authors/<id>/rss.xml, atom.xml and feed.json. */
export const getStaticPaths = (async () => {
  const { authorsWithArticles } = await getSiteData();
  return authorsWithArticles.flatMap(({ author }) =>
    feedFileParams.map(({ feed, format }) => ({
      params: { author: author.id, feed },
      props: { author, format },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ author: Author; format: FeedFormat }> = async ({ props }) =>
  feedResponse(
    props.format,
    authorChannel(props.author),
    (await getSiteData()).byAuthor.get(props.author.id) ?? [],
  );
