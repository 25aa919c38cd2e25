import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
const nvmrc = readFileSync(".nvmrc", "utf8").trim();

describe("toolchain", () => {
  it("runs npm scripts under the Node pinned by the node devDependency, not the machine's own", () => {
    const major = Number(process.versions.node.split(".")[0]);
    expect(major).toBe(Number(nvmrc));
    expect(pkg.devDependencies.node?.split(".")[0]).toBe(nvmrc);
  });

  it("keeps engines, .nvmrc and the pinned Node in agreement", () => {
    const minimum = /^>=(\d+)\.(\d+)$/.exec(pkg.engines.node);
    expect(minimum, `engines.node should read ">=major.minor", got ${pkg.engines.node}`).not.toBeNull();
    expect(Number(nvmrc)).toBeGreaterThanOrEqual(Number(minimum?.[1]));
  });
});
