import type { APIRoute } from "astro";
import { feedResponse } from "@/data/feeds.ts";
import { siteChannel } from "@/lib/feed";
import { getSiteData } from "@/data/site-data.ts";

/** The site feed: every published article, newest first, in full. */
export const GET: APIRoute = async () => feedResponse(siteChannel(), (await getSiteData()).articles);
