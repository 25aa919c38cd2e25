/**
 * Renders the body of every article some feed carries to HTML, once per build: through Astro's
 * container API with the article page's own component (src/components/ArticleContent.astro), held to
 * the allowlist of rendered HTML as the page is (src/data/article-html.ts), then cleaned by
 * src/lib/feed/clean-html.ts. The price
 * charts in it become static SVG files (/charts/<hash>.svg) that src/pages/charts/ writes.
 */
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import ArticleContent from "@/components/ArticleContent.astro";
import { articleContextOf } from "@/data/ticker-data.ts";
import { renderArticleBody } from "@/data/article-html.ts";
import {
  authorChannel,
  buildFeed,
  carriedArticles,
  carriedByFeeds,
  chartImageName,
  chartImagePath,
  cleanFeedHtml,
  leadImageHtml,
  siteChannel,
  tagChannel,
  tickerChannel,
  type FeedChannel,
} from "@/lib/feed";
import { articlePath, absoluteUrl, FEED_FORMATS, timed, type FeedFormat } from "@/lib/site";
import {
  getSiteData,
  isDevServer,
  pageKey,
  shownInKey,
  type Article,
  type SiteData,
} from "@/data/site-data.ts";

type ChartImages = NonNullable<App.Locals["chartImages"]>;

export interface FeedContent {
  /** The body of each article a feed carries, as clean feed HTML, by article id. */
  html: Map<string, string>;
  /** Chart images the bodies reference: file name (content hash, no extension) -> SVG. */
  charts: Map<string, string>;
}

async function renderAll(): Promise<FeedContent> {
  const data = await getSiteData();
  const { articles } = data;
  const carried = carriedByFeeds(data);
  const container = await AstroContainer.create();
  const html = new Map<string, string>();
  const charts = new Map<string, string>();
  // PriceChart and CompareChart call this in feeds (see App.Locals in src/env.d.ts): the SVG is kept for
  // src/pages/charts/[chart].svg.ts to write, named by its content so rebuilds give the same URL.
  const chartImages: ChartImages = {
    publish(svg) {
      charts.set(chartImageName(svg), svg);
      return absoluteUrl(chartImagePath(svg));
    },
  };
  // One at a time, so chart files and errors come in article order.
  for (const article of articles) {
    if (!carried.has(article.id)) continue;
    const body = await timed("feeds: render a body (container)", () =>
      renderBody(container, article, chartImages),
    );
    try {
      html.set(
        article.id,
        timed("feeds: cleanFeedHtml", () => cleanFeedHtml(body, absoluteUrl(articlePath(article.id)))),
      );
    } catch (error) {
      throw new Error(`${articleContextOf(article).file}: (feed body): ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  return { html, charts };
}

/** The article as a feed shows it: its lead image, if any, then its body. */
async function renderBody(
  container: AstroContainer,
  article: Article,
  chartImages: ChartImages,
): Promise<string> {
  const context = articleContextOf(article);
  const locals: App.Locals = { article: context, chartImages };
  const body = await renderArticleBody(context, () =>
    container.renderToString(ArticleContent, { props: { article }, locals }),
  );
  const image = article.data.image;
  return image ? leadImageHtml({ ...image.src, alt: image.alt }) + body : body;
}

let cached: Promise<FeedContent> | undefined;

/** The articles the feeds carry, rendered for them: once per build (on every request in dev). */
export function getFeedContent(): Promise<FeedContent> {
  if (isDevServer) return timed("feeds: every body", renderAll);
  return (cached ??= timed("feeds: every body", renderAll));
}

/** The feed of `channel` over `articles` (published, newest first) in `format`, as the response a route returns. */
export async function feedResponse(
  format: FeedFormat,
  channel: FeedChannel,
  articles: readonly Article[],
): Promise<Response> {
  const [{ tagById, tickerById, authorById, today }, { html }] = await Promise.all([
    getSiteData(),
    getFeedContent(),
  ]);
  const body = await timed("feeds: buildFeed", () =>
    buildFeed(format, channel, articles, { tagById, tickerById, authorById, html }, today),
  );
  return new Response(body, { headers: { "Content-Type": `${FEED_FORMATS[format].type}; charset=utf-8` } });
}

/** The pages that have feeds, of one kind: each with its route params, its channel and its articles. */
type FeedPages = () => Promise<
  { params: Record<string, string>; channel: FeedChannel; articles: readonly Article[] }[]
>;

/** Every kind of page that has feeds: the site, each tag, ticker and author with published articles. */
export const feedPages = {
  site: async () => [{ params: {}, channel: siteChannel(), articles: (await getSiteData()).articles }],
  tag: async () =>
    (await getSiteData()).tagsWithArticles.map(({ tag, articles }) => ({
      params: { tag: tag.id },
      channel: tagChannel(tag),
      articles,
    })),
  ticker: async () =>
    (await getSiteData()).tickersWithArticles.map(({ ticker, articles }) => ({
      params: { id: ticker.id },
      channel: tickerChannel(ticker),
      articles,
    })),
  author: async () =>
    (await getSiteData()).authorsWithArticles.map(({ author, articles }) => ({
      params: { author: author.id },
      channel: authorChannel(author),
      articles,
    })),
} satisfies Record<string, FeedPages>;

/**
 * A feed file's incremental-build key: what buildFeed reads. Its format and channel; each carried
 * article's frontmatter and body digest (its feed HTML is rendered from these, and from the prices
 * and registries the shared key covers); the build date only when no article is carried, the one
 * time a feed shows it (an empty Atom feed's date). A feed is copied while its key stays the same.
 */
function feedKey(
  data: Pick<SiteData, "sharedKey" | "today">,
  format: FeedFormat,
  channel: FeedChannel,
  articles: readonly Article[],
): string {
  const carried = carriedArticles(articles);
  const items = carried.map((article) => [shownInKey(article), article.digest]);
  return pageKey(data, format, channel, items, carried.length === 0 ? data.today : null);
}

interface FeedProps {
  format: FeedFormat;
  channel: FeedChannel;
  articles: readonly Article[];
}

/**
 * A feed route's getStaticPaths and GET: one file per page and format. The XML formats share a route
 * named `[format].xml.ts` (rss.xml, atom.xml), JSON Feed has `feed.json.ts`: a route's file name must
 * end in the extension for Astro to publish it as a file rather than a directory.
 */
function feedRoute(
  pages: FeedPages,
  formats: readonly { format: FeedFormat; params: Record<string, string> }[],
) {
  return {
    getStaticPaths: async () => {
      const data = await getSiteData();
      return (await pages()).flatMap(({ params, channel, articles }) =>
        formats.map(({ format, params: more }) => ({
          params: { ...params, ...more },
          props: { format, channel, articles } satisfies FeedProps,
          cacheKey: feedKey(data, format, channel, articles),
        })),
      );
    },
    GET: ({ props }: { props: FeedProps }) => feedResponse(props.format, props.channel, props.articles),
  };
}

/** The RSS and Atom files of `pages`: a `[format].xml.ts` route. */
export const xmlFeedRoute = (pages: FeedPages) =>
  feedRoute(pages, [
    { format: "rss", params: { format: "rss" } },
    { format: "atom", params: { format: "atom" } },
  ]);

/** The JSON Feed file of `pages`: a `feed.json.ts` route. */
export const jsonFeedRoute = (pages: FeedPages) => feedRoute(pages, [{ format: "json", params: {} }]);
