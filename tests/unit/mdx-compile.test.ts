/**
 * An article body compiled to HTML at load time (src/lib/mdx/compile.ts): the HTML, the components
 * left for the page to render at their markers, heading ids and local images as Astro's Markdown
 * pipeline gives them. The pages built this way are byte for byte the pages the MDX modules made
 * (measured with `npm run compare-builds`); the build tests render it end to end.
 */
import { describe, expect, it } from "vitest";
import { compileArticleBody, compileMdx, splitAtMarkers, storedBody } from "../../src/lib/mdx/compile.ts";

const article = (body: string) => `---\ntitle: "T"\ndate: 2025-01-27\n---\n\n${body}\n`;

describe("compileMdx", () => {
  it("keeps the reading time in the metadata, since the store does not keep the body", () => {
    const body = compileMdx(article(Array(690).fill("word").join(" ")));
    expect(body.metadata.readingMinutes).toBe(3);
  });

  it("writes the Markdown as HTML, without the frontmatter, with smart quotes and escaped text", () => {
    expect(compileMdx(article('Shares of AT&T fell "sharply" -- a **record**{" <fall>"}.')).html).toBe(
      "<p>Shares of AT&amp;T fell “sharply” – a <strong>record</strong> &lt;fall>.</p>",
    );
  });

  it("leaves a marker for each component, with its literal props", () => {
    const body = compileMdx(
      article(
        'Nvidia <Move ticker="nvda" from="2025-01-24" to="2025-01-27" />.\n\n<PriceChart ticker="nvda" from="2025-01-02" to="2025-01-31" markers={[{ date: "2025-01-27", label: "DeepSeek" }]} />',
      ),
    );
    expect(body.html).toBe("<p>Nvidia <!--md-component:0-->.</p>\n<!--md-component:1-->");
    expect(body.metadata.components).toEqual([
      { name: "Move", props: { ticker: "nvda", from: "2025-01-24", to: "2025-01-27" } },
      {
        name: "PriceChart",
        props: {
          ticker: "nvda",
          from: "2025-01-02",
          to: "2025-01-31",
          markers: [{ date: "2025-01-27", label: "DeepSeek" }],
        },
      },
    ]);
  });

  it("gives headings the ids Astro gives them, numbering repeats", () => {
    const body = compileMdx(article("## Why it fell\n\n## Why it fell\n\n### What’s next?"));
    expect(body.html).toBe(
      '<h2 id="why-it-fell">Why it fell</h2>\n<h2 id="why-it-fell-1">Why it fell</h2>\n<h3 id="whats-next">What’s next?</h3>',
    );
    expect(body.metadata.headings).toEqual([
      { depth: 2, slug: "why-it-fell", text: "Why it fell" },
      { depth: 2, slug: "why-it-fell-1", text: "Why it fell" },
      { depth: 3, slug: "whats-next", text: "What’s next?" },
    ]);
  });

  it("marks local images for Astro to optimise and leaves a site path's image as written", () => {
    const body = compileMdx(
      article('![A drawing](./drawing.svg "Its title") ![Again](./drawing.svg) ![Card](/og/site.png)'),
    );
    expect(body.html).toBe(
      '<p><img __ASTRO_IMAGE_="{&quot;alt&quot;:&quot;A drawing&quot;,&quot;title&quot;:&quot;Its title&quot;,&quot;src&quot;:&quot;./drawing.svg&quot;,&quot;index&quot;:0}"> <img __ASTRO_IMAGE_="{&quot;alt&quot;:&quot;Again&quot;,&quot;src&quot;:&quot;./drawing.svg&quot;,&quot;index&quot;:1}"> <img src="/og/site.png" alt="Card"></p>',
    );
    expect(body.metadata.imagePaths).toEqual(["./drawing.svg"]);
  });

  it("writes HTML elements, text expressions as text, and comments as nothing", () => {
    const body = compileMdx(
      article(
        '<figure>\n  ![A](/og/site.png)\n\n  <figcaption>The <abbr title="exchange-traded fund">ETF</abbr></figcaption>\n</figure>\n\nA{" "}B{/* a note */}',
      ),
    );
    expect(body.html).toBe(
      '<figure><p><img src="/og/site.png" alt="A"></p><figcaption>The <abbr title="exchange-traded fund">ETF</abbr></figcaption></figure>\n<p>A B</p>',
    );
  });

  it("stops on what the scan refuses instead of guessing", () => {
    expect(() => compileMdx(article("{1 + 1}"))).toThrow("{1 + 1} is not a comment or text");
    expect(() => compileMdx(article("<Widget />"))).toThrow("<Widget> is not an element or a component");
    expect(() => compileMdx(article('<Move {...props} ticker="nvda" />'))).toThrow(
      "<Move> has a spread attribute",
    );
  });

  it("names the article's file when it stops (compileArticleBody)", () => {
    expect(() => compileArticleBody("content/articles/a-story.mdx", "<Widget />")).toThrow(
      "content/articles/a-story.mdx: (body): <Widget> is not an element or a component",
    );
  });
});

describe("splitAtMarkers", () => {
  const move = { name: "Move" as const, props: { ticker: "nvda" } };
  const chart = { name: "PriceChart" as const, props: { ticker: "tsla" } };

  it("cuts the HTML at its markers, each component in its place", () => {
    expect(splitAtMarkers("<p>A <!--md-component:0-->.</p>\n<!--md-component:1-->", [move, chart])).toEqual([
      "<p>A ",
      move,
      ".</p>\n",
      chart,
    ]);
    expect(splitAtMarkers("<p>No components</p>", [])).toEqual(["<p>No components</p>"]);
  });

  it("refuses HTML whose markers are not the components'", () => {
    const stale = "delete .astro/ and node_modules/.astro/, then build again";
    expect(() => splitAtMarkers("<p>A</p>", [move])).toThrow(
      `the compiled body has 0 component marker(s) for 1 component(s); ${stale}`,
    );
    expect(() => splitAtMarkers("<!--md-component:1--><!--md-component:0-->", [move, chart])).toThrow(
      `the compiled body has 2 component marker(s) for 2 component(s); ${stale}`,
    );
  });
});

describe("storedBody", () => {
  const file = "content/articles/a-story.mdx";

  it("gives back a body the compiler stored", () => {
    const body = compileMdx(article("One **line**."));
    expect(storedBody(file, body)).toBe(body);
  });

  it("refuses what an older compiler stored, naming the file and the fix", () => {
    const refusal = `${file}: (body): the content store holds no compiled body for it; delete .astro/ and node_modules/.astro/, then build again`;
    expect(() => storedBody(file, { html: "<p>x</p>", metadata: { components: [] } })).toThrow(refusal);
    expect(() => storedBody(file, { html: "<p>x</p>", metadata: { readingMinutes: 1 } })).toThrow(refusal);
    expect(() => storedBody(file, undefined)).toThrow(refusal);
  });
});
