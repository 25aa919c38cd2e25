/**
 * Reading `npm audit --json` (report version 2): which packages have a high or critical advisory, or
 * why there is no report (the advisory endpoint could not be reached).
 */

export type Severity = "info" | "low" | "moderate" | "high" | "critical";

interface Advisory {
  title?: string;
  url?: string;
  severity?: Severity;
}

interface AuditJson {
  auditReportVersion?: number;
  vulnerabilities?: Record<string, { name: string; severity: Severity; via: (string | Advisory)[] }>;
  metadata?: { vulnerabilities?: Partial<Record<Severity | "total", number>> };
  message?: string;
  error?: { summary?: string; detail?: string };
}

export type AuditOutcome =
  | { kind: "report"; counts: Partial<Record<Severity | "total", number>>; blocking: string[] }
  | { kind: "unavailable"; reason: string };

/** Severities that fail the audit. */
const BLOCKING: readonly Severity[] = ["high", "critical"];

export function readAudit(json: string): AuditOutcome {
  let data: AuditJson;
  try {
    data = JSON.parse(json) as AuditJson;
  } catch {
    return { kind: "unavailable", reason: `npm audit printed no JSON report: ${json.trim().slice(0, 200)}` };
  }
  if (!data.metadata?.vulnerabilities || !data.vulnerabilities) {
    const reason = data.message ?? data.error?.summary ?? "npm audit returned no report";
    return { kind: "unavailable", reason };
  }
  const blocking = Object.values(data.vulnerabilities)
    .filter((v) => BLOCKING.includes(v.severity))
    .map((v) => {
      const advisories = v.via
        .map((via) =>
          typeof via === "string"
            ? `via ${via}`
            : `${via.title ?? "advisory"}${via.url ? ` (${via.url})` : ""}`,
        )
        .join("; ");
      return `${v.name} (${v.severity}): ${advisories}`;
    })
    .sort();
  return { kind: "report", counts: data.metadata.vulnerabilities, blocking };
}
