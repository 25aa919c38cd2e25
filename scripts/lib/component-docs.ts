/**
 * The component section of docs/editing.md, written from the registry's docs entries
 * (src/lib/mdx/registry.ts), so the guide cannot drift from what the components accept. The section
 * sits between two markers; `npm run docs` rewrites it, and a unit test fails when it is stale.
 */
import { format } from "prettier";
import { MDX_COMPONENT_NAMES, MDX_COMPONENTS, type ComponentDocs } from "../../src/lib/mdx/index.ts";

export const GUIDE = "docs/editing.md";
const START = "<!-- mdx-components:start (written by npm run docs from src/lib/mdx/registry.ts) -->";
const END = "<!-- mdx-components:end -->";

function section(name: string, docs: ComponentDocs): string {
  const withWhat = docs.props.some((prop) => prop.what);
  const head = withWhat ? "| prop | values | default | what it does |" : "| prop | values | default |";
  const rule = withWhat ? "| --- | --- | --- | --- |" : "| --- | --- | --- |";
  const rows = docs.props.map((prop) => {
    const cells = [`\`${prop.name}\``, prop.values, prop.default, ...(withWhat ? [prop.what ?? ""] : [])];
    return `| ${cells.join(" | ")} |`;
  });
  return [
    `### \`<${name}>\``,
    docs.summary,
    [head, rule, ...rows].join("\n"),
    ...(docs.notes ? [docs.notes] : []),
    "```mdx\n" + docs.example + "\n```",
  ].join("\n\n");
}

/** The section as the guide holds it, Prettier-formatted like the rest of the file. */
export async function componentDocs(): Promise<string> {
  const text = MDX_COMPONENT_NAMES.map((name) => section(name, MDX_COMPONENTS[name].docs)).join("\n\n");
  return format(text, { parser: "markdown", printWidth: 110 });
}

/** The guide with its component section replaced by `section`; throws if the markers are missing. */
export function withComponentDocs(guide: string, section: string): string {
  const start = guide.indexOf(START);
  const end = guide.indexOf(END);
  if (start === -1 || end < start) {
    throw new Error(
      `${GUIDE}: the markers ${START} and ${END} are missing; put them around the component section`,
    );
  }
  return `${guide.slice(0, start + START.length)}\n\n${section.trim()}\n\n${guide.slice(end)}`;
}
