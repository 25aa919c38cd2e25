/**
 * What an article may contain, as allowlists, and what rendered article HTML may contain. Both HTML
 * lists are schemas in the format of hast-util-sanitize (GitHub's sanitizer rules, as the unified
 * ecosystem keeps them), and that library decides whether an element and its attributes pass. We
 * never let it clean anything: an element or attribute it would drop is refused, with the file, the
 * line and what to write instead (./scan.ts walks the article; src/data checks the rendered HTML).
 *
 * - ARTICLE_HTML: the few HTML elements an article may write itself, for what Markdown cannot say.
 * - RENDERED_HTML: what the build may put in an article's body on the page and in feeds: that, what
 *   Markdown renders to, and what the registered components (src/components/mdx/) emit.
 */
import { defaultSchema, sanitize, type Schema } from "hast-util-sanitize";
import { htmlToHast } from "satteri";
import { find, html as htmlSpace } from "property-information";
import { checkUrl } from "../site/urls.ts";

type Properties = Record<string, unknown>;

/**
 * A schema that starts from nothing: every key is set, so none of the library's defaults applies.
 * URLs are left to the site's URL rule (src/lib/site/urls.ts), applied to every URL attribute: the
 * library's protocol check is case-sensitive (`HTTPS:` fails it) and does not see the characters
 * browsers strip (`java\tscript:` passes it).
 */
function makeSchema(entries: Pick<Schema, "tagNames" | "attributes" | "ancestors">): Schema {
  return {
    ...entries,
    protocols: {},
    required: {},
    clobber: [],
    clobberPrefix: "",
    strip: [],
    allowComments: false,
    allowDoctypes: false,
  };
}

/** A BCP 47 language tag: `zh`, `zh-Hans`, `pt-BR`. */
const LANG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/** The elements an article may write as HTML, each for something Markdown has no syntax for. */
export const ARTICLE_HTML = makeSchema({
  tagNames: ["abbr", "cite", "figcaption", "figure", "q", "span", "sub", "sup", "time"],
  attributes: {
    "*": [["lang", LANG]],
    abbr: ["title"],
    time: [["dateTime", /^\d{4}-\d{2}-\d{2}$/]],
  },
  ancestors: { figcaption: ["figure"] },
});

const heading = ["h1", "h2", "h3", "h4", "h5", "h6"];
/** Class names on the registered components' own markup (their data attributes are listed one by one). */
const styled = ["className"];
const svgPaint = [
  "className",
  "fill",
  "fillOpacity",
  "stroke",
  "strokeWidth",
  "strokeDashArray",
  "strokeLineJoin",
];

/** The ids a chart's figure gives its title and caption (ChartPanel, ComparePanel), for aria-labelledby. */
const CHART_PART_ID = /^(?:chart|compare)-[a-z0-9-]+-(?:title|caption)$/;

