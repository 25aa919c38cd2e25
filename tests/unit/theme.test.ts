import { describe, expect, it } from "vitest";
import { nextTheme, resolveTheme, THEME_STORAGE_KEY, themeInitScript } from "../../src/lib/site/index.ts";

/** Runs the first-paint script against a fake browser and returns the theme it set. */
function runInitScript(
  stored: string | null,
  systemDark: boolean,
  storageThrows = false,
): string | undefined {
  const dataset: Record<string, string> = {};
  const localStorage = {
    getItem(key: string) {
      if (storageThrows) throw new Error("SecurityError");
      return key === THEME_STORAGE_KEY ? stored : null;
    },
  };
  const matchMedia = (query: string) => ({ matches: query === "(prefers-color-scheme: dark)" && systemDark });
  const document = { documentElement: { dataset } };
  new Function("localStorage", "matchMedia", "document", themeInitScript)(localStorage, matchMedia, document);
  return dataset.theme;
}

describe("theme", () => {
  it("prefers the stored choice over the system", () => {
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
  });

  it("follows the system when nothing valid is stored", () => {
    expect(resolveTheme(null, true)).toBe("dark");
    expect(resolveTheme(null, false)).toBe("light");
    expect(resolveTheme("purple", true)).toBe("dark");
  });

  it("toggles between the two themes", () => {
    expect(nextTheme("light")).toBe("dark");
    expect(nextTheme("dark")).toBe("light");
  });

  it("sets the same theme before first paint as resolveTheme decides", () => {
    for (const stored of [null, "light", "dark", "purple"]) {
      for (const systemDark of [true, false]) {
        expect(runInitScript(stored, systemDark)).toBe(resolveTheme(stored, systemDark));
      }
    }
  });

  it("falls back to the system when storage is blocked", () => {
    expect(runInitScript("light", true, true)).toBe("dark");
  });
});
