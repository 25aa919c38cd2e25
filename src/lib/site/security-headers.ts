/**
 * The site's security headers live in one file, public/_headers (the format Netlify and Cloudflare
 * Pages read: a path pattern, then indented `Name: value` lines). astro.config.ts reads it to send the
 * same headers from `astro preview` (so the browser tests and Lighthouse run under them) and to give
 * Astro's per-page `<meta>` Content-Security-Policy the same rules, for hosts that ignore _headers
 * (GitHub Pages). These helpers parse the file and split its policy the way Astro wants it.
 */
import { createHash } from "node:crypto";

export interface HeaderRule {
  /** Path pattern, e.g. `/*`. */
  pattern: string;
  headers: Record<string, string>;
}

/** Parses a _headers file; comments (`#`) and blank lines are ignored. Throws on a malformed line. */
export function parseHeadersFile(text: string, file = "public/_headers"): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "" || line.trim().startsWith("#")) return;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      return;
    }
    const match = /^\s+([A-Za-z0-9-]+):\s*(.+?)\s*$/.exec(line);
    const rule = rules.at(-1);
    if (!match || !rule) {
      throw new Error(
        `${file}: line ${index + 1}: ${JSON.stringify(line.trim())} is not an indented "Name: value" line under a path pattern`,
      );
    }
    rule.headers[match[1]!] = match[2]!;
  });
  return rules;
}

/** The headers of the rule for exactly `pattern` (the site-wide rule is `/*`). */
export function headersFor(rules: readonly HeaderRule[], pattern = "/*"): Record<string, string> {
  const rule = rules.find((r) => r.pattern === pattern);
  if (!rule) {
    throw new Error(
      `public/_headers has no rule for ${pattern}: add a line "${pattern}" with its headers indented under it`,
    );
  }
  return rule.headers;
}

/** A Content-Security-Policy as directive name -> sources, in the order written. */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** The CSP source for a hash of an inline script or style: `'sha256-…'`. */
export function sha256Source(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** Directives a `<meta>` policy may not carry (browsers ignore them there, with a console error). */
const HEADER_ONLY = new Set(["frame-ancestors", "report-uri", "report-to", "sandbox"]);

const isHash = (source: string) => /^'sha(256|384|512)-[^']+'$/.test(source);

export interface AstroCsp {
  /** Directives other than script-src and style-src, as written. */
  directives: string[];
  scriptResources: string[];
  /** Hashes without their quotes, as Astro's config takes them. */
  scriptHashes: `sha256-${string}`[];
  styleResources: string[];
  styleHashes: `sha256-${string}`[];
}

/** Splits a policy into what Astro's `security.csp` option takes; Astro adds its own hashes. */
export function cspForAstro(policy: string): AstroCsp {
  const csp = parseCsp(policy);
  const sources = (name: string) => csp.get(name) ?? [];
  const hashes = (name: string) =>
    sources(name)
      .filter(isHash)
      .map((h) => h.slice(1, -1) as `sha256-${string}`);
  return {
    directives: [...csp]
      .filter(([name]) => name !== "script-src" && name !== "style-src" && !HEADER_ONLY.has(name))
      .map(([name, list]) => [name, ...list].join(" ")),
    scriptResources: sources("script-src").filter((s) => !isHash(s)),
    scriptHashes: hashes("script-src"),
    styleResources: sources("style-src").filter((s) => !isHash(s)),
    styleHashes: hashes("style-src"),
  };
}
