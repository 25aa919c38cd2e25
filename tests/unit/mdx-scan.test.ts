/**
 * The allowlist an article is held to, as the scan applies it to the MDX syntax tree: each rule with
 * its exact message, and what it accepts. The build's loader and check:content print these lines
 * prefixed with the file (tests/build/untrusted-content.test.ts).
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { compileMdx } from "../../src/lib/mdx/compile.ts";
import { MdxSyntaxError, refusalProblem, scanMdx } from "../../src/lib/mdx/index.ts";

/** The body on line 6 of a file, after five lines of frontmatter and a blank line. */
const article = (body: string) => `---\ntitle: "T"\ndate: 2025-01-27\n---\n\n${body}\n`;

/** What the scan refuses in `body`, one `line N: what: problem` each. */
const refused = (body: string) =>
  scanMdx(article(body)).refusals.map((r) => refusalProblem("x.mdx", r).replace(/^x\.mdx: /, ""));

const SCHEMES = "link with http:, https:, mailto: or to a site path such as /tags/nvidia/";
const RELATIVE =
  "the address is a relative address, which depends on the page it is on; write a site path such as /tags/nvidia/ or a full https:// address";
const INVISIBLE = (code: string, at: number) =>
  `the address contains a space, or a control, invisible or replacement character (U+${code}), at position ${at}; browsers skip some of these, so the address may not be what it looks like: remove it (write %20 for a space)`;
const REMOTE_IMAGE = (scheme: string) =>
  `the address is an image on another site (${scheme}:); the site shows only its own images (its Content-Security-Policy blocks others, and a remote image tells its host who reads the article): put the file next to the article and write ./file.jpg`;
const COMPONENTS = "Close, CompareChart, Move, Price, PriceChart, Record";

describe("scanMdx: component tags", () => {
  it("finds inline and block component tags with their props and lines", () => {
    const { tags, refusals } = scanMdx(
      article(
        [
          'Shares <Move ticker="nvda" date="2025-01-27" /> to <Close ticker="nvda" date="2025-01-27" />.',
          "",
          "<PriceChart",
          '  ticker="bidu"',
          "  markers={[",
          '    { date: "2025-01-27", label: "DeepSeek shock" },',
          "  ]}",
          "  height={320}",
          "  title={`Baidu's week`}",
          "/>",
        ].join("\n"),
      ),
    );
    expect(refusals).toEqual([]);
    expect(tags).toEqual([
      { name: "Move", props: { ticker: "nvda", date: "2025-01-27" }, line: 6 },
      { name: "Close", props: { ticker: "nvda", date: "2025-01-27" }, line: 6 },
      {
        name: "PriceChart",
        props: {
          ticker: "bidu",
          markers: [{ date: "2025-01-27", label: "DeepSeek shock" }],
          height: 320,
          title: "Baidu's week",
        },
        line: 8,
      },
    ]);
  });

  it("skips what the build does not render: comments, code blocks and inline code", () => {
    const scan = scanMdx(
      article(
        [
          '{/* <Move ticker="x" date="2025-01-01" /> */}',
          "",
          "```mdx",
          '<Close ticker="y" date="2025-01-01" />',
          "```",
          "",
          'Write `<Record ticker="z" date="2025-01-01" />` to claim a record.',
        ].join("\n"),
      ),
    );
    expect(scan).toEqual({ tags: [], links: [], refusals: [], images: false });
  });

  it("refuses unknown components, member names and fragments", () => {
    expect(refused("<Nonsense /> <motion.div /> <>x</>")).toEqual([
      `line 6: <Nonsense>: unknown component Nonsense; the components are ${COMPONENTS} (see docs/editing.md)`,
      `line 6: <motion.div>: unknown component motion.div; the components are ${COMPONENTS} (see docs/editing.md)`,
      "line 6: <>: fragments (<> … </>) are not accepted; remove the <> and </>",
    ]);
  });

  it("refuses a prop the component does not have, and names a required prop that is missing", () => {
    expect(refused('<Close date="2025-01-27" colour="red" />')).toEqual([
      'line 6: <Close date="2025-01-27" colour="red">: colour is not a prop of Close; its props are ticker, date',
      'line 6: <Close date="2025-01-27" colour="red">: ticker is required and missing: add ticker="…" (a ticker id)',
    ]);
    expect(scanMdx(article('<Close date="2025-01-27" />')).tags).toEqual([]);
  });

  it("refuses content between a component's tags, which it would not show", () => {
    expect(refused('Nvidia <Move ticker="nvda" from="2025-01-24" to="2025-01-27">fell</Move>.')).toEqual([
      'line 6: <Move ticker="nvda" from="2025-01-24" to="2025-01-27">: Move takes no content between <Move> and </Move>; write <Move … /> and put the text outside it',
    ]);
    expect(scanMdx(article('<Close ticker="nvda" date="2025-01-27"></Close>')).refusals).toEqual([]);
  });

  it("refuses props that are code: a variable, a call, a spread, a template with ${}", () => {
    expect(
      refused(
        [
          '<Move ticker={nvda} date="2025-01-27" />',
          '<Move ticker="nvda" date="2025-01-27" {...rest} />',
          '<PriceChart ticker="nvda" height={eval("320")} />',
          '<PriceChart ticker="nvda" title={`${process.env.HOME}`} />',
        ].join("\n\n"),
      ),
    ).toEqual([
      'line 6: <Move ticker={nvda} date="2025-01-27">: ticker={nvda} holds the name nvda (a variable); only literal values are accepted (text, numbers, true, false, lists and { key: value })',
      'line 8: <Move ticker="nvda" date="2025-01-27" {...rest}>: {...rest}: spread props are not accepted; write each prop',
      'line 10: <PriceChart ticker="nvda" height={eval("320")}>: height={eval("320")} holds a function call; only literal values are accepted (text, numbers, true, false, lists and { key: value })',
      'line 12: <PriceChart ticker="nvda" title={`${process.env.HOME}`}>: title={`${process.env.HOME}`} holds a template with ${…} in it; only literal values are accepted (text, numbers, true, false, lists and { key: value })',
    ]);
  });
});

