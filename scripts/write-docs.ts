/**
 * Rewrites the generated parts of the docs from the code: the component section of docs/editing.md
 * from the MDX component registry (src/lib/mdx/registry.ts).
 *
 *   npm run docs
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { componentDocs, GUIDE, withComponentDocs } from "./lib/component-docs.ts";

const before = readFileSync(GUIDE, "utf8");
const after = withComponentDocs(before, await componentDocs());
if (after === before) {
  console.log(`${GUIDE}: up to date`);
} else {
  writeFileSync(`${GUIDE}.tmp`, after);
  renameSync(`${GUIDE}.tmp`, GUIDE);
  console.log(`${GUIDE}: component section rewritten from src/lib/mdx/registry.ts`);
}
