/**
 * Finds the component tags of an article body the way the build does, without building: with
 * Sätteri, the MDX parser Astro compiles articles with. So `npm run check:content` sees exactly the
 * tags the build renders: not the ones inside code blocks, inline code or `{/* comments *\/}`.
 */
import { createContext, runInContext, type Context } from "node:vm";
import { mdxToMdast } from "satteri";

/** A component tag in an article body, with its props as the component would receive them. */
export interface ComponentTag {
  name: string;
  /** Props in the order written; a bare attribute (`<X flag />`) is `true`, as in JSX. */
  props: Record<string, unknown>;
  /**
   * Props whose value is only known when the article runs (`{...spread}`, a variable): the tag
   * cannot be checked without a build.
   */
  unreadable: string[];
  line: number;
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
  attributes?: Attribute[];
  children?: Node[];
  position?: { start: { line: number } };
}

interface Attribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
}

/**
 * The value of a `{...}` attribute expression. Article props are literals (`[{ date: "2025-01-27",
 * label: "Sell-off" }]`), evaluated in an empty context with a time limit, like the compiled article
 * would; anything that needs the article's scope (a variable, a function) is `undefined`.
 */
function evaluate(expression: string): { value: unknown } | undefined {
  try {
    const value: unknown = runInContext(
      `(${expression}\n)`,
      (sandbox ??= createContext(Object.create(null))),
      {
        timeout: 1000,
      },
    );
    // Copy into this realm: the props then behave exactly like the compiled article's.
    return { value: structuredClone(value) };
  } catch {
    return undefined;
  }
}

/** One empty context for every expression: making a context costs far more than running a literal. */
let sandbox: Context | undefined;

function tagOf(node: Node): ComponentTag {
  const props: Record<string, unknown> = {};
  const unreadable: string[] = [];
  for (const attribute of node.attributes ?? []) {
    if (attribute.type === "mdxJsxExpressionAttribute" || !attribute.name) {
      unreadable.push(`{${String(attribute.value)}}`);
      continue;
    }
    const raw = attribute.value;
    if (raw === null || raw === undefined) props[attribute.name] = true;
    else if (typeof raw === "string") props[attribute.name] = raw;
    else {
      const result = evaluate(raw.value);
      if (result) props[attribute.name] = result.value;
      else unreadable.push(attribute.name);
    }
  }
  return { name: node.name ?? "", props, unreadable, line: node.position?.start.line ?? 0 };
}

/** Names an article imports in its own `import` statements (they are not site components). */
function importedNames(esm: string): string[] {
  const names: string[] = [];
  for (const match of esm.matchAll(/import\s+([^'"]+?)\s+from\s/g)) {
    for (const part of match[1]!.replace(/[{}]/g, ",").split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .at(-1)
        ?.replace(/^\*\s*/, "");
      if (name) names.push(name);
    }
  }
  return names;
}

/**
 * Every component tag (a JSX element whose name starts with a capital) in an MDX source, in document
 * order, and the names the article imports itself. Throws MdxSyntaxError where the build's parser
 * would fail.
 */
export function scanMdx(source: string): { tags: ComponentTag[]; imports: string[] } {
  let tree: Node;
  try {
    tree = mdxToMdast(source, { position: true }) as unknown as Node;
  } catch (error) {
    const message = (error as Error).message.replace(/\s*\([\w-]+:[\w-]+\)$/, "");
    const at = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
    throw new MdxSyntaxError(at ? `line ${at[1]}, column ${at[2]}: ${at[3]}` : message);
  }
  const tags: ComponentTag[] = [];
  const imports: string[] = [];
  const walk = (node: Node): void => {
    if (node.type === "mdxjsEsm" && typeof node.value === "string")
      imports.push(...importedNames(node.value));
    if (
      (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") &&
      node.name &&
      /^[A-Z]/.test(node.name) &&
      !node.name.includes(".")
    ) {
      tags.push(tagOf(node));
    }
    node.children?.forEach(walk);
  };
  walk(tree);
  return { tags, imports };
}
