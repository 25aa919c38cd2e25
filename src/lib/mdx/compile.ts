/**
 * Compiles an article body to HTML when the content is loaded, instead of to a JavaScript module the
 * bundler builds: an article is Markdown, a few HTML elements and registered components with literal
 * props (the allowlist, ./scan.ts), so nothing in it needs to run. The body is parsed by Sätteri, the
 * parser Astro's MDX integration uses, with the same features; headings get the same ids and local
 * images the same markers as Astro's own Markdown pipeline (@astrojs/markdown-satteri), so Astro's
 * `render()` turns them into optimised images. Each component becomes a marker comment, and
 * src/components/ArticleContent.astro renders the component there.
 *
 * The source must have passed scanMdx: anything else stops here with the file's name.
 */
import GithubSlugger from "github-slugger";
import type { Element, ElementContent, Nodes, Properties, Root, RootContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { mdxToHast } from "satteri";
import { readingMinutes } from "../content/articles.ts";
import { propertyOf } from "./allowlist.ts";
import { attributeValue, isOnlyComments, literalValue } from "./literal.ts";
import { isMdxComponent, type MdxComponentName } from "./registry.ts";

/** A component of the body, as ArticleContent renders it at its marker. */
export interface BodyComponent {
  name: MdxComponentName;
  props: Record<string, unknown>;
}

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** What `render()` and ArticleContent need: Astro's RenderedContent, with the components in its metadata. */
export interface CompiledBody {
  /** The body's HTML, with `<!--md-component:N-->` where component N goes. */
  html: string;
  metadata: {
    headings: Heading[];
    /** Local images (`./chart.png`), which Astro imports and optimises. */
    imagePaths: string[];
    components: BodyComponent[];
    /** The reading time the article page shows: the body itself is not kept in the content store. */
    readingMinutes: number;
  };
}

/** The metadata flag of a body whose HTML the content store does not hold (src/data/compiled-body.ts). */
export const COMPILED_ON_REQUEST = "compiledOnRequest";

/**
 * Where component N goes: the comment `<!--md-component:N-->`, which no article text can produce
 * (MDX has no HTML comments, and text is escaped).
 */
const MARKER = "md-component:";
const MARKERS = new RegExp(`<!--${MARKER}(\\d+)-->`, "g");

/** Sätteri's MDX nodes, as its hast tree carries them. */
interface MdxJsxNode {
  type: "mdxJsxFlowElement" | "mdxJsxTextElement";
  name: string | null;
  attributes: { type: string; name?: string; value?: string | null | { value: string } }[];
  children: MdxNode[];
}
interface MdxExpressionNode {
  type: "mdxFlowExpression" | "mdxTextExpression";
  value: string;
}
type MdxNode = Nodes | MdxJsxNode | MdxExpressionNode;

const FEATURES = { gfm: true, smartPunctuation: true, frontmatter: true };

export function compileMdx(source: string): CompiledBody {
  const components: BodyComponent[] = [];
  const imagePaths = new Set<string>();
  const imageIndex = new Map<string, number>();

  const attributesOf = (node: MdxJsxNode): Record<string, unknown> => {
    const values: Record<string, unknown> = {};
    for (const attribute of node.attributes) {
      if (attribute.type !== "mdxJsxAttribute" || !attribute.name)
        throw new Error(`<${node.name}> has a spread attribute`);
      const result = attributeValue(attribute.value);
      if (!("value" in result)) throw new Error(`<${node.name} ${attribute.name}>: ${result.problem}`);
      values[attribute.name] = result.value;
    }
    return values;
  };

  const convert = (node: MdxNode): ElementContent[] => {
    switch (node.type) {
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement": {
        const name = node.name ?? "";
        if (isMdxComponent(name)) {
          components.push({ name, props: attributesOf(node) });
          return [{ type: "comment", value: `${MARKER}${components.length - 1}` }];
        }
        if (!/^[a-z][a-z0-9]*$/.test(name)) throw new Error(`<${name}> is not an element or a component`);
        const properties: Properties = {};
        for (const [attribute, value] of Object.entries(attributesOf(node))) {
          if (typeof value !== "string" && value !== true)
            throw new Error(`<${name} ${attribute}> is not text`);
          properties[propertyOf(attribute)] = value;
        }
        return [element({ type: "element", tagName: name, properties, children: children(node.children) })];
      }
      case "mdxFlowExpression":
      case "mdxTextExpression": {
        if (isOnlyComments(node.value)) return [];
        const literal = literalValue(node.value);
        if ("value" in literal && typeof literal.value === "string")
          return [{ type: "text", value: literal.value }];
        throw new Error(`{${node.value}} is not a comment or text`);
      }
      case "element":
        return [element({ ...node, children: children(node.children) })];
      case "text":
      case "comment":
        return [node];
      default:
        throw new Error(`a ${node.type} node is not expected in an article body`);
    }
  };
  const children = (nodes: readonly MdxNode[]): ElementContent[] => nodes.flatMap(convert);

  const element = (node: Element): Element => (node.tagName === "img" ? markImage(node) : node);

  // As @astrojs/markdown-satteri's image marker: Astro's render() replaces the marker by the optimised image.
  const markImage = (node: Element): Element => {
    const { src, ...rest } = node.properties;
    if (typeof src !== "string") return node;
    const path = decodeURI(src);
    if (URL.canParse(path) || path.startsWith("/")) return node;
    imagePaths.add(path);
    const index = imageIndex.get(src) ?? 0;
    imageIndex.set(src, index + 1);
    return { ...node, properties: { __ASTRO_IMAGE_: JSON.stringify({ ...rest, src: path, index }) } };
  };

  const tree = mdxToHast(source, { position: false, features: FEATURES }) as unknown as {
    children: MdxNode[];
  };
  const root: Root = { type: "root", children: tree.children.flatMap(convert) as RootContent[] };
  const headings = addHeadingIds(root);
  return {
    html: toHtml(root, { allowDangerousHtml: true, characterReferences: { useNamedReferences: true } }),
    metadata: { headings, imagePaths: [...imagePaths], components, readingMinutes: readingMinutes(source) },
  };
}

