/**
 * The one rule for URLs that content puts into a page: Markdown links and images, HTML attributes and
 * component props. A URL passes only if a browser reads it exactly as written, so no spelling can
 * disguise it: no spaces or control characters (browsers drop tabs and line breaks, so `java\tscript:`
 * is `javascript:`), then a scheme the site accepts in any case (`HTTPS:` is `https:`), a site path from
 * the root (`/tags/nvidia/`, not `//host` or `/\host`, which leave the site) or a `#fragment` of the same
 * page. Character references (`&#106;`) and JavaScript escapes (`\u006a`) are decoded before this sees
 * the value, by the MDX parser and by reading the prop, so they disguise nothing either.
 */

/** The schemes a link may use; anything else (javascript:, data:, vbscript:, file:, …) is refused. */
export const URL_SCHEMES = ["http:", "https:", "mailto:"] as const;

export type CheckedUrl =
  /** A page of this site, by its path (query and fragment removed): `/tags/nvidia/`. */
  | { kind: "site"; path: string }
  /** Another site, or an email address. */
  | { kind: "external" }
  /** A `#fragment` of the page itself. */
  | { kind: "fragment" }
  /** An image file next to the article (`./chart.png`), which the build processes. */
  | { kind: "file" }
  | { problem: string };

/** A host no URL of ours can have: relative URLs resolved against it stay on it. */
const BASE = new URL("https://site.invalid/");

/** A scheme as RFC 3986 spells it, at the start of the value: `https:`, `JavaScript:`. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * ASCII control characters, spaces, the other characters browsers strip or split URLs on, and U+FFFD
 * (what a parser puts in place of a character reference to a control character).
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const INVISIBLE = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff\ufffd]/u;

const SITE_PATH_EXAMPLE = "a site path such as /tags/nvidia/";

/**
 * How `value` is checked for a link (`kind: "link"`) or an image (`kind: "image"`). Images come from
 * the site only: the Content-Security-Policy (`img-src 'self'`) blocks other hosts, and a remote image
 * would tell its host who reads the article.
 */
export function checkUrl(value: string, kind: "link" | "image" = "link"): CheckedUrl {
  if (value === "") return { problem: "is empty; give the address" };
  const invisible = INVISIBLE.exec(value);
  if (invisible) {
    const code = invisible[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    return {
      problem: `contains a space, or a control, invisible or replacement character (U+${code}), at position ${invisible.index + 1}; browsers skip some of these, so the address may not be what it looks like: remove it (write %20 for a space)`,
    };
  }
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (kind === "image") {
      return {
        problem: `is an image on another site (${scheme}:); the site shows only its own images (its Content-Security-Policy blocks others, and a remote image tells its host who reads the article): put the file next to the article and write ./file.jpg`,
      };
    }
    if (!(URL_SCHEMES as readonly string[]).includes(`${scheme}:`)) {
      return {
        problem: `uses the scheme "${scheme}:", which is not accepted; link with ${URL_SCHEMES.join(", ")} or to ${SITE_PATH_EXAMPLE}`,
      };
    }
    return URL.canParse(value) ? { kind: "external" } : { problem: "is not a valid address" };
  }
  if (value.startsWith("#")) return { kind: "fragment" };
  if (value.startsWith("/")) {
    if (!URL.canParse(value, BASE)) return { problem: "is not a valid address" };
    const url = new URL(value, BASE);
    if (url.host !== BASE.host) {
      return {
        problem: `starts with "${value.slice(0, 2)}", which browsers read as another site; write https://… for another site, or ${SITE_PATH_EXAMPLE}`,
      };
    }
    return { kind: "site", path: url.pathname };
  }
  if (kind === "link") {
    return {
      problem: `is a relative address, which depends on the page it is on; write ${SITE_PATH_EXAMPLE} or a full https:// address`,
    };
  }
  // A file next to the article: `./chart.png`, `images/chart.png`. A backslash is a slash to a
  // browser (`\\host/x.png` is another site), so folders are written with `/` only.
  if (value.includes("\\"))
    return { problem: "contains a backslash; write folders with /, as in ./images/chart.png" };
  if (value.split("/").includes("..")) {
    return {
      problem:
        "climbs out of the article's folder (..); put the image next to the article and write ./file.jpg",
    };
  }
  return { kind: "file" };
}
