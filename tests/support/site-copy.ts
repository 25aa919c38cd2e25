/** Site copies for tests; the implementation is shared with the benchmark in scripts/lib. */
export {
  makeSiteCopy,
  buildCopy,
  buildSite,
  commandLineEnv,
  run,
  type Overrides,
} from "../../scripts/lib/site-copy.ts";
