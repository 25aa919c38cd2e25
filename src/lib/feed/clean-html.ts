/**
 * Rendered article HTML made fit for a feed reader: every link and image URL absolute, nothing that
 * needs scripts or the site's stylesheet. The HTML must pass the allowlist of rendered article HTML
 * (src/lib/mdx/allowlist.ts) first: anything outside it is refused, never quietly dropped, so a feed
 * can only carry what an article page may carry. What is then removed is page plumbing the list
 * allows on the page: class and data attributes, the chart's scripts and its custom element.
 */
import { toHtml } from "hast-util-to-html";
import { parseHtmlFragment, renderedHtmlProblems, type HastNode } from "../mdx/allowlist.ts";

/** Properties whose value is one URL. */
const URL_PROPERTIES = new Set(["href", "src"]);

/** Properties that mean something only with the site's CSS or scripts. */
function isPageOnly(property: string): boolean {
  return property === "className" || /^data[A-Z]/.test(property);
}

function clean(node: HastNode, base: string): HastNode[] {
  if (node.type !== "element") return [node];
  const children = (node.children ?? []).flatMap((child) => clean(child, base));
  // The chart's script and the JSON it reads are for the page's interactive chart.
  if (node.tagName === "script") return [];
  const properties = Object.fromEntries(
    Object.entries(node.properties ?? {})
      .filter(([property]) => !isPageOnly(property))
      .map(([property, value]) => [
        property,
        URL_PROPERTIES.has(property) ? new URL(String(value), base).href : value,
      ]),
  );
  // A custom element (a page enhancement such as <price-chart>) means nothing to a reader, nor does
  // a <span> left without attributes: keep the content, drop the wrapper.
  if (node.tagName!.includes("-") || (node.tagName === "span" && Object.keys(properties).length === 0)) {
    return children;
  }
  return [{ ...node, properties, children }];
}

/**
 * Makes rendered article HTML fit for `content:encoded`: relative URLs resolved against `pageUrl`
 * (the article's own URL), no class or data attributes, no scripts, custom elements and bare spans
 * unwrapped. Throws, listing each, if the HTML holds anything outside the allowlist.
 */
export function cleanFeedHtml(html: string, pageUrl: string): string {
  const tree = parseHtmlFragment(html);
  const problems = renderedHtmlProblems(tree);
  if (problems.length > 0) throw new Error(`not accepted in a feed: ${problems.join("; ")}`);
  const children = (tree.children ?? []).flatMap((child) => clean(child, pageUrl));
  return toHtml({ type: "root", children } as never, {
    characterReferences: { useNamedReferences: true },
  }).trim();
}
