import { describe, expect, it } from "vitest";
import { MdxSyntaxError, scanMdx } from "../../src/lib/mdx/index.ts";

const article = (body: string) => `---\ntitle: "T"\ndate: 2025-01-27\n---\n\n${body}\n`;

describe("scanMdx", () => {
  it("finds inline and block component tags with their props and lines", () => {
    const { tags } = scanMdx(
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
          "/>",
        ].join("\n"),
      ),
    );
    expect(tags).toEqual([
      { name: "Move", props: { ticker: "nvda", date: "2025-01-27" }, unreadable: [], line: 6 },
      { name: "Close", props: { ticker: "nvda", date: "2025-01-27" }, unreadable: [], line: 6 },
      {
        name: "PriceChart",
        props: { ticker: "bidu", markers: [{ date: "2025-01-27", label: "DeepSeek shock" }], height: 320 },
        unreadable: [],
        line: 8,
      },
    ]);
  });

  it("skips what the build does not render: comments, code blocks and inline code", () => {
    const { tags } = scanMdx(
      article(
        [
          '{/* <Move ticker="x" date="2025-01-01" /> */}',
          "",
          "```mdx",
          '<Close ticker="y" date="2025-01-01" />',
          "```",
          "",
          'Write `<Record ticker="z" date="2025-01-01" />` to claim a record.',
          "",
          "<span>plain HTML</span> and <motion.div /> are not site components.",
        ].join("\n"),
      ),
    );
    expect(tags).toEqual([]);
  });

  it("gives a bare attribute the value true and marks values only a build can know", () => {
    const [tag] = scanMdx(article('<Move ticker="nvda" flag {...rest} date={someDate} />')).tags;
    expect(tag!.props).toEqual({ ticker: "nvda", flag: true });
    expect(tag!.unreadable).toEqual(["{...rest}", "date"]);
  });

  it("lists the names an article imports itself", () => {
    const { imports } = scanMdx(
      article('import Fancy from "../fancy.astro";\nimport { A, B as C } from "./x.ts";\n\n<Fancy />'),
    );
    expect(imports).toEqual(["Fancy", "A", "C"]);
  });

  it("reports a syntax error with its line and column in the file", () => {
    expect(() => scanMdx(article('A <Move ticker="nvda" date="2025-01-27"> never closed.'))).toThrow(
      MdxSyntaxError,
    );
    expect(() => scanMdx(article('A <Move ticker="nvda" date="2025-01-27"> never closed.'))).toThrow(
      /^line 6, column 3: Expected a closing tag for `<Move>`/,
    );
  });
});
