/**
 * The allowlists themselves (src/lib/mdx/allowlist.ts): what an article may write as HTML, and what
 * a rendered body may hold, element by element, with the lines renderedHtmlProblems gives.
 */
import { describe, expect, it } from "vitest";
import { ARTICLE_HTML, checkRenderedHtml, RENDERED_HTML, refusedParts } from "../../src/lib/mdx/index.ts";
import { chartSvg, resolveChart, type ChartType } from "../../src/lib/chart/index.ts";
import { tickerData } from "../support/price-data";

describe("the article allowlist", () => {
  it("is these nine elements, and lang, title (abbr) and datetime (time) only", () => {
    expect(ARTICLE_HTML.tagNames).toEqual([
      "abbr",
      "cite",
      "figcaption",
      "figure",
      "q",
      "span",
      "sub",
      "sup",
      "time",
    ]);
    expect(refusedParts(ARTICLE_HTML, "abbr", { title: "t", lang: "en" }, [])).toEqual({
      element: false,
      properties: [],
    });
    expect(refusedParts(ARTICLE_HTML, "span", { title: "t", lang: "en" }, [])).toEqual({
      element: false,
      properties: ["title"],
    });
    expect(refusedParts(ARTICLE_HTML, "time", { dateTime: "2025-01-27T10:00" }, [])).toEqual({
      element: false,
      properties: ["dateTime"],
    });
  });

  it("keeps a figcaption inside a figure, and sets no defaults of the library's own", () => {
    expect(refusedParts(ARTICLE_HTML, "figcaption", {}, [])).toEqual({ element: true, properties: [] });
    expect(refusedParts(ARTICLE_HTML, "figcaption", {}, ["figure", "p"])).toEqual({
      element: false,
      properties: [],
    });
    // hast-util-sanitize fills a missing key from GitHub's schema: every key is set, so none leaks in.
    expect(ARTICLE_HTML.clobber).toEqual([]);
    expect(ARTICLE_HTML.required).toEqual({});
    expect(refusedParts(ARTICLE_HTML, "span", { id: "x" }, [])).toEqual({
      element: false,
      properties: ["id"],
    });
  });
});

