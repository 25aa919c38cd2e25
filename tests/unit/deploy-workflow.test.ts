/** The deployment workflow publishes on pushes to main and daily, builds with the pinned Node, and needs no browser. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BUILD_CACHE_KEY_FILES, BUILD_CACHE_PATHS } from "../../scripts/lib/build-cache.ts";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: Step[];
}
const workflow = parse(readFileSync(".github/workflows/deploy.yml", "utf8")) as {
  on: { push?: { branches?: string[] }; schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
};
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const build = workflow.jobs.build!;

describe("the deployment workflow", () => {
  it("runs on every push to main, once a day, and by hand", () => {
    expect(workflow.on.push?.branches).toEqual(["main"]);
    expect(workflow.on.schedule).toHaveLength(1);
    // minute hour day-of-month month day-of-week: a fixed time, every day.
    expect(workflow.on.schedule![0]!.cron).toMatch(/^\d{1,2} \d{1,2} \* \* \*$/);
    expect(workflow.on).toHaveProperty("workflow_dispatch");
  });

  it("builds with the Node version of .nvmrc, from a clean install, after checking the content", () => {
    const node = build.steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
    expect(node?.with?.["node-version-file"]).toBe(".nvmrc");
    const runs = build.steps.filter((s) => s.run).map((s) => s.run);
    expect(runs).toEqual(["npm ci", "npm run check:content", "npm run build"]);
  });

  it("restores the last build's caches after the install and saves them after a build that succeeded", () => {
    const at = (match: (s: Step) => boolean) => build.steps.findIndex(match);
    const restore = at((s) => s.uses?.startsWith("actions/cache/restore@") ?? false);
    const save = at((s) => s.uses?.startsWith("actions/cache/save@") ?? false);
    expect(restore).toBeGreaterThan(at((s) => s.run === "npm ci"));
    expect(restore).toBeLessThan(at((s) => s.run === "npm run build"));
    expect(save).toBeGreaterThan(at((s) => s.run === "npm run build"));
    for (const index of [restore, save]) {
      expect(build.steps[index]!.with!.path!.trim().split("\n")).toEqual([...BUILD_CACHE_PATHS]);
    }
  });

  it("keys the caches by the lockfile, the configuration and Node, so a change to any starts cold", () => {
    const restore = build.steps.find((s) => s.uses?.startsWith("actions/cache/restore@"))!.with!;
    const save = build.steps.find((s) => s.uses?.startsWith("actions/cache/save@"))!.with!;
    const files = BUILD_CACHE_KEY_FILES.map((f) => `'${f}'`).join(", ");
    const prefix = `build-\${{ runner.os }}-\${{ hashFiles(${files}) }}-`;
    expect(restore["restore-keys"]).toBe(prefix);
    // Each run saves under its own key: an existing cache entry cannot be replaced.
    expect(restore.key).toBe(`${prefix}\${{ github.run_id }}`);
    expect(save.key).toBe(restore.key);
  });

  it("pins the same Node major as the project", () => {
    const nvmrc = readFileSync(".nvmrc", "utf8").trim();
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies.node!.split(".")[0]).toBe(nvmrc.split(".")[0]);
  });

  it("publishes dist/ to GitHub Pages from a job that only deploys", () => {
    const upload = build.steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"));
    expect(upload?.with?.path).toBe("dist");
    const deploy = workflow.jobs.deploy!;
    expect(deploy.needs).toBe("build");
    expect(deploy.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(deploy.steps.map((s) => s.uses?.split("@")[0])).toEqual(["actions/deploy-pages"]);
    expect(workflow.permissions).toEqual({ contents: "read" });
  });

  it("installs no browser", () => {
    for (const step of steps) {
      expect(JSON.stringify(step)).not.toMatch(/playwright install|chromium|apt-get/i);
    }
  });

  it("pins every action to a major version", () => {
    for (const step of steps.filter((s) => s.uses))
      expect(step.uses).toMatch(/^actions\/[a-z-]+(\/[a-z]+)?@v\d+$/);
  });
});
