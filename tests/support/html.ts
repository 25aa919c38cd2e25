/**
 * Just enough HTML reading for checks over the built site: Astro's output is compact and regular, so
 * tags are found with patterns and their attributes parsed, without a DOM.
 */

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', "#39": "'", lt: "<", gt: ">", apos: "'" };

export function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(amp|quot|#39|lt|gt|apos);/g, (_, name: string) => ENTITIES[name] ?? "");
}

/** Attributes of every start tag named `tag`, in document order. */
export function tags(html: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const match of html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>`, "gi"))) {
    const attrs: Record<string, string> = {};
    for (const attr of (match[1] ?? "").matchAll(/([^\s=/>]+)(?:="([^"]*)")?/g)) {
      attrs[attr[1]!.toLowerCase()] = decodeEntities(attr[2] ?? "");
    }
    out.push(attrs);
  }
  return out;
}

/** `<meta>` content by `name` or `property`. */
export function meta(html: string, key: string): string | undefined {
  return tags(html, "meta").find((m) => m.name === key || m.property === key)?.content;
}

/** `<head>` of a page. */
export function head(html: string): string {
  return /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? "";
}

/** Text content of the first element matching an opening-tag pattern, e.g. `<h1[^>]*>`. */
export function textOf(html: string, open: string, tag: string): string | undefined {
  const match = new RegExp(`${open}([\\s\\S]*?)</${tag}>`).exec(html);
  return match ? decodeEntities(match[1]!.replace(/<[^>]+>/g, "")).trim() : undefined;
}
