/**
 * What a build leaves for the next one to reuse: Astro's incremental-build cache (its manifest of page
 * keys and a copy of every page it wrote), the drawn Open Graph cards (src/lib/seo/og-image-files.ts)
 * and the previous dist/. The deployment workflow restores and saves exactly these
 * (.github/workflows/deploy.yml; a unit test compares the two), and tests/build/incremental.test.ts
 * gives a fresh copy of the site only these and checks that it rebuilds warm to the same dist/.
 */
export const BUILD_CACHE_PATHS = ["node_modules/.astro", "node_modules/.cache/market-desk", "dist"] as const;

/** Files whose change must start a deployment cold: the dependencies, the configuration, Node. */
export const BUILD_CACHE_KEY_FILES = ["package-lock.json", "astro.config.ts", ".nvmrc"] as const;
