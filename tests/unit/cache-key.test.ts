import { describe, expect, it } from "vitest";
import { contentKey } from "../../src/lib/site/index.ts";

describe("contentKey", () => {
  it("is stable for the same values", () => {
    expect(contentKey({ title: "A" }, ["b"])).toBe(contentKey({ title: "A" }, ["b"]));
  });

  it("changes when any value changes, including nested ones and their order", () => {
    const base = contentKey({ title: "A", tags: ["x"] }, "body");
    expect(contentKey({ title: "B", tags: ["x"] }, "body")).not.toBe(base);
    expect(contentKey({ title: "A", tags: ["y"] }, "body")).not.toBe(base);
    expect(contentKey({ title: "A", tags: ["x"] }, "body!")).not.toBe(base);
    expect(contentKey("body", { title: "A", tags: ["x"] })).not.toBe(base);
  });

  it("tells a missing value from the string that spells it", () => {
    expect(contentKey(undefined)).not.toBe(contentKey("undefined"));
    expect(contentKey("a", "b")).not.toBe(contentKey("ab"));
  });
});
