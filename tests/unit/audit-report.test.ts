import { describe, expect, it } from "vitest";
import { readAudit } from "../../scripts/lib/audit-report.ts";

const report = (vulnerabilities: Record<string, unknown>, counts: Record<string, number>) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: counts } });

describe("reading npm audit --json", () => {
  it("passes a report with only low and moderate advisories", () => {
    const json = report(
      {
        "left-pad": {
          name: "left-pad",
          severity: "moderate",
          via: [{ title: "Padding overflow", severity: "moderate" }],
        },
      },
      { info: 0, low: 1, moderate: 1, high: 0, critical: 0, total: 2 },
    );
    expect(readAudit(json)).toEqual({
      kind: "report",
      counts: { info: 0, low: 1, moderate: 1, high: 0, critical: 0, total: 2 },
      blocking: [],
    });
  });

  it("names each package with a high or critical advisory, and what it comes through", () => {
    const json = report(
      {
        "parse-things": {
          name: "parse-things",
          severity: "critical",
          via: [
            {
              title: "Prototype pollution",
              url: "https://github.com/advisories/GHSA-xxxx",
              severity: "critical",
            },
          ],
        },
        "uses-parse-things": { name: "uses-parse-things", severity: "high", via: ["parse-things"] },
        harmless: { name: "harmless", severity: "low", via: [{ title: "Minor", severity: "low" }] },
      },
      { info: 0, low: 1, moderate: 0, high: 1, critical: 1, total: 3 },
    );
    const outcome = readAudit(json);
    expect(outcome.kind === "report" && outcome.blocking).toEqual([
      "parse-things (critical): Prototype pollution (https://github.com/advisories/GHSA-xxxx)",
      "uses-parse-things (high): via parse-things",
    ]);
  });

  it("says why there is no report when the advisory endpoint fails", () => {
    const json = JSON.stringify({
      message: "405 Method Not Allowed - POST https://registry.example/bulk",
      statusCode: 405,
    });
    expect(readAudit(json)).toEqual({
      kind: "unavailable",
      reason: "405 Method Not Allowed - POST https://registry.example/bulk",
    });
    expect(readAudit("").kind).toBe("unavailable");
  });
});
