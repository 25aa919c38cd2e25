import { describe, expect, it } from "vitest";
import { DEBIAN_CHROMIUM, findChromium, INSTALL_HINT } from "../../scripts/lib/chromium.ts";

const only =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe("findChromium", () => {
  it("uses CHROMIUM_PATH first", () => {
    expect(findChromium({ CHROMIUM_PATH: "/opt/c" }, "/pw/c", only("/opt/c", DEBIAN_CHROMIUM, "/pw/c"))).toBe(
      "/opt/c",
    );
  });

  it("fails clearly when CHROMIUM_PATH points nowhere", () => {
    expect(() => findChromium({ CHROMIUM_PATH: "/nope" }, undefined, only(DEBIAN_CHROMIUM))).toThrow(
      /CHROMIUM_PATH is set to \/nope/,
    );
  });

  it("then Debian's Chromium, then Playwright's own", () => {
    expect(findChromium({}, "/pw/c", only(DEBIAN_CHROMIUM, "/pw/c"))).toBe(DEBIAN_CHROMIUM);
    expect(findChromium({}, "/pw/c", only("/pw/c"))).toBe("/pw/c");
  });

  it("throws one line saying how to install a browser when there is none", () => {
    expect(() => findChromium({}, "/pw/c", only())).toThrow(INSTALL_HINT);
    expect(INSTALL_HINT).not.toContain("\n");
    expect(INSTALL_HINT).toContain("apt-get install -y chromium");
  });
});
