/** Literal props: the values an article may write in `{…}`, read from the syntax tree, never run. */
import { describe, expect, it } from "vitest";
import { isOnlyComments, literalValue } from "../../src/lib/mdx/index.ts";

describe("literalValue", () => {
  it.each([
    ['"text"', "text"],
    ["'text'", "text"],
    ["`a template without placeholders`", "a template without placeholders"],
    ["320", 320],
    ["-1.5", -1.5],
    ["+2", 2],
    ["true", true],
    ["null", null],
    ['"\\u006aavascript"', "javascript"],
    [
      '[{ date: "2025-01-27", label: "Sell-off" }, { "quoted key": 1, 2: "two" }]',
      [
        { date: "2025-01-27", label: "Sell-off" },
        { "quoted key": 1, 2: "two" },
      ],
    ],
    ["[1, 2] /* a comment */", [1, 2]],
  ])("reads %s", (expression, value) => {
    expect(literalValue(expression)).toEqual({ value });
  });

  it.each([
    ["process.env.HOME", "holds a property lookup; only literal values are accepted"],
    ["nvda", "holds the name nvda (a variable); only literal values are accepted"],
    ['require("fs")', "holds a function call; only literal values are accepted"],
    ["new Date()", "holds a function call; only literal values are accepted"],
    ["() => 1", "holds a function; only literal values are accepted"],
    ["`${x}`", "holds a template with ${…} in it; only literal values are accepted"],
    ["[...list]", "holds a spread (...); only literal values are accepted"],
    ["{ ...props }", "holds a spread (...); only literal values are accepted"],
    ["{ [key]: 1 }", "holds a computed or method property; only literal values are accepted"],
    ["{ f() {} }", "holds a computed or method property; only literal values are accepted"],
    ["{ __proto__: {} }", "holds the key __proto__; only literal values are accepted"],
    ["[1, , 2]", "holds an empty slot in a list (,,); only literal values are accepted"],
    ["/x/", "holds a regular expression or a bigint; only literal values are accepted"],
    ["10n", "holds a regular expression or a bigint; only literal values are accepted"],
    ["!true", "holds an expression; only literal values are accepted"],
    ["1 + 1", "holds an expression; only literal values are accepted"],
    ['import("fs")', "holds an import(); only literal values are accepted"],
    ["1), (2", "holds an expression; only literal values are accepted"],
    ["1); (2", "is not a single value"],
  ])("refuses %s", (expression, problem) => {
    expect(literalValue(expression)).toEqual({ problem });
  });

  it("says where JavaScript does not parse", () => {
    expect(literalValue("[1, 2")).toEqual({ problem: "is not valid JavaScript (Unexpected token)" });
  });
});

describe("isOnlyComments", () => {
  it("is true for comments and spaces, false for anything else", () => {
    expect(isOnlyComments("/* a note */")).toBe(true);
    expect(isOnlyComments(" // a note\n")).toBe(true);
    expect(isOnlyComments("")).toBe(true);
    expect(isOnlyComments('" "')).toBe(false);
    expect(isOnlyComments("/* unclosed")).toBe(false);
  });
});