describe("scanMdx: images", () => {
  // The dev server compiles a body at load only when it may list local images (src/data/loaders.ts).
  it.each([
    ["a Markdown image", "![The close](./close.png)"],
    ["an image by reference", "![The close][close]\n\n[close]: ./close.png"],
    ["an <img> element (refused, but an image)", '<img src="./close.png" alt="The close" />'],
  ])("says a body with %s has images", (_, body) => {
    expect(scanMdx(article(body)).images).toBe(true);
  });

  it("says a body of text, links and components has none", () => {
    const body = 'Shares [fell](/tickers/nvda/) <Move ticker="nvda" date="2025-01-27" />.';
    expect(scanMdx(article(body)).images).toBe(false);
  });

  it("says so of every body the compiler finds a local image in (the site's articles among them)", () => {
    const bodies = [
      "- a list with ![an image](./in-a-list.png)",
      "| a | table |\n| --- | --- |\n| ![in a cell](./cell.png) | x |",
      "[![a linked image](./linked.png)](/tickers/nvda/)",
      "> ![quoted](./quote.png)",
      "![a remote image](https://example.com/x.png)",
      ...readdirSync("content/articles").map((name) =>
        readFileSync(`content/articles/${name}`, "utf8").replace(/^---[\s\S]*?\n---\n/, ""),
      ),
    ];
    for (const body of bodies) {
      const local = compileMdx(body).metadata.imagePaths.length > 0;
      if (local) expect(scanMdx(article(body)).images, body.slice(0, 80)).toBe(true);
    }
    expect(bodies.filter((body) => compileMdx(body).metadata.imagePaths.length > 0)).toHaveLength(4);
  });
});

