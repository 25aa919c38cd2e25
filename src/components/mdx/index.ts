/**
 * The implementations of the MDX components, one `<Name>.astro` file each, by name: the article page
 * and the feed renderer pass this map, so an article renders the same everywhere. The names are the
 * registry's (src/lib/mdx/registry.ts), which says what each computes and documents it; a file without
 * an entry there, or an entry without a file, stops the build here.
 */
import type { AstroComponentFactory } from "astro/runtime/server/index.js";
import { MDX_COMPONENT_NAMES, type MdxComponentName } from "@/lib/mdx";

const files = import.meta.glob<AstroComponentFactory>("./*.astro", { eager: true, import: "default" });
const byName = new Map(Object.entries(files).map(([path, file]) => [path.slice(2, -".astro".length), file]));

const unregistered = [...byName.keys()].filter((name) => !(MDX_COMPONENT_NAMES as string[]).includes(name));
const missing = MDX_COMPONENT_NAMES.filter((name) => !byName.has(name));
if (unregistered.length > 0 || missing.length > 0) {
  throw new Error(
    `src/components/mdx: ${[
      ...unregistered.map((name) => `${name}.astro has no entry in src/lib/mdx/registry.ts; add one`),
      ...missing.map(
        (name) => `registry entry ${name} has no ${name}.astro; add the file or remove the entry`,
      ),
    ].join("; ")}`,
  );
}

export const mdxComponents = Object.fromEntries(byName) as Record<MdxComponentName, AstroComponentFactory>;
