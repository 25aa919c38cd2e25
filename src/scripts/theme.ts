/**
 * Theme toggle: a button that flips between light and dark and remembers the choice. The first
 * paint is handled by the inline script of src/lib/site/theme-init.ts (in Base.astro's head); this file
 * only handles changes.
 */
import { nextTheme, THEME_STORAGE_KEY, type Theme } from "@/lib/site/theme.ts";

function current(): Theme {
  return document.documentElement.dataset.theme === "dark" ? "dark" : "light";
}

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-theme-toggle]")) {
    button.setAttribute("aria-pressed", String(theme === "dark"));
  }
  // Charts and other widgets restyle on this event rather than polling the attribute.
  document.dispatchEvent(new CustomEvent("themechange", { detail: { theme } }));
}

class ThemeToggle extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector("button");
    if (!button) return;
    button.hidden = false;
    button.setAttribute("aria-pressed", String(current() === "dark"));
    button.addEventListener("click", () => {
      const theme = nextTheme(current());
      localStorage.setItem(THEME_STORAGE_KEY, theme);
      apply(theme);
    });
  }
}

customElements.define("theme-toggle", ThemeToggle);

// Follow the system while the reader has not chosen a theme.
matchMedia("(prefers-color-scheme: dark)").addEventListener("change", (event) => {
  if (localStorage.getItem(THEME_STORAGE_KEY) === null) apply(event.matches ? "dark" : "light");
});
