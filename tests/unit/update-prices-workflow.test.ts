/**
 * The price-update workflow: on weekdays after the New York and Hong Kong closes (and by hand), it
 * updates the prices, checks the content, runs the unit tests and only then commits the snapshots and
 * starts the deployment; with only the permissions that needs.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
const workflow = parse(readFileSync(".github/workflows/update-prices.yml", "utf8")) as {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown; push?: unknown };
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  jobs: Record<string, { steps: Step[] }>;
};
const steps = workflow.jobs.update!.steps;
const runs = steps.filter((s) => s.run).map((s) => s.run!.trim());

describe("the price-update workflow", () => {
  it("runs on weekdays after the New York close and after the Hong Kong close, and by hand", () => {
    // minute hour * * 1-5: Monday to Friday, in UTC.
    expect(workflow.on.schedule!.map((s) => s.cron)).toEqual(["30 22 * * 1-5", "30 9 * * 1-5"]);
    // New York closes at 16:00, 20:00 UTC in summer and 21:00 UTC in winter; Hong Kong at 16:00 = 08:00 UTC.
    const [us, hk] = workflow.on.schedule!.map((s) => Number(s.cron.split(" ")[1]));
    expect(us).toBeGreaterThan(21);
    expect(hk).toBeGreaterThan(8);
    expect(workflow.on).toHaveProperty("workflow_dispatch");
    expect(workflow.on).not.toHaveProperty("push");
  });

  it("updates each exchange's tickers after its own close, and every ticker when run by hand", () => {
    const update = steps.find((s) => s.name === "Update prices")!;
    expect(update.run).toBe("npm run update-prices -- $EXCHANGES");
    const chosen = update.env!.EXCHANGES!;
    expect(chosen).toContain("github.event.schedule == '30 9 * * 1-5' && '--exchange HKEX'");
    expect(chosen).toContain(
      "github.event.schedule == '30 22 * * 1-5' && '--exchange NASDAQ --exchange NYSE'",
    );
    expect(chosen).toMatch(/\|\| ''\s*}}$/);
  });

  it("updates, checks the content and runs the unit tests before it commits anything", () => {
    expect(runs.slice(0, 4)).toEqual([
      "npm ci",
      "npm run update-prices -- $EXCHANGES",
      "npm run check:content",
      "npm run test:unit",
    ]);
    const commit = steps.findIndex((s) => s.id === "commit");
    expect(commit).toBe(steps.length - 2);
    // No step may carry on after a failure: a failed update commits nothing.
    for (const step of steps.slice(0, commit + 1)) expect(step.if).toBeUndefined();
  });

  it("commits only the snapshots, and only when they changed, then starts the deployment", () => {
    const commit = steps.find((s) => s.id === "commit")!.run!;
    expect(commit).toContain("git add content/prices");
    expect(commit).not.toMatch(/git add (-A|\.|--all)/);
    expect(commit).toContain("if git diff --cached --quiet; then");
    expect(commit).toContain("git push");
    const publish = steps.at(-1)!;
    expect(publish.if).toBe("steps.commit.outputs.pushed == 'true'");
    expect(publish.run).toMatch(/^gh workflow run deploy\.yml /);
    expect(readFileSync(".github/workflows/deploy.yml", "utf8")).toMatch(/^\s+workflow_dispatch:/m);
  });

  it("asks for the permissions that needs and no more, and runs one update at a time", () => {
    expect(workflow.permissions).toEqual({ contents: "write", actions: "write" });
    expect(workflow.concurrency).toEqual({ group: "update-prices", "cancel-in-progress": false });
  });

  it("never prints a secret", () => {
    for (const run of runs) expect(run).not.toMatch(/secrets\.|echo .*(KEY|TOKEN)/);
  });

  it("uses the project's Node and pins every action to a major version", () => {
    expect(steps.find((s) => s.uses?.startsWith("actions/setup-node@"))?.with?.["node-version-file"]).toBe(
      ".nvmrc",
    );
    for (const step of steps.filter((s) => s.uses)) expect(step.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });
});
