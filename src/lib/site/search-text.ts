/** Wording of the search page's status line, announced to screen readers as results change. */
export function resultsStatus(query: string, total: number, shown: number): string {
  if (total === 0) return `No articles match “${query}”.`;
  const found = total === 1 ? `1 article matches “${query}”` : `${total} articles match “${query}”`;
  return shown < total ? `${found}; showing the best ${shown}.` : `${found}.`;
}
