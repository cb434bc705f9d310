import { countOf } from "@/lib/parity/plural";
import { Card } from "../card";
import type { AuditHistoryView, TrendMarkerView } from "../dashboard-types";
import { formatDate } from "../format";
import { type AuditHistoryRow, AuditHistoryTable } from "./audit-history-table";

/** Rows of the audit history table; every audit is in the trend and in the history API. */
export const HISTORY_ROWS = 30;

/** The newest audits as table rows, with only what the table shows. */
export function auditHistoryRows(
  history: readonly AuditHistoryView[],
  markers: readonly TrendMarkerView[],
): AuditHistoryRow[] {
  const byAudit = new Map(markers.map((marker) => [marker.auditId, marker]));
  // The newest ones: 26 weeks of daily audits as table rows tripled the page (the trend shows them all).
  return [...history]
    .reverse()
    .slice(0, HISTORY_ROWS)
    .map((audit) => {
      const marker = byAudit.get(audit.auditId);
      return {
        auditId: audit.auditId,
        date: formatDate(audit.auditedAt),
        commitSha: audit.commitSha,
        trigger: audit.trigger,
        level: audit.level,
        scores: audit.scores,
        appeared: marker?.appeared.length ?? 0,
        resolved: marker?.resolved.length ?? 0,
      };
    });
}

export function AuditHistory({
  repository,
  githubUrl,
  history,
  markers,
}: {
  repository: string;
  /** GitHub's web address (GITHUB_URL), for the commit links. */
  githubUrl: string;
  history: AuditHistoryView[];
  markers: TrendMarkerView[];
}) {
  const rows = auditHistoryRows(history, markers);
  const aside =
    history.length > rows.length
      ? `latest ${rows.length} of ${countOf(history.length, "audit")}`
      : countOf(history.length, "audit");
  return (
    <Card titleId="history" title="Audit history" aside={aside}>
      {rows.length === 0 ? (
        <p className="px-4 py-3 text-sm text-neutral-600 dark:text-neutral-400">No finished audit yet.</p>
      ) : (
        <AuditHistoryTable repository={{ githubUrl, fullName: repository }} rows={rows} />
      )}
      {history.length > rows.length ? (
        <p className="border-t border-neutral-100 px-4 py-2 text-xs text-neutral-600 dark:border-neutral-900 dark:text-neutral-400">
          Every audit is in the trend above and in the{" "}
          <a href={`/api/repos/${repository}/history`} className="underline underline-offset-2">
            history API
          </a>
          .
        </p>
      ) : null}
    </Card>
  );
}
