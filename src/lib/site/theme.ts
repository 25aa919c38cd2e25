/** Theme names and rules shared by the first-paint script and the toggle. */
export type Theme = "light" | "dark";

/** localStorage key holding the reader's explicit choice; absent means "follow the system". */
export const THEME_STORAGE_KEY = "theme";

/** The theme to show: the stored choice if valid, else the system preference. */
export function resolveTheme(stored: string | null, systemPrefersDark: boolean): Theme {
  if (stored === "light" || stored === "dark") return stored;
  return systemPrefersDark ? "dark" : "light";
}

export function nextTheme(theme: Theme): Theme {
  return theme === "dark" ? "light" : "dark";
}
