import type { APIRoute } from "astro";
import { feedResponse } from "@/data/feeds.ts";
import { siteChannel } from "@/lib/feed";
import { getSiteData } from "@/data/site-data.ts";

/** The site's JSON Feed, /feed.json: the newest published articles, in full. (A static route has no getStaticPaths.) */
export const GET: APIRoute = async () => feedResponse("json", siteChannel(), (await getSiteData()).articles);
