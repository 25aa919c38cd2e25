import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  themeInitScript,
  cspForAstro,
  headersFor,
  parseCsp,
  parseHeadersFile,
  sha256Source,
} from "../../src/lib/site/index.ts";

describe("reading a _headers file", () => {
  const text = [
    "# comment",
    "/*",
    "  X-Frame-Options: DENY",
    "  Referrer-Policy:  no-referrer ",
    "",
    "/feeds/*",
    "  Cache-Control: max-age=60",
  ].join("\n");

  it("groups indented headers under their path pattern", () => {
    expect(parseHeadersFile(text)).toEqual([
      { pattern: "/*", headers: { "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer" } },
      { pattern: "/feeds/*", headers: { "Cache-Control": "max-age=60" } },
    ]);
    expect(headersFor(parseHeadersFile(text), "/feeds/*")).toEqual({ "Cache-Control": "max-age=60" });
  });

  it("names the file and line of a header outside any pattern, and a missing pattern", () => {
    expect(() => parseHeadersFile("  X-Frame-Options: DENY", "site/_headers")).toThrow(
      'site/_headers: line 1: "X-Frame-Options: DENY" is not an indented "Name: value" line under a path pattern',
    );
    expect(() => headersFor(parseHeadersFile(text), "/nope")).toThrow(
      'public/_headers has no rule for /nope: add a line "/nope" with its headers indented under it',
    );
  });
});

describe("splitting a policy for Astro's security.csp", () => {
  it("keeps other directives, splits hashes from sources, and drops what a meta policy cannot carry", () => {
    const policy =
      "default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self'; frame-ancestors 'none'; object-src 'none'";
    expect(parseCsp(policy).get("script-src")).toEqual(["'self'", "'sha256-abc='"]);
    expect(cspForAstro(policy)).toEqual({
      directives: ["default-src 'self'", "object-src 'none'"],
      scriptResources: ["'self'"],
      scriptHashes: ["sha256-abc="],
      styleResources: ["'self'"],
      styleHashes: [],
    });
  });

  it("hashes text as browsers do for inline scripts (SHA-256 of the UTF-8 bytes, base64)", () => {
    // The well-known SHA-256 of the empty string.
    expect(sha256Source("")).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });
});

describe("public/_headers", () => {
  const headers = headersFor(parseHeadersFile(readFileSync("public/_headers", "utf8")));
  const scriptSrc = parseCsp(headers["Content-Security-Policy"] ?? "").get("script-src") ?? [];

  it("allows the first-paint theme script by its current hash", () => {
    const hash = sha256Source(themeInitScript);
    expect(
      scriptSrc,
      `src/lib/site/theme-init.ts changed: put ${hash} in public/_headers' script-src`,
    ).toContain(hash);
  });

  it("allows no inline script or eval beyond that", () => {
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc.filter((s) => s.startsWith("'sha"))).toHaveLength(1);
  });
});
