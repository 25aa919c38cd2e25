/**
 * Rendered article HTML made fit for a feed reader: every link and image URL absolute, nothing that
 * needs scripts or the site's stylesheet.
 */
import render from "dom-serializer";
import { DomUtils, parseDocument } from "htmlparser2";

/** Elements a feed reader cannot use (they need scripts, the site's CSS, or are page plumbing). */
const DROPPED_ELEMENTS = new Set([
  "script",
  "style",
  "template",
  "noscript",
  "canvas",
  "link",
  "meta",
  "iframe",
  "object",
  "embed",
]);

/** Attributes whose value is one URL. */
const URL_ATTRIBUTES = new Set(["href", "src", "poster", "cite"]);

/** Attributes that only mean something with the site's CSS or scripts; readers strip or misread them. */
function isPageOnlyAttribute(name: string): boolean {
  return name === "style" || name === "class" || name.startsWith("on") || name.startsWith("data-");
}

function absolute(value: string, base: string): string | undefined {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return trimmed;
  }
  return url.protocol === "javascript:" ? undefined : url.href;
}

/** `a.png 1x, /b.png 2x` with each URL made absolute. */
function absoluteSrcset(value: string, base: string): string {
  return value
    .split(",")
    .map((candidate) => {
      const [url = "", ...descriptors] = candidate.trim().split(/\s+/);
      return [absolute(url, base) ?? "", ...descriptors].join(" ");
    })
    .filter((candidate) => candidate.trim() !== "")
    .join(", ");
}

/** The attributes worth keeping, with URLs made absolute; `javascript:` URLs are dropped. */
function cleanAttributes(attribs: Record<string, string>, base: string): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(attribs)) {
    if (isPageOnlyAttribute(name)) continue;
    const cleaned = URL_ATTRIBUTES.has(name)
      ? absolute(value, base)
      : name === "srcset"
        ? absoluteSrcset(value, base)
        : value;
    if (cleaned !== undefined) kept[name] = cleaned;
  }
  return kept;
}

type Node = ReturnType<typeof parseDocument>["children"][number];

function clean(nodes: readonly Node[], base: string): void {
  for (const node of [...nodes]) {
    if (DomUtils.isComment(node)) {
      DomUtils.removeElement(node);
      continue;
    }
    if (!DomUtils.isTag(node)) continue;
    if (DROPPED_ELEMENTS.has(node.name) || "hidden" in node.attribs) {
      DomUtils.removeElement(node);
      continue;
    }
    node.attribs = cleanAttributes(node.attribs, base);
    clean(node.children, base);
    // A custom element (a page enhancement such as <price-chart>) means nothing to a reader, nor does
    // a <span> left without attributes: keep the content, drop the wrapper.
    if (node.name.includes("-") || (node.name === "span" && Object.keys(node.attribs).length === 0)) {
      for (const child of [...node.children]) DomUtils.prepend(node, child);
      DomUtils.removeElement(node);
    }
  }
}

/**
 * Makes rendered article HTML safe to put in `content:encoded`: every link and image URL absolute
 * (relative ones resolved against `pageUrl`, the article's own URL), no scripts, styles, canvases,
 * comments or hidden elements, no `style`/`class`/`on*`/`data-*` attributes, custom elements and
 * bare spans unwrapped.
 */
export function cleanFeedHtml(html: string, pageUrl: string): string {
  const document = parseDocument(html);
  clean(document.children, pageUrl);
  return render(document.children, { encodeEntities: "utf8" }).trim();
}
