import { describe, expect, it } from "vitest";
import { editUrl } from "../../src/lib/site/index.ts";

const BASE = "https://github.com/acme/market-desk/edit/main/content";

describe("editUrl", () => {
  it("points at the article's file under the repository's content folder", () => {
    expect(editUrl("content/articles/nvidia-rout.mdx", BASE)).toBe(`${BASE}/articles/nvidia-rout.mdx`);
    expect(editUrl("content/articles/2025/x.mdx", `${BASE}/`)).toBe(`${BASE}/articles/2025/x.mdx`);
  });

  it("escapes characters that are not safe in a URL path", () => {
    expect(editUrl("content/articles/a b#c.mdx", BASE)).toBe(`${BASE}/articles/a%20b%23c.mdx`);
  });

  it("gives no link when the base is unset or the file is unknown", () => {
    expect(editUrl("content/articles/x.mdx", "")).toBeUndefined();
    expect(editUrl(undefined, BASE)).toBeUndefined();
    expect(editUrl("/abs/elsewhere/x.mdx", BASE)).toBeUndefined();
  });
});
