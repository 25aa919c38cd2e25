/**
 * How components reach the price data: an MDX component computes what it renders through the registry
 * (src/lib/mdx/registry.ts), in the article that the article page or the feed renderer put in
 * `Astro.locals` before rendering its body, so errors name the article's file (or the page). TickerChip,
 * which is not an MDX component, reads one ticker's data the same way.
 */
import {
  articleContext,
  componentProblem,
  computeComponent,
  describeTag,
  lookupTicker,
  MdxSyntaxError,
  scanMdx,
  type ArticleContext,
  type ComponentTag,
  type MdxComponentName,
} from "@/lib/mdx";
import { readArticleSource } from "@/lib/content/read.ts";
import type { TickerData } from "@/lib/prices";
import { getSiteData } from "@/data/site-data.ts";

/** Scanned tags by file, with the text they were read from: the page and the feed both need them. */
const scannedTags = new Map<string, { source: string; tags: readonly ComponentTag[] | undefined }>();

/** The component tags of an article file, as the loader read them, for the lines errors give. */
function tagsOf(file: string): readonly ComponentTag[] | undefined {
  const read = readArticleSource(file, file);
  if (!("source" in read)) return undefined;
  const cached = scannedTags.get(file);
  if (cached?.source === read.source) return cached.tags;
  let tags: readonly ComponentTag[] | undefined;
  try {
    tags = scanMdx(read.source).tags;
  } catch (error) {
    if (!(error instanceof MdxSyntaxError)) throw error;
  }
  scannedTags.set(file, { source: read.source, tags });
  return tags;
}

/** The context an article's body is rendered in, on its page and in feeds alike. */
export function articleContextOf(article: {
  id: string;
  filePath?: string;
  data: Parameters<typeof articleContext>[0]["data"];
}): ArticleContext {
  const file = article.filePath ?? `content/articles/${article.id}.mdx`;
  return {
    ...articleContext({ id: article.id, file, data: article.data }),
    // Read only when a component fails and its message needs the tag's line: reading and scanning
    // every article's source again cost 0.3 s of the render thread at 1000 articles.
    get tags() {
      return tagsOf(file);
    },
  };
}

/** What a component is, as its .astro file knows it (`Astro` satisfies it). */
interface Component {
  props: object;
  locals: App.Locals;
  url: URL;
}

/** What MDX component `name` renders here: computed from its props, the article and the price data. */
export async function renderComponent<Name extends MdxComponentName>(name: Name, component: Component) {
  const where = { article: component.locals.article, page: component.url.pathname };
  return computeComponent(name, component.props as Record<string, unknown>, where, await getSiteData());
}

/**
 * `use` run on the data of the ticker a page component (TickerChip) names; any failure, an unknown
 * ticker included, names the article's file or the page, and the tag as written.
 */
export async function withTickerData<T>(
  name: string,
  component: Component,
  use: (data: TickerData) => T,
): Promise<T> {
  try {
    return use(lookupTicker(await getSiteData(), (component.props as { ticker?: unknown }).ticker));
  } catch (error) {
    const file = component.locals.article?.file ?? `page ${component.url.pathname}`;
    throw new Error(componentProblem(file, describeTag(name, component.props), error), { cause: error });
  }
}
