import { THEME_STORAGE_KEY } from "./theme.ts";

/**
 * The inline script that sets `data-theme` before first paint, so a dark-mode reader never sees a
 * light flash. It must run synchronously in <head>, hence a string rather than a bundled module;
 * it mirrors `resolveTheme` (tests evaluate it against the same cases).
 */
export const themeInitScript =
  `(function(){var s=null;try{s=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)})}catch(e){}` +
  `document.documentElement.dataset.theme=s==="light"||s==="dark"?s:` +
  `matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light"})()`;
