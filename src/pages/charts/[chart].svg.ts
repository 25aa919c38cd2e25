import type { APIRoute, GetStaticPaths } from "astro";
import { getFeedContent } from "../../feed-render.ts";

/** The static chart images feed items show (see Astro.locals.feed.chartImage in src/feed-render.ts). */
export const getStaticPaths = (async () => {
  const { charts } = await getFeedContent();
  return [...charts].map(([chart, svg]) => ({ params: { chart }, props: { svg } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ svg: string }> = ({ props }) =>
  new Response(props.svg, { headers: { "Content-Type": "image/svg+xml; charset=utf-8" } });