describe("the rendered-HTML allowlist", () => {
  const nvda = tickerData("nvda");

  it.each<ChartType>(["area", "line", "candles"])("passes the page's %s chart SVG", (type) => {
    const spec = resolveChart(
      nvda,
      {
        from: "2025-01-13",
        to: "2025-01-27",
        type,
        markers: [{ date: "2025-01-27", label: "Sell-off", href: "/tags/nvidia/" }],
      },
      { date: "2025-01-27", asOf: "2025-01-27" },
    );
    expect(
      checkRenderedHtml(`<figure><price-chart>${chartSvg(spec, "inline")}</price-chart></figure>`),
    ).toEqual([]);
  });

  it("passes the page's chart SVG with a volume pane (its bars share one painted group)", () => {
    const spec = resolveChart(
      nvda,
      { from: "2025-01-13", to: "2025-01-27", type: "line", volume: true },
      { date: "2025-01-27", asOf: "2025-01-27" },
    );
    const svg = chartSvg(spec, "inline");
    expect(svg).toContain('fill-opacity="0.75"');
    expect(checkRenderedHtml(`<figure><price-chart>${svg}</price-chart></figure>`)).toEqual([]);
  });

  it("passes what Markdown and the figure components render", () => {
    const html = [
      '<h2 id="the-trigger">The trigger</h2>',
      '<p>Shares <span class="tabular font-medium text-down" data-move="down">fell 16.97%</span> to <span class="tabular">$118.42</span>,',
      'a <a href="/tags/nvidia/" title="Nvidia">tag</a>, <a href="https://example.com/">out</a>, <em>e</em> <strong>s</strong> <del>d</del> <code>c</code><br>',
      'a note<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="" aria-describedby="footnote-label">1</a></sup></p>',
      "<blockquote><p>q</p></blockquote><ul><li>a</li></ul><ol><li>b</li></ol><hr>",
      '<pre><code class="language-js">x</code></pre>',
      "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",
      '<figure><img src="/_astro/x.Ab1.webp" alt="x" loading="lazy" decoding="async" width="32" height="32"><figcaption>c</figcaption></figure>',
      '<section data-footnotes="" class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2><ol><li id="user-content-fn-1"><p>n <a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p></li></ol></section>',
      '<script type="module" src="/_astro/ChartPanel.astro_astro_type_script_index_0_lang.CMsxyV0T.js"></script>',
      '<script type="application/json">{"bars":[]}</script>',
    ].join("");
    expect(checkRenderedHtml(html)).toEqual([]);
  });

  it.each([
    [
      '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
      '<meta http-equiv="refresh" content="0;url=https://evil.example/">: the element <meta> is not in the allowlist',
    ],
    ['<iframe src="/x/"></iframe>', '<iframe src="/x/">: the element <iframe> is not in the allowlist'],
    [
      '<input type="checkbox" disabled>',
      '<input type="checkbox" disabled="true">: the element <input> is not in the allowlist',
    ],
    ['<p onclick="go()">x</p>', '<p onclick="go()">: the attribute onclick is not in the allowlist'],
    ['<p style="color:red">x</p>', '<p style="color:red">: the attribute style is not in the allowlist'],
    [
      '<table><tr><td style="text-align:left">x</td></tr></table>',
      '<td style="text-align:left">: the attribute style is not in the allowlist',
    ],
    ['<h3 class="x">x</h3>', '<h3 class="x">: the attribute class is not in the allowlist'],
    ['<span data-x="1">x</span>', '<span data-x="1">: the attribute data-x is not in the allowlist'],
    [
      '<span data-move="sideways">x</span>',
      '<span data-move="sideways">: the attribute data-move is not in the allowlist',
    ],
    [
      '<a href="javascript:go()">x</a>',
      '<a href="javascript:go()">: href uses the scheme "javascript:", which is not accepted; link with http:, https:, mailto: or to a site path such as /tags/nvidia/',
    ],
    [
      '<a href="//evil.example/">x</a>',
      '<a href="//evil.example/">: href starts with "//", which browsers read as another site; write https://… for another site, or a site path such as /tags/nvidia/',
    ],
    [
      "<script>alert(1)</script>",
      "<script>: a script must be one of the site's own files, with no code inline",
    ],
    [
      '<script type="module">alert(1)</script>',
      '<script type="module">: a script must be one of the site\'s own files, with no code inline',
    ],
    [
      '<script type="module" src="https://cdn.example/x.js"></script>',
      '<script type="module" src="https://cdn.example/x.js">: the attribute src is not in the allowlist',
    ],
    [
      '<script type="application/json" src="/_astro/x.js"></script>',
      '<script type="application/json" src="/_astro/x.js">: a JSON data block has no src',
    ],
    ["<p>x</p><!-- a note -->", "an HTML comment, which the allowlist does not accept"],
    [
      "<svg><foreignObject><p>x</p></foreignObject></svg>",
      "<foreignObject>: the element <foreignObject> is not in the allowlist",
    ],
    ["<tr><td>x</td></tr>", "<tr>: the element <tr> is not in the allowlist"],
  ])("refuses %s", (html, problem) => {
    expect(checkRenderedHtml(html)).toContain(problem);
  });

  it("judges URLs by the site's URL rule, in any case, not by the library's case-sensitive protocols", () => {
    expect(
      checkRenderedHtml(
        '<p><a href="HTTPS://example.com/">a</a> <a href="MailTo:desk@example.com">b</a></p>',
      ),
    ).toEqual([]);
    expect(checkRenderedHtml('<a href="JAVASCRIPT:go()">x</a>')).toEqual([
      '<a href="JAVASCRIPT:go()">: href uses the scheme "javascript:", which is not accepted; link with http:, https:, mailto: or to a site path such as /tags/nvidia/',
    ]);
  });

  it("refuses what parses differently from how it reads: a <style> hidden in an SVG title", () => {
    // The HTML parser (as a browser) reads this as an SVG <title> holding text, not a live <style>;
    // whatever it makes of it, the check sees the same tree the browser does.
    expect(checkRenderedHtml("<svg><title><style>x</style></title></svg>")).toEqual([
      "<title>: the element <title> is not in the allowlist",
      "<style>: the element <style> is not in the allowlist",
    ]);
  });

  it("extends the article list, and refuses comments and doctypes", () => {
    for (const tag of ARTICLE_HTML.tagNames!) expect(RENDERED_HTML.tagNames).toContain(tag);
    expect(RENDERED_HTML.allowComments).toBe(false);
    expect(RENDERED_HTML.allowDoctypes).toBe(false);
  });
});
