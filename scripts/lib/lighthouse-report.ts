/** Reading a Lighthouse result (LHR): category scores out of 100, and the audits that cost points. */

interface LhrAudit {
  score: number | null;
  scoreDisplayMode: string;
  title: string;
  displayValue?: string;
}

/** The parts of a Lighthouse result these functions read. */
export interface LhrLike {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, LhrAudit>;
}

export type CategoryScores = Record<string, number>;

/** Each category's score out of 100; a category that could not be scored counts as 0. */
export function scoresOf(lhr: LhrLike): CategoryScores {
  return Object.fromEntries(
    Object.entries(lhr.categories).map(([id, category]) => [id, Math.round((category.score ?? 0) * 100)]),
  );
}

/** "category: audit-id: title (value)" for every weighted audit below full marks in `categories`. */
export function failingAudits(lhr: LhrLike, categories: readonly string[]): string[] {
  const out: string[] = [];
  for (const category of categories) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0) continue;
      if (audit.scoreDisplayMode === "error" || (audit.score !== null && audit.score < 1)) {
        const value = audit.displayValue ? ` (${audit.displayValue})` : "";
        out.push(`${category}: ${ref.id}: ${audit.title}${value}`);
      }
    }
  }
  return out;
}