/** The rendered body of an article, on its page and in feeds. */
export const RENDERED_HTML = makeSchema({
  tagNames: [
    ...(ARTICLE_HTML.tagNames ?? []),
    // Markdown (with GFM: tables, strikethrough, footnotes, autolinks).
    ...["a", "blockquote", "br", "code", "del", "em", "hr", "img", "li", "ol", "p", "pre", "strong", "ul"],
    ...[...heading, "section", "table", "tbody", "td", "th", "thead", "tr"],
    // <PriceChart>: figure, static SVG, data table, the JSON it hands the interactive chart, its script.
    ...["caption", "details", "div", "price-chart", "script", "summary"],
    ...["circle", "g", "line", "path", "rect", "svg", "text"],
  ],
  attributes: {
    ...ARTICLE_HTML.attributes,
    a: [
      "href",
      "title",
      "id",
      "dataFootnoteRef",
      "dataFootnoteBackref",
      "ariaDescribedBy",
      "ariaLabel",
      ["className", "data-footnote-backref"],
    ],
    code: [["className", /^language-[\w-]+$/]],
    ...Object.fromEntries(heading.map((h) => [h, h === "h2" ? ["id", ["className", "sr-only"]] : ["id"]])),
    img: [
      "src",
      "alt",
      "title",
      "width",
      "height",
      ["loading", "lazy", "eager"],
      ["decoding", "async"],
      // The dev server's mark on the images Astro optimises, for its toolbar; a build does not add it.
      ["dataImageComponent", "true"],
    ],
    section: ["dataFootnotes", ["className", "footnotes"]],
    span: [...styled, ["dataMove", "up", "down", "flat"]],
    figure: [...styled, "dataPriceChart", "dataCompareChart", ["ariaLabelledBy", CHART_PART_ID]],
    p: [...styled, ["id", CHART_PART_ID]],
    figcaption: [...styled, ["id", CHART_PART_ID]],
    // <CompareChart>'s legend.
    ul: [...styled, "dataChartLegend"],
    li: ["id", ...styled],
    ...Object.fromEntries(
      ["div", "price-chart", "details", "summary", "table", "caption", "tr"].map((tag) => [tag, styled]),
    ),
    // A documented gap's row spans the data columns.
    td: [...styled, ["colSpan", /^\d$/]],
    th: [...styled, ["scope", "row", "col"]],
    script: [
      ["type", "module", "application/json"],
      ["src", /^\/_astro\/[\w.-]+\.js$/],
    ],
    svg: [
      ...styled,
      [":xmlns", "http://www.w3.org/2000/svg"],
      ...["width", "height", "x", "y", "viewBox", "preserveAspectRatio", "overflow", "fontSize", "ariaLabel"],
      ["role", "img"],
      ["ariaHidden", "true"],
    ],
    // A chart's volume pane paints its bars as one group.
    g: svgPaint,
    line: [...svgPaint, "x1", "x2", "y1", "y2", "vectorEffect"],
    path: [...svgPaint, "d", "vectorEffect", "dataPoints", "dataSeries"],
    circle: [...svgPaint, "cx", "cy", "r"],
    rect: [...svgPaint, "x", "y", "width", "height"],
    text: [...svgPaint, "x", "y", "dx", "textAnchor"],
  },
  ancestors: { ...ARTICLE_HTML.ancestors, ...defaultSchema.ancestors },
});

/** Each schema without its `ancestors`: the library is asked about one element at a time. */
const alone = new WeakMap<Schema, Schema>();

/**
 * What `schema` drops of an element: the element itself, or some of its properties (by name). The
 * library is asked about the element alone; its place (`ancestors`, the tags it must be inside) is
 * checked here against the tags it is really inside.
 */
export function refusedParts(
  schema: Schema,
  tagName: string,
  properties: Properties,
  ancestors: readonly string[],
): { element: boolean; properties: string[] } {
  const needs = schema.ancestors?.[tagName];
  const placed = !needs || needs.some((name) => ancestors.includes(name));
  let single = alone.get(schema);
  if (!single) alone.set(schema, (single = { ...schema, ancestors: {} }));
  const clean = sanitize(
    { type: "element", tagName, properties: properties as never, children: [] },
    single,
  ) as { type: string; properties?: Properties };
  if (clean.type !== "element" || !placed) return { element: true, properties: [] };
  const kept = clean.properties ?? {};
  return {
    element: false,
    properties: Object.keys(properties).filter(
      (name) => JSON.stringify(kept[name]) !== JSON.stringify(properties[name]),
    ),
  };
}

/** The hast property an HTML attribute name stands for (`http-equiv` -> `httpEquiv`). */
export function propertyOf(attribute: string): string {
  return find(htmlSpace, attribute).property;
}

/** The HTML attribute of a hast property (`httpEquiv` -> `http-equiv`), for messages. */
export function attributeOf(property: string): string {
  return property.startsWith(":") ? property.slice(1) : find(htmlSpace, property).attribute;
}

const markdown = (syntax: string) => `write it in Markdown: ${syntax}`;
const link = "link to it instead: [text](https://…)";

