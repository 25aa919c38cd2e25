/**
 * URL slugs made from headlines: lowercase ASCII words joined by single hyphens, the form the article
 * schema accepts for file names (`content/articles/<slug>.mdx`).
 */

/** The slug rule: lowercase ASCII letters and digits in words joined by single hyphens (`us-china`). */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Slugs longer than this are cut at a word boundary; long headlines make unwieldy URLs. */
const MAX_SLUG_LENGTH = 80;

/**
 * "Nvidia’s record loss: $589bn gone" -> "nvidias-record-loss-589bn-gone". Accents are dropped
 * (é -> e), apostrophes join their word, `&` reads "and", anything else that is not a letter or a
 * digit separates words. Returns "" when nothing usable is left (a headline in another script): the
 * caller must then ask for a slug.
 */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’‘`]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) return slug || word.slice(0, maxLength);
    slug = next;
  }
  return slug;
}