describe("scanMdx: code in an article", () => {
  it("refuses import and export, whatever they import", () => {
    expect(refused('import fs from "node:fs"\n\nexport const x = 1')).toEqual([
      `line 6: import fs from "node:fs": import and export are not accepted in an article (they run code when the site is built); the components (${COMPONENTS}) work without an import`,
      `line 8: export const x = 1: import and export are not accepted in an article (they run code when the site is built); the components (${COMPONENTS}) work without an import`,
    ]);
  });

  it('refuses expressions in the text, but accepts comments, {" "} and {}', () => {
    const why =
      'JavaScript in an article is not accepted (it runs when the site is built); write the text itself, a comment {/* … */}, or {" "} for a space';
    expect(refused('{process.exit(1)} {[1, 2].map(String)} {/* a note */} {" "} {}')).toEqual([
      `line 6: {process.exit(1)}: ${why}`,
      `line 6: {[1, 2].map(String)}: ${why}`,
    ]);
  });
});

describe("scanMdx: HTML elements", () => {
  it("accepts the article elements with their attributes", () => {
    expect(
      refused(
        [
          '<abbr title="American depositary receipt">ADR</abbr>, <cite>The Journal</cite>, H<sub>2</sub>O,',
          'm<sup>2</sup>, <q>a quote</q>, <span lang="zh-Hans">比亚迪</span>, <time datetime="2025-01-27">27 January</time>',
          "",
          "<figure>",
          "",
          "![A chart](./chart.png)",
          "",
          '<figcaption lang="en">The caption</figcaption>',
          "</figure>",
        ].join("\n"),
      ),
    ).toEqual([]);
  });

  it.each([
    [
      '<meta http-equiv="refresh" content="0;url=https://evil.example/" />',
      '<meta http-equiv="refresh" content="0;url=https://evil.example/">: the element <meta> is not accepted in an article: a page\'s metadata comes from its frontmatter, and nothing in the body may redirect or describe the page',
    ],
    [
      "<script>alert(1)</script>",
      "<script>: the element <script> is not accepted in an article: scripts do not run in articles; a chart or a figure is a component (see docs/editing.md)",
    ],
    [
      '<iframe src="https://evil.example/" />',
      '<iframe src="https://evil.example/">: the element <iframe> is not accepted in an article: embedded content is not accepted; link to it instead: [text](https://…)',
    ],
    [
      '<object data="x.swf" />',
      '<object data="x.swf">: the element <object> is not accepted in an article: embedded content is not accepted; link to it instead: [text](https://…)',
    ],
    [
      '<a href="https://example.com/">x</a>',
      '<a href="https://example.com/">: the element <a> is not accepted in an article: write a Markdown link: [text](https://…) or [text](/tags/nvidia/)',
    ],
    [
      '<img src="./x.png" alt="x" />',
      '<img src="./x.png" alt="x">: the element <img> is not accepted in an article: write a Markdown image: ![what it shows](./file.jpg), with the file next to the article',
    ],
    [
      '<form action="/x">x</form>',
      '<form action="/x">: the element <form> is not accepted in an article: articles have no forms',
    ],
    [
      "<div>x</div>",
      "<div>: the element <div> is not accepted in an article: the page lays out and styles the article; use Markdown headings and paragraphs",
    ],
    ["<h2>x</h2>", "<h2>: the element <h2> is not accepted in an article: write it in Markdown: ## Heading"],
    [
      "<style>{'p { color: red }'}</style>",
      "<style>: the element <style> is not accepted in an article: the site's stylesheet styles every article; use Markdown (*emphasis*, **strong**)",
    ],
    [
      "<marquee>x</marquee>",
      "<marquee>: the element <marquee> is not accepted in an article: the HTML an article may use is <abbr>, <cite>, <figcaption>, <figure>, <q>, <span>, <sub>, <sup>, <time> (see docs/editing.md)",
    ],
    ["<figcaption>x</figcaption>", "<figcaption>: <figcaption> is accepted only inside <figure>"],
  ])("refuses %s", (body, message) => {
    expect(refused(body)).toEqual([`line 6: ${message}`]);
  });

  it("checks the elements inside a refused one too", () => {
    expect(refused('<form><input name="q" /></form>')).toEqual([
      "line 6: <form>: the element <form> is not accepted in an article: articles have no forms",
      'line 6: <input name="q">: the element <input> is not accepted in an article: articles have no forms',
    ]);
  });

  it("refuses attributes outside the list, each with why", () => {
    const span = '<span onclick="go()" style="color: red" class="x" id="y" title="t">';
    expect(refused(`${span}x</span>`)).toEqual([
      `line 6: ${span}: the attribute onclick is not accepted on <span>: event handlers run scripts, and articles have none`,
      `line 6: ${span}: the attribute style is not accepted on <span>: the site's stylesheet styles every article; use Markdown (*emphasis*, **strong**)`,
      `line 6: ${span}: the attribute class is not accepted on <span>: the site's stylesheet styles every article; use Markdown (*emphasis*, **strong**)`,
      `line 6: ${span}: the attribute id is not accepted on <span>: headings get their ids from their text, so links to a section work without one`,
      `line 6: ${span}: the attribute title is not accepted on <span>: <span> takes lang`,
    ]);
  });

  it("refuses values outside an attribute's rule, and values written as code", () => {
    expect(
      refused(
        '<span lang="not a language">x</span> <time datetime="27 Jan">x</time> <abbr title={t}>A</abbr>',
      ),
    ).toEqual([
      'line 6: <span lang="not a language">: the attribute lang is not accepted on <span>: the value "not a language" is not accepted; give a language tag such as "zh" or "pt-BR"',
      'line 6: <time datetime="27 Jan">: the attribute datetime is not accepted on <time>: the value "27 Jan" is not accepted; write the date as "YYYY-MM-DD"',
      'line 6: <abbr title={t}>: title={…}: write the value in quotes: title="…"',
    ]);
  });

  it("refuses an event handler written as code by its name", () => {
    expect(refused("<span onClick={go}>x</span>")).toEqual([
      "line 6: <span onClick={go}>: the attribute onClick is not accepted on <span>: event handlers run scripts, and articles have none",
    ]);
  });
});

