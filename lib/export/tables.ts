import type { RepositorySummary } from "../db/queries/dashboard";
import type { Report } from "../parity/types";
import type { CsvCell } from "./csv";

/**
 * What an export holds, as one table per view: the overview (one row per repository) and a
 * scorecard's findings (one row per finding, suppressed ones included and marked). The JSON export
 * carries the same fields under the same names, so a script reads either.
 */

export interface ExportTable {
  columns: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

export const OVERVIEW_COLUMNS = [
  "repository",
  "level",
  "score_overall",
  "score_tools",
  "score_time",
  "score_personnel",
  "worst_severity",
  "worst_finding",
  "last_audit_at",
  "last_audit_status",
  "last_audit_error",
  "commit",
] as const;

function rounded(score: number | null): number | null {
  return score === null ? null : Math.round(score);
}

function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return typeof value === "string" ? new Date(value).toISOString() : value.toISOString();
}

export function overviewTable(rows: readonly RepositorySummary[]): ExportTable {
  return {
    columns: OVERVIEW_COLUMNS,
    rows: rows.map((row) => [
      row.fullName,
      row.level,
      rounded(row.scoreOverall),
      rounded(row.scoreTools),
      rounded(row.scoreTime),
      rounded(row.scorePersonnel),
      row.worstFinding?.severity ?? null,
      row.worstFinding?.title ?? null,
      iso(row.lastAuditAt),
      row.lastAuditStatus,
      row.lastAuditError,
      row.commitSha,
    ]),
  };
}

export const FINDING_COLUMNS = [
  "repository",
  "commit",
  "check",
  "gap",
  "severity",
  "title",
  "message",
  "service",
  "environments",
  "evidence",
  "suppressed",
  "suppression_reason",
  "fingerprint",
] as const;

/** Evidence as one readable cell: `dev config/database.yml:3 sqlite3; prod …`. Values are redacted by the engine. */
function evidenceText(evidence: Report["findings"][number]["evidence"]): string {
  return evidence
    .map((item) =>
      [item.environment, item.file ? `${item.file}${item.line > 0 ? `:${item.line}` : ""}` : null, item.value]
        .filter(Boolean)
        .join(" "),
    )
    .join("; ");
}

export function findingsTable(report: Pick<Report, "repository" | "commit" | "findings">): ExportTable {
  return {
    columns: FINDING_COLUMNS,
    rows: report.findings.map((finding) => [
      report.repository,
      report.commit,
      finding.check,
      finding.gap,
      finding.severity,
      finding.title,
      finding.message,
      finding.service ?? null,
      (finding.environments ?? []).join(" "),
      evidenceText(finding.evidence),
      finding.suppressed,
      finding.suppressionReason ?? null,
      finding.fingerprint,
    ]),
  };
}

/** The table as JSON objects keyed by column, in column order. */
export function tableObjects(table: ExportTable): Record<string, CsvCell>[] {
  return table.rows.map((row) =>
    Object.fromEntries(table.columns.map((column, index) => [column, row[index] ?? null])),
  );
}
