/** Page weight for the site tests; shared with the benchmark in scripts/lib. */
export {
  PAGE_BUDGET_BYTES,
  gzipSize,
  lazyScripts,
  pageWeight,
  totalGzip,
  type PageWeight,
  type Script,
} from "../../scripts/lib/page-weight.ts";