describe("scanMdx: Markdown that needs what the site does not allow", () => {
  it("refuses column alignment in tables (inline styles) and task lists (form checkboxes)", () => {
    expect(
      refused("| a | b |\n| :-- | --: |\n| 1 | 2 |\n\n- [ ] open\n- [x] done\n\n| c |\n| --- |\n| 3 |"),
    ).toEqual([
      "line 6: table: column alignment (:--, --:, :-:) is not accepted: it needs inline styles, which the site's Content-Security-Policy blocks; use plain --- in the separator row",
      "line 10: - [ ]: task-list items render as form checkboxes; write a plain list item",
      "line 11: - [x]: task-list items render as form checkboxes; write a plain list item",
    ]);
  });

  it("accepts the rest of Markdown: emphasis, lists, quotes, code, footnotes, breaks, rules", () => {
    expect(
      refused(
        "*a* **b** ~~c~~ `d` www.example.com and a note[^1]\\\nnext line\n\n> quote\n\n1. one\n\n---\n\n```js\nx\n```\n\n[^1]: A note.",
      ),
    ).toEqual([]);
  });
});

describe("scanMdx: URLs", () => {
  it("accepts http:, https: and mailto: in any case, site paths and #fragments; collects site paths", () => {
    const scan = scanMdx(
      article(
        "[a](HTTPS://example.com/) [b](mailto:desk@example.com) [c](#the-trigger) [d](http://example.com)\n" +
          "[e](/tags/nvidia/#x) [f](/tickers/nvda?x=1) ![g](/og/site.png) ![h](./chart.png) ![i](chart.png)",
      ),
    );
    expect(scan.refusals).toEqual([]);
    expect(scan.links).toEqual([
      { path: "/tags/nvidia/", line: 7, what: 'link "/tags/nvidia/#x"' },
      { path: "/tickers/nvda", line: 7, what: 'link "/tickers/nvda?x=1"' },
      { path: "/og/site.png", line: 7, what: 'image "/og/site.png"' },
    ]);
  });

  it("refuses other schemes and every disguise of them", () => {
    expect(
      refused(
        [
          "[a](javascript:alert(1)) [b](JaVa&#115;cript:x) [c](vbscript:x) [d](data:text/html,x)",
          "[e](java&#x09;script:x) [f](&#x20;javascript:x) [g](%20javascript:x) [h](<>)",
        ].join("\n"),
      ),
    ).toEqual([
      `line 6: link "javascript:alert(1)": the address uses the scheme "javascript:", which is not accepted; ${SCHEMES}`,
      `line 6: link "JaVascript:x": the address uses the scheme "javascript:", which is not accepted; ${SCHEMES}`,
      `line 6: link "vbscript:x": the address uses the scheme "vbscript:", which is not accepted; ${SCHEMES}`,
      `line 6: link "data:text/html,x": the address uses the scheme "data:", which is not accepted; ${SCHEMES}`,
      `line 7: link "java\\tscript:x": ${INVISIBLE("0009", 5)}`,
      `line 7: link " javascript:x": ${INVISIBLE("0020", 1)}`,
      `line 7: link "%20javascript:x": ${RELATIVE}`,
      'line 7: link "": the address is empty; give the address',
    ]);
  });

  it("refuses addresses that leave the site while looking like paths, and relative ones", () => {
    expect(refused("[a](//evil.example/) [b](/\\evil.example/) [c](other/) [d](?q=1) [e](../up/)")).toEqual([
      'line 6: link "//evil.example/": the address starts with "//", which browsers read as another site; write https://… for another site, or a site path such as /tags/nvidia/',
      'line 6: link "/\\\\evil.example/": the address starts with "/\\", which browsers read as another site; write https://… for another site, or a site path such as /tags/nvidia/',
      `line 6: link "other/": ${RELATIVE}`,
      `line 6: link "?q=1": ${RELATIVE}`,
      `line 6: link "../up/": ${RELATIVE}`,
    ]);
  });

  it("refuses images from other sites, and image paths that climb out of the article's folder", () => {
    expect(
      refused("![a](https://example.com/x.png) ![b](data:image/png;base64,AAA) ![c](../../x.png)"),
    ).toEqual([
      `line 6: image "https://example.com/x.png": ${REMOTE_IMAGE("https")}`,
      `line 6: image "data:image/png;base64,AAA": ${REMOTE_IMAGE("data")}`,
      `line 6: image "../../x.png": the address climbs out of the article's folder (..); put the image next to the article and write ./file.jpg`,
    ]);
  });

  it("checks a reference definition as a link, or as an image when an image uses it", () => {
    expect(
      refused("[a link][r] and ![an image][i]\n\n[r]: javascript:x\n[i]: https://example.com/x.png"),
    ).toEqual([
      `line 8: [r]: "javascript:x": the address uses the scheme "javascript:", which is not accepted; ${SCHEMES}`,
      `line 9: [i]: "https://example.com/x.png": ${REMOTE_IMAGE("https")}`,
    ]);
  });

  it("checks URLs in component props, decoded as the article would decode them", () => {
    const markers =
      '[{ date: "2025-01-27", label: "a", href: "java\\nscript:x" }, { date: "2025-01-27", label: "b", href: "\\u006aavascript:x" }, { date: "2025-01-27", label: "c", href: "/articles/x/" }]';
    const scan = scanMdx(article(`<PriceChart ticker="nvda" markers={${markers}} />`));
    expect(scan.refusals.map((r) => `${r.what}: ${r.problem}`)).toEqual([
      `<PriceChart markers[0].href="java\\nscript:x">: ${INVISIBLE("000A", 5)}`,
      `<PriceChart markers[1].href="javascript:x">: the address uses the scheme "javascript:", which is not accepted; ${SCHEMES}`,
    ]);
    expect(scan.links).toEqual([
      { path: "/articles/x/", line: 6, what: '<PriceChart markers[2].href="/articles/x/">' },
    ]);
    // Refused: not also run, which would report the href a second time.
    expect(scan.tags).toEqual([]);
  });
});

describe("scanMdx: syntax errors", () => {
  it("reports a syntax error with its line and column in the file", () => {
    expect(() => scanMdx(article('A <Move ticker="nvda" date="2025-01-27"> never closed.'))).toThrow(
      MdxSyntaxError,
    );
    expect(() => scanMdx(article('A <Move ticker="nvda" date="2025-01-27"> never closed.'))).toThrow(
      /^line 6, column 3: Expected a closing tag for `<Move>`/,
    );
  });
});
