/** The URL rule for links, images and component props, and what it says of each disguise. */
import { describe, expect, it } from "vitest";
import { checkUrl, URL_SCHEMES } from "../../src/lib/site/index.ts";

const scheme = (name: string) =>
  `uses the scheme "${name}:", which is not accepted; link with http:, https:, mailto: or to a site path such as /tags/nvidia/`;
const invisible = (code: string, at: number) =>
  `contains a space, or a control, invisible or replacement character (U+${code}), at position ${at}; browsers skip some of these, so the address may not be what it looks like: remove it (write %20 for a space)`;
const RELATIVE =
  "is a relative address, which depends on the page it is on; write a site path such as /tags/nvidia/ or a full https:// address";
const leaves = (start: string) =>
  `starts with "${start}", which browsers read as another site; write https://… for another site, or a site path such as /tags/nvidia/`;

describe("checkUrl for links", () => {
  it("accepts exactly http:, https: and mailto:", () => {
    expect(URL_SCHEMES).toEqual(["http:", "https:", "mailto:"]);
  });

  it.each([
    ["https://example.com/a?b=1#c", { kind: "external" }],
    ["HTTPS://EXAMPLE.COM/", { kind: "external" }],
    ["http://example.com", { kind: "external" }],
    ["mailto:desk@example.com", { kind: "external" }],
    ["MailTo:desk@example.com", { kind: "external" }],
    ["#the-trigger", { kind: "fragment" }],
    ["/tags/nvidia/", { kind: "site", path: "/tags/nvidia/" }],
    ["/tickers/nvda/?page=2#chart", { kind: "site", path: "/tickers/nvda/" }],
    // Browsers resolve dot segments and backslashes; so does the check, so the path is the real one.
    ["/tags/../articles/x/", { kind: "site", path: "/articles/x/" }],
    ["/tags\\nvidia/", { kind: "site", path: "/tags/nvidia/" }],
  ])("accepts %s", (value, expected) => {
    expect(checkUrl(value)).toEqual(expected);
  });

  it.each([
    ["javascript:alert(1)", scheme("javascript")],
    ["JaVaScRiPt:alert(1)", scheme("javascript")],
    ["vbscript:x", scheme("vbscript")],
    ["data:text/html;base64,PHNjcmlwdD4=", scheme("data")],
    ["file:///etc/passwd", scheme("file")],
    ["ftp://example.com/", scheme("ftp")],
    ["java\tscript:alert(1)", invisible("0009", 5)],
    ["java\nscript:alert(1)", invisible("000A", 5)],
    [" javascript:alert(1)", invisible("0020", 1)],
    ["\u0000javascript:x", invisible("0000", 1)],
    ["\u200bjavascript:x", invisible("200B", 1)],
    ["https://exa mple.com/", invisible("0020", 12)],
    ["\ufeff/tags/x/", invisible("FEFF", 1)],
    // What a Markdown parser makes of a reference to a control character (&#x1;).
    ["\ufffdjavascript:x", invisible("FFFD", 1)],
    ["//evil.example/", leaves("//")],
    ["/\\evil.example/", leaves("/\\")],
    ["other/", RELATIVE],
    ["../other/", RELATIVE],
    ["?page=2", RELATIVE],
    ["%6Aavascript:x", RELATIVE],
    ["", "is empty; give the address"],
    ["http://[::1", "is not a valid address"],
  ])("refuses %j", (value, problem) => {
    expect(checkUrl(value)).toEqual({ problem });
  });
});

describe("checkUrl for images", () => {
  it.each([
    ["./chart.png", { kind: "file" }],
    ["images/chart.png", { kind: "file" }],
    ["/og/site.png", { kind: "site", path: "/og/site.png" }],
  ])("accepts %s", (value, expected) => {
    expect(checkUrl(value, "image")).toEqual(expected);
  });

  it.each([
    ["https://example.com/pixel.gif", "https"],
    ["HTTP://example.com/x.png", "http"],
    ["data:image/svg+xml,<svg/>", "data"],
  ])("refuses %s: the site shows only its own images", (value, name) => {
    expect(checkUrl(value, "image")).toEqual({
      problem: `is an image on another site (${name}:); the site shows only its own images (its Content-Security-Policy blocks others, and a remote image tells its host who reads the article): put the file next to the article and write ./file.jpg`,
    });
  });

  it("refuses an image path with a backslash: to a browser \\\\host is another site", () => {
    expect(checkUrl("\\\\evil.example/x.png", "image")).toEqual({
      problem: "contains a backslash; write folders with /, as in ./images/chart.png",
    });
  });

  it("refuses an image path that climbs out of the article's folder", () => {
    expect(checkUrl("../../../secret.png", "image")).toEqual({
      problem:
        "climbs out of the article's folder (..); put the image next to the article and write ./file.jpg",
    });
  });
});
