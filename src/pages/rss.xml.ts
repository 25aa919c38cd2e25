import type { APIRoute } from "astro";
import { feedResponse } from "../feed-render.ts";
import { siteChannel } from "../lib/feed.ts";
import { getSiteData } from "../site-data.ts";

/** The site feed: every published article, newest first, in full. */
export const GET: APIRoute = async () => feedResponse(siteChannel(), (await getSiteData()).articles);