/** What to write instead of an element an article may not use, after "is not accepted in an article: ". */
const ELEMENT_INSTEAD: Record<string, string> = {
  a: "write a Markdown link: [text](https://…) or [text](/tags/nvidia/)",
  img: "write a Markdown image: ![what it shows](./file.jpg), with the file next to the article",
  p: "leave a blank line between paragraphs",
  br: "end the line with a backslash (\\) for a line break, or start a new paragraph",
  ...Object.fromEntries(heading.map((h, i) => [h, markdown(`${"#".repeat(Math.max(2, i + 1))} Heading`)])),
  em: markdown("*emphasis*"),
  i: markdown("*emphasis*"),
  strong: markdown("**strong**"),
  b: markdown("**strong**"),
  del: markdown("~~struck out~~"),
  s: markdown("~~struck out~~"),
  code: markdown("`code`"),
  pre: markdown("a fenced code block (```)"),
  blockquote: markdown("> quoted text"),
  ul: markdown("- item"),
  ol: markdown("1. item"),
  li: markdown("- item or 1. item"),
  hr: markdown("--- on a line of its own"),
  ...Object.fromEntries(
    ["table", "thead", "tbody", "tr", "td", "th"].map((t) => [t, markdown("a table (| a | b |)")]),
  ),
  script: "scripts do not run in articles; a chart or a figure is a component (see docs/editing.md)",
  style: "the site's stylesheet styles every article; use Markdown (*emphasis*, **strong**)",
  link: "a page's head comes from its layout and frontmatter",
  meta: "a page's metadata comes from its frontmatter, and nothing in the body may redirect or describe the page",
  base: "a page's addresses come from the site configuration",
  svg: "a chart is <PriceChart>; another drawing is an image: ![what it shows](./file.svg)",
  math: "write the formula in words or as an image",
};
for (const tag of ["iframe", "frame", "frameset", "object", "embed", "applet", "portal", "video", "audio"]) {
  ELEMENT_INSTEAD[tag] = `embedded content is not accepted; ${link}`;
}
for (const tag of [
  "form",
  "input",
  "button",
  "select",
  "textarea",
  "option",
  "label",
  "fieldset",
  "output",
]) {
  ELEMENT_INSTEAD[tag] = "articles have no forms";
}
for (const tag of [
  "div",
  "section",
  "article",
  "aside",
  "header",
  "footer",
  "nav",
  "main",
  "font",
  "center",
]) {
  ELEMENT_INSTEAD[tag] = "the page lays out and styles the article; use Markdown headings and paragraphs";
}

const ALLOWED_ELEMENTS = `the HTML an article may use is ${(ARTICLE_HTML.tagNames ?? []).map((t) => `<${t}>`).join(", ")} (see docs/editing.md)`;

/** Why an element is not accepted in an article, and what to write instead. */
export function refusedElement(tagName: string, ancestors: readonly string[]): string {
  const needs = ARTICLE_HTML.ancestors?.[tagName];
  if (needs && !needs.some((name) => ancestors.includes(name))) {
    return `<${tagName}> is accepted only inside ${needs.map((n) => `<${n}>`).join(" or ")}`;
  }
  return `the element <${tagName}> is not accepted in an article: ${ELEMENT_INSTEAD[tagName.toLowerCase()] ?? ALLOWED_ELEMENTS}`;
}

