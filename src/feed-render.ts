/**
 * Renders every published article body to HTML for the feeds, once per build: MDX through Astro's
 * container API with the same components as the article page, then cleaned by src/lib/feed.ts. The
 * price charts in it become static SVG files (/charts/<hash>.svg) that src/pages/charts/ writes.
 */
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { loadRenderers } from "astro:container";
import { render } from "astro:content";
import { getContainerRenderer } from "@astrojs/mdx/container-renderer";
import { mdxComponents } from "./components/mdx/index.ts";
import {
  articlePath,
  buildFeed,
  chartImageName,
  cleanFeedHtml,
  leadImageHtml,
  type FeedChannel,
} from "./lib/feed.ts";
import { absoluteUrl } from "./lib/site.ts";
import { getSiteData, preview, type Article } from "./site-data.ts";

/** What the feed render gives MDX components in `Astro.locals.feed`. */
export interface FeedLocals {
  /**
   * Publishes a chart as a static image: stores the standalone SVG and returns the absolute URL of
   * the file it will be written to. `spec` describes the chart; only the SVG decides the file name.
   */
  chartImage(spec: unknown, svg: string): string;
}

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
  const feed: FeedLocals = {
    chartImage(_spec, svg) {
      const name = chartImageName(svg);
      charts.set(name, svg);
      return absoluteUrl(`/charts/${name}.svg`);
    },
  };
  // One at a time, so chart files and errors come in article order.
  for (const article of articles) {
    html.set(
      article.id,
      cleanFeedHtml(await renderBody(container, article, feed), absoluteUrl(articlePath(article.id))),
    );
  }
  return { html, charts };
}

/** The article as a feed shows it: its lead image, if any, then its body. */
async function renderBody(container: AstroContainer, article: Article, feed: FeedLocals): Promise<string> {
  const { Content } = await render(article);
  const locals = {
    article: {
      id: article.id,
      file: article.filePath ?? `content/articles/${article.id}.mdx`,
      date: article.data.date,
    },
    feed,
  };
  const body = await container.renderToString(Content, { props: { components: mdxComponents }, locals });
  const image = article.data.image;
  return image ? leadImageHtml({ ...image.src, alt: image.alt }) + body : body;
}

let cached: Promise<FeedContent> | undefined;

/** Every published article rendered for feeds: once per build (on every request in dev). */
export function getFeedContent(): Promise<FeedContent> {
  if (preview) return renderAll();
  return (cached ??= renderAll());
}

/** The feed of `channel` over `articles` (published, newest first), as the response a route returns. */
export async function feedResponse(channel: FeedChannel, articles: readonly Article[]): Promise<Response> {
  const [{ tagById, tickerById }, { html }] = await Promise.all([getSiteData(), getFeedContent()]);
  const xml = await buildFeed(channel, articles, { tagById, tickerById, html });
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
