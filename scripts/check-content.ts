/**
 * Checks all content in a second or two, without building: the registries, every price snapshot,
 * every article's frontmatter, the references between them, and every component tag's props against
 * the price data. Problems are worded exactly as the build words them; drafts and scheduled articles
 * are checked too.
 *
 *   npm run check:content            exit 0: content is good; exit 1: problems were printed
 */
import { auditContent } from "./lib/content-audit.ts";

const started = performance.now();
const { problems, warnings, counts } = auditContent(process.cwd());
const seconds = ((performance.now() - started) / 1000).toFixed(2);

for (const warning of warnings) console.warn(`warning: ${warning}`);
for (const problem of problems) console.error(problem);

const checked =
  `${counts.articles} articles, ${counts.components} component tags, ${counts.tickers} tickers, ` +
  `${counts.tags} tags, ${counts.authors} authors and ${counts.snapshots} price snapshots`;
if (problems.length > 0) {
  console.error(
    `\n${problems.length === 1 ? "1 problem" : `${problems.length} problems`} (checked ${checked} in ${seconds} s).`,
  );
  process.exit(1);
}
console.log(`Content OK: checked ${checked} in ${seconds} s.`);