/** Why an attribute is not accepted on an article element, and what to write instead. */
export function refusedAttribute(tagName: string, attribute: string, value: unknown): string {
  const name = attribute.toLowerCase();
  const accepted = [
    ...(ARTICLE_HTML.attributes?.["*"] ?? []),
    ...(ARTICLE_HTML.attributes?.[tagName] ?? []),
  ].map((entry) => attributeOf(typeof entry === "string" ? entry : entry[0]));
  const known = accepted.includes(attributeOf(propertyOf(attribute)));
  const why = known
    ? `the value ${JSON.stringify(value)} is not accepted; ${
        name === "lang" ? 'give a language tag such as "zh" or "pt-BR"' : 'write the date as "YYYY-MM-DD"'
      }`
    : name.startsWith("on")
      ? "event handlers run scripts, and articles have none"
      : name === "style" || name === "class" || name === "classname"
        ? "the site's stylesheet styles every article; use Markdown (*emphasis*, **strong**)"
        : name === "id" || name === "name"
          ? "headings get their ids from their text, so links to a section work without one"
          : name === "href" || name === "src"
            ? "links and images are written in Markdown: [text](url), ![alt](./file.jpg)"
            : `<${tagName}> takes ${accepted.length > 0 ? accepted.join(", ") : "no attributes"}`;
  return `the attribute ${attribute} is not accepted on <${tagName}>: ${why}`;
}

/** Attributes whose value is a URL, in rendered HTML. */
const URL_PROPERTIES = new Set([
  "href",
  "src",
  "cite",
  "action",
  "formAction",
  "poster",
  "srcSet",
  "xLinkHref",
]);

export interface HastNode {
  type: string;
  tagName?: string;
  properties?: Properties;
  children?: HastNode[];
  value?: string;
}

/** `<span class="x">` as messages show an element of rendered HTML. */
function showElement(node: HastNode): string {
  const attributes = Object.entries(node.properties ?? {}).map(([property, value]) => {
    const text = Array.isArray(value) ? value.join(" ") : String(value);
    return ` ${attributeOf(property)}="${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
  });
  return `<${node.tagName}${attributes.join("")}>`;
}

/**
 * Everything in a rendered HTML tree outside `schema`, one line each: elements and attributes it
 * would drop, URLs that break the URL rule (src/lib/site/urls.ts), comments, and scripts that are
 * not the site's own files or JSON data.
 */
export function renderedHtmlProblems(tree: HastNode, allowed: Schema = RENDERED_HTML): string[] {
  const problems: string[] = [];
  const walk = (node: HastNode, ancestors: string[]): void => {
    if (node.type === "comment") problems.push("an HTML comment, which the allowlist does not accept");
    if (node.type === "element" && node.tagName) {
      const properties = node.properties ?? {};
      const refused = refusedParts(allowed, node.tagName, properties, ancestors);
      if (refused.element)
        problems.push(`${showElement(node)}: the element <${node.tagName}> is not in the allowlist`);
      for (const [property, value] of Object.entries(properties)) {
        const checked = URL_PROPERTIES.has(property) ? checkUrl(String(value)) : undefined;
        if (checked && "problem" in checked) {
          problems.push(`${showElement(node)}: ${attributeOf(property)} ${checked.problem}`);
        } else if (refused.properties.includes(property)) {
          problems.push(
            `${showElement(node)}: the attribute ${attributeOf(property)} is not in the allowlist`,
          );
        }
      }
      const text = (node.children ?? []).map((child) => child.value ?? "").join("");
      if (
        node.tagName === "script" &&
        properties.type !== "application/json" &&
        (!properties.src || text.trim())
      ) {
        problems.push(
          `${showElement(node)}: a script must be one of the site's own files, with no code inline`,
        );
      }
      if (node.tagName === "script" && properties.type === "application/json" && properties.src) {
        problems.push(`${showElement(node)}: a JSON data block has no src`);
      }
    }
    for (const child of node.children ?? []) {
      walk(child, node.tagName ? [...ancestors, node.tagName] : ancestors);
    }
  };
  walk(tree, []);
  return problems;
}

/** An HTML fragment parsed as a browser parses it (Sätteri's HTML parser follows the HTML standard). */
export function parseHtmlFragment(html: string): HastNode {
  return htmlToHast(html, { fragment: true }) as unknown as HastNode;
}

/** renderedHtmlProblems of an HTML fragment. */
export function checkRenderedHtml(html: string, allowed: Schema = RENDERED_HTML): string[] {
  return renderedHtmlProblems(parseHtmlFragment(html), allowed);
}
