/**
 * Reads an article body the way the build does, without building: with Sätteri, the MDX parser Astro
 * compiles articles with, in one walk over its syntax tree. The walk holds the article to the
 * allowlist (./allowlist.ts): Markdown constructs, the registered components with literal props, a few
 * HTML elements, URLs that pass the URL rule (src/lib/site/urls.ts); anything else is refused, with
 * its line and what to write instead. It also returns the component tags (for their props to be
 * checked against the data) and the site paths the article links to (for src/lib/content/links.ts).
 * The build's loader and `npm run check:content` both call it, so both refuse the same things.
 */
import { mdxToMdast } from "satteri";
import { checkUrl } from "../site/urls.ts";
import { ARTICLE_HTML, propertyOf, refusedAttribute, refusedElement, refusedParts } from "./allowlist.ts";
import { attributeValue, isOnlyComments, literalValue } from "./literal.ts";
import {
  describeTag,
  isMdxComponent,
  MDX_COMPONENTS,
  missingProp,
  unknownComponent,
  type MdxComponentName,
} from "./registry.ts";

/** A component tag in an article body, with its props as the component receives them. */
export interface ComponentTag {
  name: MdxComponentName;
  /** Props in the order written; a bare attribute (`<X flag />`) is `true`, as in JSX. */
  props: Record<string, unknown>;
  line: number;
}

/** A link or image to a page of the site, for the link check. */
export interface SiteLink {
  /** The path it goes to, without query or fragment: `/tags/nvidia/`. */
  path: string;
  line: number;
  /** How the article writes it, for messages: `link "/tags/nvidia"`. */
  what: string;
}

/** Something the allowlist does not accept. */
export interface Refusal {
  line: number;
  /** What was written, as messages show it: `<meta http-equiv="refresh">`, `link "javascript:x"`. */
  what: string;
  problem: string;
}

export interface BodyScan {
  /** Registered component tags whose props passed the allowlist, in document order. */
  tags: ComponentTag[];
  links: SiteLink[];
  refusals: Refusal[];
  /** Whether the body has an image (Markdown, or an `<img>` element): only then can it have local ones. */
  images: boolean;
}

/** Where the parser gave up: `line 3, column 1: Expected a closing tag for <Move>`. */
export class MdxSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MdxSyntaxError";
  }
}

interface Node {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  identifier?: string;
  align?: (string | null)[];
  checked?: boolean | null;
  attributes?: Attribute[];
  children?: Node[];
  position?: { start: { line: number } };
}

interface Attribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
}

/** Markdown constructs (CommonMark and GFM) an article may use; what they hold is walked too. */
const MARKDOWN = new Set([
  "root",
  "yaml",
  "paragraph",
  "heading",
  "text",
  "emphasis",
  "strong",
  "delete",
  "inlineCode",
  "code",
  "blockquote",
  "list",
  "listItem",
  "thematicBreak",
  "break",
  "link",
  "image",
  "linkReference",
  "imageReference",
  "definition",
  "table",
  "tableRow",
  "tableCell",
  "footnoteReference",
  "footnoteDefinition",
]);

/** Keys of a component prop (at any depth) whose text is a URL: `markers[0].href`. */
const URL_KEYS = new Set(["href", "src", "url"]);

