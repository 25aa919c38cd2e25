import { describe, expect, it } from "vitest";
import { distFiles, readDist } from "../support/dist";
import { site } from "../../src/lib/site/index.ts";

const pages = distFiles(".html");

describe("every built page has the shell", () => {
  it("builds the home page and the 404 page", () => {
    expect(pages).toContain("index.html");
    expect(pages).toContain("404.html");
  });

  it.each(pages)("%s declares language, charset, viewport, title and description", (file) => {
    const html = readDist(file);
    expect(html).toMatch(new RegExp(`^<!DOCTYPE html><html lang="${site.lang}"`, "i"));
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toMatch(/<meta name="description" content="[^"]{20,}">/);
    expect(html).toContain('href="#main"');
    expect(html).toContain('<main id="main"');
  });
});
