/** Article files for tests: valid frontmatter around a body, with any field replaced or added. */
export function articleText(fields: Record<string, string> = {}, body = "A paragraph of text."): string {
  const all: Record<string, string> = {
    title: '"A test article"',
    description: '"A test article used by the tests: long enough to pass the fifty-character minimum."',
    date: "2025-02-03",
    authors: "[news-desk]",
    tickers: "[nvda]",
    tags: "[nvidia, markets]",
    ...fields,
  };
  const lines = Object.entries(all)
    .filter(([, value]) => value !== "")
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}\n`;
}
