/**
 * Security headers and the Content-Security-Policy over the built site: dist/_headers carries the
 * headers a static host needs, its policy allows every inline script and style the pages contain (by
 * hash; no 'unsafe-inline' for scripts), and every page carries the same policy in a <meta> element.
 */
import { describe, expect, it } from "vitest";
import { distFiles, readDist } from "../support/dist";
import { headersFor, parseCsp, parseHeadersFile, sha256Source } from "../../src/lib/site/index.ts";

const headers = headersFor(parseHeadersFile(readDist("_headers"), "dist/_headers"));
const policy = parseCsp(headers["Content-Security-Policy"] ?? "");
const pages = distFiles(".html");

/** Executable inline scripts (not data blocks such as JSON-LD) and inline styles of a page. */
function inlineCode(html: string): { scripts: string[]; styles: string[] } {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(
      ([, attrs]) => !/\bsrc=/.test(attrs!) && !/type="?(application\/(ld\+)?json|importmap)/i.test(attrs!),
    )
    .map(([, , code]) => code!);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(([, css]) => css!);
  return { scripts, styles };
}

describe("dist/_headers", () => {
  it("sets the security headers for every path", () => {
    expect(Object.keys(headers)).toEqual(
      expect.arrayContaining([
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
      ]),
    );
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  });

  it("has a policy that allows no inline script, eval, plugins or framing", () => {
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  });
});

describe("every page under that policy", () => {
  it.each(pages)("%s: its inline scripts and styles are allowed by hash", (file) => {
    const { scripts, styles } = inlineCode(readDist(file));
    const missing = [
      ...scripts
        .map(sha256Source)
        .filter((h) => !policy.get("script-src")?.includes(h))
        .map((h) => `script ${h}`),
      ...styles
        .map(sha256Source)
        .filter((h) => !policy.get("style-src")?.includes(h))
        .map((h) => `style ${h}`),
    ];
    expect(missing).toEqual([]);
  });

  it.each(pages)(
    "%s: carries the policy in a <meta> element too, without 'unsafe-inline' for scripts",
    (file) => {
      const meta = /<meta http-equiv="content-security-policy" content="([^"]+)">/i.exec(readDist(file));
      expect(meta, "no CSP <meta> element").not.toBeNull();
      const inPage = parseCsp(meta![1]!);
      expect(inPage.get("script-src")).not.toContain("'unsafe-inline'");
      for (const source of policy.get("script-src") ?? []) expect(inPage.get("script-src")).toContain(source);
      expect(inPage.get("default-src")).toEqual(policy.get("default-src"));
    },
  );
});
