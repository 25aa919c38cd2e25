/** The feed's HTML cleaner: absolute URLs, no page plumbing, and a refusal for anything outside the allowlist. */
import { describe, expect, it } from "vitest";
import { cleanFeedHtml } from "../../src/lib/feed/index.ts";

const PAGE = "https://marketdesk.example/articles/some-story/";

describe("cleanFeedHtml", () => {
  it.each([
    {
      rule: "makes relative links and image URLs absolute against the article's URL",
      html:
        '<p><a href="/tags/nvidia/">tag</a> <a href="#the-trigger">down</a>' +
        ' <a href="https://example.org/x?a=1&amp;b=2">out</a> <a href="mailto:desk@example.org">mail</a></p>' +
        '<img src="/charts/abc.svg" alt="A chart">',
      expected:
        '<p><a href="https://marketdesk.example/tags/nvidia/">tag</a>' +
        ' <a href="https://marketdesk.example/articles/some-story/#the-trigger">down</a>' +
        ' <a href="https://example.org/x?a=1&amp;b=2">out</a> <a href="mailto:desk@example.org">mail</a></p>' +
        '<img src="https://marketdesk.example/charts/abc.svg" alt="A chart">',
    },
    {
      rule: "drops the chart's scripts: its module and the JSON it reads",
      html:
        '<p>Kept</p><script type="module" src="/_astro/chart.Ab1.js"></script>' +
        '<script type="application/json">{"bars":[]}</script><p>Also kept</p>',
      expected: "<p>Kept</p><p>Also kept</p>",
    },
    {
      rule: "drops the class and data attributes that need the site's CSS or scripts",
      html: '<h2 class="sr-only" id="notes">Notes</h2><figure class="my-8" data-price-chart="nvda"><p class="lead">x</p></figure>',
      expected: '<h2 id="notes">Notes</h2><figure><p>x</p></figure>',
    },
    {
      rule: "unwraps custom elements and bare spans, keeping their content in order",
      html:
        '<price-chart class="block"><figure><img src="/c.svg" alt="c"><figcaption>Cap</figcaption></figure>' +
        '</price-chart><p>Shares <span class="text-down" data-move="down">fell 16.97%</span> on' +
        ' <abbr title="Monday">Mon</abbr>, <span lang="zh">比亚迪</span>.</p>',
      expected:
        '<figure><img src="https://marketdesk.example/c.svg" alt="c"><figcaption>Cap</figcaption></figure>' +
        '<p>Shares fell 16.97% on <abbr title="Monday">Mon</abbr>, <span lang="zh">比亚迪</span>.</p>',
    },
    {
      rule: "keeps text intact: escapes markup characters, leaves typography as UTF-8",
      html: "<p>S&amp;P 500 &lt; 6,000 — DeepSeek’s “shock”</p>",
      expected: "<p>S&amp;P 500 &lt; 6,000 — DeepSeek’s “shock”</p>",
    },
  ])("$rule", ({ html, expected }) => {
    expect(cleanFeedHtml(html, PAGE)).toBe(expected);
  });

  it.each([
    {
      what: "an inline script",
      html: "<p>x</p><script>alert(1)</script>",
      problem: "<script>: a script must be one of the site's own files, with no code inline",
    },
    {
      what: "a meta refresh",
      html: '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
      problem:
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">: the element <meta> is not in the allowlist',
    },
    {
      what: "an event handler",
      html: '<p onclick="go()">x</p>',
      problem: '<p onclick="go()">: the attribute onclick is not in the allowlist',
    },
    {
      what: "a javascript: link, in any case",
      html: '<a href="JavaScript:go()">x</a>',
      problem:
        '<a href="JavaScript:go()">: href uses the scheme "javascript:", which is not accepted; link with http:, https:, mailto: or to a site path such as /tags/nvidia/',
    },
    {
      what: "a relative link",
      html: '<a href="../other/">x</a>',
      problem:
        '<a href="../other/">: href is a relative address, which depends on the page it is on; write a site path such as /tags/nvidia/ or a full https:// address',
    },
    {
      what: "a style attribute",
      html: '<p style="color: red">x</p>',
      problem: '<p style="color: red">: the attribute style is not in the allowlist',
    },
    {
      what: "a comment",
      html: "<p>x</p><!-- note -->",
      problem: "an HTML comment, which the allowlist does not accept",
    },
    {
      what: "a frame",
      html: '<iframe src="https://evil.example/"></iframe>',
      problem: '<iframe src="https://evil.example/">: the element <iframe> is not in the allowlist',
    },
  ])("refuses $what instead of dropping it", ({ html, problem }) => {
    expect(() => cleanFeedHtml(html, PAGE)).toThrow(`not accepted in a feed: ${problem}`);
  });
});
