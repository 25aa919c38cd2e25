/**
 * The JavaScript an article may hold: literal values only. Every `{…}` in an MDX file is code that
 * the build runs with the build's own rights (it could read files, or fetch and print anything), so
 * an article from an untrusted contributor may write data (`height={320}`, `markers={[{ date: "…",
 * label: "…" }]}`) and comments, never code. Values are read from the syntax tree (acorn), not run,
 * so what check:content sees is exactly what the compiled article passes.
 */
import { parse, type Node } from "acorn";

const OPTIONS = { ecmaVersion: "latest", sourceType: "module" } as const;

/** The value of a literal expression, or what in it is not a literal. */
export type LiteralResult = { value: unknown } | { problem: string };

/** What an expression that is not a literal is, in an editor's words. */
function describe(node: Node & Record<string, unknown>): string {
  switch (node.type) {
    case "Identifier":
      return `the name ${String(node.name)} (a variable)`;
    case "CallExpression":
    case "NewExpression":
    case "TaggedTemplateExpression":
      return "a function call";
    case "MemberExpression":
      return "a property lookup";
    case "ArrowFunctionExpression":
    case "FunctionExpression":
      return "a function";
    case "TemplateLiteral":
      return "a template with ${…} in it";
    case "SpreadElement":
      return "a spread (...)";
    case "ImportExpression":
      return "an import()";
    default:
      return "an expression";
  }
}

class NotLiteral extends Error {}

function valueOf(node: Node & Record<string, unknown>): unknown {
  switch (node.type) {
    case "Literal":
      if (node.regex || node.bigint !== undefined) throw new NotLiteral("a regular expression or a bigint");
      return node.value;
    case "TemplateLiteral": {
      const quasis = node.quasis as { value: { cooked: string } }[];
      if ((node.expressions as Node[]).length > 0) throw new NotLiteral(describe(node));
      return quasis[0]!.value.cooked;
    }
    case "UnaryExpression": {
      const argument = node.argument as Node & Record<string, unknown>;
      if ((node.operator === "-" || node.operator === "+") && typeof argument.value === "number") {
        return node.operator === "-" ? -argument.value : argument.value;
      }
      throw new NotLiteral(describe(node));
    }
    case "ArrayExpression":
      return (node.elements as ((Node & Record<string, unknown>) | null)[]).map((element) => {
        if (element === null) throw new NotLiteral("an empty slot in a list (,,)");
        return valueOf(element);
      });
    case "ObjectExpression": {
      const object: Record<string, unknown> = {};
      for (const property of node.properties as (Node & Record<string, unknown>)[]) {
        if (
          property.type !== "Property" ||
          property.computed ||
          property.method ||
          property.kind !== "init"
        ) {
          throw new NotLiteral(
            property.type === "SpreadElement" ? describe(property) : "a computed or method property",
          );
        }
        const key = property.key as Node & { name?: string; value?: unknown };
        const name = key.type === "Identifier" ? key.name! : String(key.value);
        if (name === "__proto__") throw new NotLiteral("the key __proto__");
        object[name] = valueOf(property.value as Node & Record<string, unknown>);
      }
      return object;
    }
    default:
      throw new NotLiteral(describe(node));
  }
}

/**
 * The value of `expression` if it is a literal: text, a number, true, false, null, a list or an
 * object of literals (a template without `${…}` is text).
 */
export function literalValue(expression: string): LiteralResult {
  let program;
  try {
    program = parse(`(${expression}\n)`, OPTIONS);
  } catch (error) {
    return { problem: `is not valid JavaScript (${(error as Error).message.replace(/ \(\d+:\d+\)$/, "")})` };
  }
  const [statement, ...rest] = program.body;
  if (statement?.type !== "ExpressionStatement" || rest.length > 0) {
    return { problem: "is not a single value" };
  }
  try {
    return {
      value: valueOf((statement as unknown as { expression: Node & Record<string, unknown> }).expression),
    };
  } catch (error) {
    if (!(error instanceof NotLiteral)) throw error;
    return { problem: `holds ${error.message}; only literal values are accepted` };
  }
}

/**
 * The value a JSX attribute gives its prop, as JSX gives it: a bare attribute (`<X flag />`) is
 * `true`, a quoted one its text, `{…}` its literal value (or the problem with it).
 */
export function attributeValue(raw: string | null | undefined | { value: string }): LiteralResult {
  if (raw === null || raw === undefined) return { value: true };
  return typeof raw === "string" ? { value: raw } : literalValue(raw.value);
}

/** True when `expression` holds nothing but comments and spaces: `{/* a note *\/}`. */
export function isOnlyComments(expression: string): boolean {
  try {
    return parse(expression, OPTIONS).body.length === 0;
  } catch {
    return false;
  }
}