/** `compileMdx` for an article's file: what stops it is reported with the file's name. */
export function compileArticleBody(file: string, body: string): CompiledBody {
  try {
    return compileMdx(body);
  } catch (error) {
    throw new Error(`${file}: (body): ${(error as Error).message}`, { cause: error });
  }
}

/** Ids from the headings' text, as Astro gives them (github-slugger); an id written in the article stays. */
function addHeadingIds(root: Root): Heading[] {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === "element" && /^h[1-6]$/.test(node.tagName)) {
      const text = textOf(node);
      const existing = node.properties.id;
      const slug = typeof existing === "string" ? existing : slugger.slug(text);
      node.properties.id = slug;
      headings.push({ depth: Number(node.tagName[1]), slug, text });
    }
    if ("children" in node) node.children.forEach(visit);
  };
  visit(root);
  return headings;
}

function textOf(node: Nodes): string {
  if (node.type === "text") return node.value;
  return "children" in node ? node.children.map(textOf).join("") : "";
}

/** What to do when the content store holds a body another compiler wrote: Astro's two store folders. */
export const STALE_STORE_FIX = "delete .astro/ and node_modules/.astro/, then build again";

/**
 * A compiled body as the content store gives it back, checked once so its metadata is typed: a store
 * written by an older compiler, without these fields, is refused with the fix.
 */
export function storedBody(
  file: string,
  rendered: { html: string; metadata?: Record<string, unknown> } | undefined,
): CompiledBody {
  const metadata = rendered?.metadata;
  if (!rendered || typeof metadata?.readingMinutes !== "number" || !Array.isArray(metadata.components))
    throw new Error(`${file}: (body): the content store holds no compiled body for it; ${STALE_STORE_FIX}`);
  return rendered as CompiledBody;
}

/** `html` cut at its markers: its HTML and, at each marker, the component it stands for. */
export function splitAtMarkers(
  html: string,
  components: readonly BodyComponent[],
): (string | BodyComponent)[] {
  // split() with a capturing group alternates the HTML between markers and the markers' numbers.
  const pieces = html.split(MARKERS);
  const markers = pieces.filter((_, i) => i % 2 === 1);
  // Each component has exactly one marker, in order: anything else means the HTML is not this body's.
  if (markers.length !== components.length || markers.some((marker, i) => Number(marker) !== i)) {
    throw new Error(
      `the compiled body has ${markers.length} component marker(s) for ${components.length} component(s); ${STALE_STORE_FIX}`,
    );
  }
  return pieces.flatMap((piece, i): (string | BodyComponent)[] =>
    i % 2 === 1 ? [components[Number(piece)]!] : piece ? [piece] : [],
  );
}
