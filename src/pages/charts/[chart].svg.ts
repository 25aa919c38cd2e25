import type { APIRoute, GetStaticPaths } from "astro";
import { getFeedContent } from "@/data/feeds.ts";
import { timed } from "@/lib/site";

/** The static chart images feed items show (see Astro.locals.chartImages in src/data/feeds.ts). */
export const getStaticPaths = (async () => {
  const { charts } = await timed("charts: waiting for the feed bodies", getFeedContent);
  // The file name is a hash of the file: an incremental build copies every chart it built before.
  return [...charts].map(([chart, svg]) => ({ params: { chart }, props: { svg }, cacheKey: chart }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ svg: string }> = ({ props }) =>
  new Response(props.svg, { headers: { "Content-Type": "image/svg+xml; charset=utf-8" } });
