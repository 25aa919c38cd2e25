/** The site-wide HTML rules catch what they are for (the built site is checked in tests/site). */
import { describe, expect, it } from "vitest";
import { makeValidator } from "../support/html-validate";

const page = (body: string, title = "A page") =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`;

async function ruleIds(html: string): Promise<string[]> {
  const report = await makeValidator().validateString(html, "page.html");
  return report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
}

describe("site HTML rules", () => {
  it("accept a plain page", async () => {
    expect(await ruleIds(page('<p><a href="/x/">x</a></p>'))).toEqual([]);
  });

  it("reject inline event handlers on any element", async () => {
    expect(await ruleIds(page('<button type="button" onclick="go()">Go</button>'))).toEqual([
      "market-desk/no-inline-handler",
    ]);
    expect(await ruleIds(page('<img src="/a.png" alt="A" onerror="x()">'))).toEqual([
      "market-desk/no-inline-handler",
    ]);
  });

  it("reject a link that opens a new tab without noopener, and accept it with", async () => {
    expect(await ruleIds(page('<a href="https://example.com/" target="_blank">x</a>'))).toEqual([
      "market-desk/new-tab-noopener",
    ]);
    expect(
      await ruleIds(page('<a href="https://example.com/" target="_blank" rel="noreferrer">x</a>')),
    ).toEqual(["market-desk/new-tab-noopener"]);
    expect(
      await ruleIds(page('<a href="https://example.com/" target="_blank" rel="noopener">x</a>')),
    ).toEqual([]);
    expect(await ruleIds(page('<a href="/x/" target="_self">x</a>'))).toEqual([]);
  });

  it("allow a 120-character headline plus the site name in the title, not more", async () => {
    const headline = "H".repeat(120);
    expect(await ruleIds(page("", `${headline} | Market Desk`))).toEqual([]);
    expect(await ruleIds(page("", `${headline}H | Market Desk`))).toEqual(["long-title"]);
  });
});
