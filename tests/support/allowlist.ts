/**
 * What the built site's tests hold rendered HTML to, written apart from the code under test: the
 * allowlist of rendered article HTML (RENDERED_HTML) read with htmlparser2, another parser than the
 * build's, and URLs judged as a browser reads them (the WHATWG URL parser).
 */
import { DomUtils, parseDocument } from "htmlparser2";
import { find, html as htmlSpace, svg as svgSpace } from "property-information";
import { RENDERED_HTML } from "../../src/lib/mdx/index.ts";
import { site } from "../../src/lib/site/index.ts";

/** What a browser makes of a URL (the WHATWG URL parser, after the characters it strips). */
export function browserUrl(url: string, page: string): URL | undefined {
  // eslint-disable-next-line no-control-regex -- the characters the URL standard strips
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
  return URL.canParse(cleaned, page) ? new URL(cleaned, page) : undefined;
}

/** Safe as a browser reads it: an http(s) or mailto link, or a page of this site. */
export function browserSafe(url: string, page = `${site.url}/articles/x/`): boolean {
  const read = browserUrl(url, page);
  if (!read) return true; // a browser does not follow what it cannot parse
  return ["http:", "https:", "mailto:"].includes(read.protocol);
}

const lower = (name: string) => name.toLowerCase();
const ALLOWED_TAGS = new Set((RENDERED_HTML.tagNames ?? []).map(lower));

/** Attribute names (lowercase, as htmlparser2 gives them) the allowlist accepts on `tag`. */
function allowedAttributes(tag: string): Set<string> {
  const entries = [...(RENDERED_HTML.attributes?.["*"] ?? []), ...(RENDERED_HTML.attributes?.[tag] ?? [])];
  return new Set(
    entries.flatMap((entry) => {
      const property = typeof entry === "string" ? entry : entry[0];
      if (property.startsWith(":")) return [property.slice(1)];
      return [find(htmlSpace, property).attribute, find(svgSpace, property).attribute].map(lower);
    }),
  );
}

export type Element = ReturnType<typeof DomUtils.findAll>[number];

/** Everything in `elements` outside the allowlist, or unsafe as a browser reads it. */
export function outsideAllowlist(elements: Element[], page: string): string[] {
  const problems: string[] = [];
  for (const element of elements) {
    const tag = lower(element.name);
    if (!ALLOWED_TAGS.has(tag)) problems.push(`<${tag}> on ${page}`);
    const allowed = allowedAttributes(tag === "foreignobject" ? "foreignObject" : tag);
    for (const [name, value] of Object.entries(element.attribs)) {
      if (!allowed.has(lower(name))) problems.push(`<${tag} ${name}> on ${page}`);
      if ((name === "href" || name === "src") && !browserSafe(value, page))
        problems.push(`<${tag} ${name}="${value}"> on ${page}`);
    }
  }
  return problems;
}

/** What acts on a reader anywhere in a page, its chrome included. */
export function actsOnReader(html: string, page: string): string[] {
  const document = parseDocument(html);
  return DomUtils.findAll(() => true, document.children).flatMap((element) => {
    const tag = lower(element.name);
    const found: string[] = [];
    if (["iframe", "frame", "object", "embed", "base", "applet", "portal"].includes(tag))
      found.push(`<${tag}>`);
    if (
      tag === "meta" &&
      element.attribs["http-equiv"] &&
      lower(element.attribs["http-equiv"]) !== "content-security-policy"
    ) {
      found.push(`<meta http-equiv="${element.attribs["http-equiv"]}">`);
    }
    for (const [name, value] of Object.entries(element.attribs)) {
      if (lower(name).startsWith("on")) found.push(`<${tag} ${name}>`);
      if (["href", "src", "action", "formaction"].includes(lower(name)) && !browserSafe(value, page))
        found.push(`<${tag} ${name}="${value}">`);
    }
    return found.map((f) => `${f} on ${page}`);
  });
}

/** The elements inside a page's article body (the element marked data-article-body), if it has one. */
export function articleBodyElements(html: string): Element[] | undefined {
  const body = DomUtils.findOne((e) => "data-article-body" in e.attribs, parseDocument(html).children);
  return body ? DomUtils.findAll(() => true, body.children) : undefined;
}

/** Every element of an HTML fragment (a feed item's content). */
export function fragmentElements(html: string): Element[] {
  return DomUtils.findAll(() => true, parseDocument(html).children);
}
