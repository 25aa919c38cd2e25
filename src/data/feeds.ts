/**
 * Renders every published article body to HTML for the feeds, once per build: MDX through Astro's
 * container API with the same components as the article page, then cleaned by src/lib/feed/clean-html.ts. The
 * price charts in it become static SVG files (/charts/<hash>.svg) that src/pages/charts/ writes.
 */
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { loadRenderers } from "astro:container";
import { render } from "astro:content";
import { getContainerRenderer } from "@astrojs/mdx/container-renderer";
import { mdxComponents } from "@/components/mdx/index.ts";
import { articleContextOf } from "@/data/ticker-data.ts";
import {
  buildFeed,
  chartImageName,
  chartImagePath,
  cleanFeedHtml,
  leadImageHtml,
  type FeedChannel,
} from "@/lib/feed";
import { articlePath, absoluteUrl, timed } from "@/lib/site";
import { getSiteData, isDevServer, type Article } from "@/data/site-data.ts";

type ChartImages = NonNullable<App.Locals["chartImages"]>;

export interface FeedContent {
  /** Each published article's body as clean feed HTML, by article id. */
  html: Map<string, string>;
  /** Chart images the bodies reference: file name (content hash, no extension) -> SVG. */
  charts: Map<string, string>;
}

async function renderAll(): Promise<FeedContent> {
  const { articles } = await getSiteData();
  const container = await AstroContainer.create({
    renderers: await loadRenderers([getContainerRenderer()]),
  });
  const html = new Map<string, string>();
  const charts = new Map<string, string>();
  // PriceChart calls this in feeds (see App.Locals in src/env.d.ts): the SVG is kept for
  // src/pages/charts/[chart].svg.ts to write, named by its content so rebuilds give the same URL.
  const chartImages: ChartImages = {
    publish(svg) {
      charts.set(chartImageName(svg), svg);
      return absoluteUrl(chartImagePath(svg));
    },
  };
  // One at a time, so chart files and errors come in article order.
  for (const article of articles) {
    const body = await timed("feeds: render a body (container)", () =>
      renderBody(container, article, chartImages),
    );
    html.set(
      article.id,
      timed("feeds: cleanFeedHtml", () => cleanFeedHtml(body, absoluteUrl(articlePath(article.id)))),
    );
  }
  return { html, charts };
}

/** The article as a feed shows it: its lead image, if any, then its body. */
async function renderBody(
  container: AstroContainer,
  article: Article,
  chartImages: ChartImages,
): Promise<string> {
  const { Content } = await render(article);
  const locals: App.Locals = { article: articleContextOf(article), chartImages };
  const body = await container.renderToString(Content, { props: { components: mdxComponents }, locals });
  const image = article.data.image;
  return image ? leadImageHtml({ ...image.src, alt: image.alt }) + body : body;
}

let cached: Promise<FeedContent> | undefined;

/** Every published article rendered for feeds: once per build (on every request in dev). */
export function getFeedContent(): Promise<FeedContent> {
  if (isDevServer) return timed("feeds: every body", renderAll);
  return (cached ??= timed("feeds: every body", renderAll));
}

/** The feed of `channel` over `articles` (published, newest first), as the response a route returns. */
export async function feedResponse(channel: FeedChannel, articles: readonly Article[]): Promise<Response> {
  const [{ tagById, tickerById }, { html }] = await Promise.all([getSiteData(), getFeedContent()]);
  const xml = await timed("feeds: buildFeed", () =>
    buildFeed(channel, articles, { tagById, tickerById, html }),
  );
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