/** At most `n` characters of `text`, for messages. */
function clip(text: string, n = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

/** A URL as messages show it: quoted, with invisible characters escaped (`"java\tscript:x"`). */
function quote(url: string): string {
  const shown = JSON.stringify(url.length > 80 ? `${url.slice(0, 79)}…` : url);
  return shown.replace(
    /[\u0080-\u00a0\u00ad\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]/gu,
    (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, "0")}`,
  );
}

/** `<meta http-equiv="refresh">` as an element was written (values clipped). */
function showJsx(node: Node): string {
  const attributes = (node.attributes ?? []).map((a) => {
    if (a.type === "mdxJsxExpressionAttribute") return ` {${clip(String(a.value), 30)}}`;
    if (a.value === null || a.value === undefined) return ` ${a.name}`;
    if (typeof a.value === "string") return ` ${a.name}="${clip(a.value, 30)}"`;
    return ` ${a.name}={${clip(a.value.value, 30)}}`;
  });
  return `<${node.name ?? ""}${attributes.join("")}>`;
}

/** Parses an MDX source as the build does; throws MdxSyntaxError where the build's parser would fail. */
function parseMdx(source: string): Node {
  try {
    return mdxToMdast(source, { position: true }) as unknown as Node;
  } catch (error) {
    const message = (error as Error).message.replace(/\s*\([\w-]+:[\w-]+\)$/, "");
    const at = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
    throw new MdxSyntaxError(at ? `line ${at[1]}, column ${at[2]}: ${at[3]}` : message);
  }
}

/**
 * The allowlist applied to one MDX source (frontmatter included, so lines are the file's lines):
 * what it refuses, its component tags and its links to site pages. Throws MdxSyntaxError where the
 * build's parser would fail.
 */
export function scanMdx(source: string): BodyScan {
  const tree = parseMdx(source);
  const scan: BodyScan = { tags: [], links: [], refusals: [], images: false };
  const refuse = (line: number, what: string, problem: string) => scan.refusals.push({ line, what, problem });
  const url = (value: string, line: number, what: string, kind: "link" | "image") => {
    const checked = checkUrl(value, kind);
    if ("problem" in checked) refuse(line, what, `the address ${checked.problem}`);
    else if (checked.kind === "site") scan.links.push({ path: checked.path, line, what });
  };
  // Definitions are checked once the walk knows which ones images use.
  const definitions: { node: Node; line: number }[] = [];
  const imageLabels = new Set<string>();

  /** Props of a component as it receives them; refuses what is not a literal. */
  const propsOf = (node: Node, line: number): Record<string, unknown> | undefined => {
    const props: Record<string, unknown> = {};
    let readable = true;
    for (const attribute of node.attributes ?? []) {
      const raw = attribute.value;
      if (attribute.type === "mdxJsxExpressionAttribute" || !attribute.name) {
        refuse(
          line,
          showJsx(node),
          `{${clip(String(raw), 30)}}: spread props are not accepted; write each prop`,
        );
        readable = false;
      } else {
        const result = attributeValue(raw);
        if ("value" in result) props[attribute.name] = result.value;
        else {
          // Only a `{…}` value can fail.
          const expression = (raw as { value: string }).value;
          refuse(
            line,
            showJsx(node),
            `${attribute.name}={${clip(expression, 30)}} ${result.problem} (text, numbers, true, false, lists and { key: value })`,
          );
          readable = false;
        }
      }
    }
    return readable ? props : undefined;
  };

  /** Every URL inside a prop value: `markers[0].href`. */
  const propUrls = (tag: string, value: unknown, path: string, line: number): void => {
    if (Array.isArray(value)) value.forEach((item, i) => propUrls(tag, item, `${path}[${i}]`, line));
    else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        const at = `${path}.${key}`;
        if (URL_KEYS.has(key) && typeof item === "string")
          url(item, line, `<${tag} ${at.slice(1)}=${quote(item)}>`, "link");
        else propUrls(tag, item, at, line);
      }
    }
  };

  const component = (node: Node, written: string, line: number): void => {
    if (!isMdxComponent(written)) {
      refuse(line, showJsx(node), unknownComponent(written));
      return;
    }
    const name = written;
    const props = propsOf(node, line);
    if (!props) return;
    const docs = MDX_COMPONENTS[name].docs.props;
    const names = docs.map((p) => p.name);
    let ok = true;
    for (const prop of Object.keys(props)) {
      if (!names.includes(prop)) {
        refuse(
          line,
          describeTag(name, props),
          `${prop} is not a prop of ${name}; its props are ${names.join(", ")}`,
        );
        ok = false;
      }
    }
    for (const prop of docs.filter((p) => p.default === "required" && props[p.name] === undefined)) {
      refuse(line, describeTag(name, props), missingProp(prop));
      ok = false;
    }
    // A component renders from its props alone: content between its tags would not be shown.
    if ((node.children ?? []).length > 0) {
      refuse(
        line,
        describeTag(name, props),
        `${name} takes no content between <${name}> and </${name}>; write <${name} … /> and put the text outside it`,
      );
      ok = false;
    }
    const before = scan.refusals.length;
    propUrls(name, props, "", line);
    // A tag refused here is not also run: its own check would report the same prop again.
    if (ok && scan.refusals.length === before) scan.tags.push({ name, props, line });
  };

  const html = (node: Node, name: string, line: number, ancestors: readonly string[]): void => {
    const properties: Record<string, unknown> = {};
    const written = new Map<string, string>();
    const expressions = new Set<string>();
    for (const attribute of node.attributes ?? []) {
      const raw = attribute.value;
      if (attribute.type === "mdxJsxExpressionAttribute" || !attribute.name) {
        refuse(line, showJsx(node), `{${clip(String(raw), 30)}}: spread attributes are not accepted`);
        continue;
      }
      const property = propertyOf(attribute.name);
      written.set(property, attribute.name);
      if (raw !== null && raw !== undefined && typeof raw !== "string") {
        // Its value is only known when the article runs; the name alone may already be refused.
        expressions.add(property);
        properties[property] = "";
      } else properties[property] = raw ?? true;
    }
    const refused = refusedParts(ARTICLE_HTML, name, properties, ancestors);
    if (refused.element) {
      refuse(line, showJsx(node), refusedElement(name, ancestors));
      return;
    }
    for (const property of Object.keys(properties)) {
      const attribute = written.get(property)!;
      if (
        expressions.has(property) &&
        !refusedParts(ARTICLE_HTML, name, { [property]: "x" }, ancestors).properties.length
      ) {
        refuse(line, showJsx(node), `${attribute}={…}: write the value in quotes: ${attribute}="…"`);
      } else if (refused.properties.includes(property)) {
        refuse(line, showJsx(node), refusedAttribute(name, attribute, properties[property]));
      }
    }
  };

  const walk = (node: Node, ancestors: readonly string[]): void => {
    const line = node.position?.start.line ?? 0;
    let inside = ancestors;
    switch (node.type) {
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement": {
        const name = node.name ?? "";
        if (name === "") refuse(line, "<>", "fragments (<> … </>) are not accepted; remove the <> and </>");
        else if (/^[A-Z]/.test(name) || name.includes(".")) component(node, name, line);
        else {
          if (name === "img") scan.images = true;
          html(node, name, line, ancestors);
          inside = [...ancestors, name];
        }
        break;
      }
      case "mdxFlowExpression":
      case "mdxTextExpression": {
        const expression = String(node.value ?? "");
        const literal = isOnlyComments(expression) ? undefined : literalValue(expression);
        if (literal && !("value" in literal && typeof literal.value === "string")) {
          refuse(
            line,
            `{${clip(expression, 30)}}`,
            'JavaScript in an article is not accepted (it runs when the site is built); write the text itself, a comment {/* … */}, or {" "} for a space',
          );
        }
        break;
      }
      case "mdxjsEsm":
        refuse(
          line,
          clip(String(node.value ?? "")),
          `import and export are not accepted in an article (they run code when the site is built); the components (${Object.keys(MDX_COMPONENTS).sort().join(", ")}) work without an import`,
        );
        break;
      case "link":
        url(node.url ?? "", line, `link ${quote(node.url ?? "")}`, "link");
        break;
      case "image":
        scan.images = true;
        url(node.url ?? "", line, `image ${quote(node.url ?? "")}`, "image");
        break;
      case "definition":
        definitions.push({ node, line });
        break;
      case "imageReference":
        scan.images = true;
        imageLabels.add(node.identifier ?? "");
        break;
      case "listItem":
        if (typeof node.checked === "boolean") {
          refuse(
            line,
            node.checked ? "- [x]" : "- [ ]",
            "task-list items render as form checkboxes; write a plain list item",
          );
        }
        break;
      case "table":
        if (node.align?.some((a) => a !== null)) {
          refuse(
            line,
            "table",
            "column alignment (:--, --:, :-:) is not accepted: it needs inline styles, which the site's Content-Security-Policy blocks; use plain --- in the separator row",
          );
        }
        break;
      default:
        if (!MARKDOWN.has(node.type)) refuse(line, node.type, "this construct is not accepted in an article");
    }
    node.children?.forEach((child) => walk(child, inside));
  };
  walk(tree, []);

  for (const { node, line } of definitions) {
    const kind = imageLabels.has(node.identifier ?? "") ? "image" : "link";
    url(node.url ?? "", line, `[${node.identifier}]: ${quote(node.url ?? "")}`, kind);
  }
  scan.links.sort((a, b) => a.line - b.line);
  scan.refusals.sort((a, b) => a.line - b.line);
  return scan;
}

/** A refusal as a problem line: `content/articles/x.mdx: line 12: <meta http-equiv="refresh">: …`. */
export function refusalProblem(file: string, refusal: Refusal): string {
  return `${file}: line ${refusal.line}: ${refusal.what}: ${refusal.problem}`;
}
