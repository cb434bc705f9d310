import type { listSuppressionRequests } from "../db/queries/suppressions";
import type { Finding } from "../parity/types";

/**
 * Where a suppression asked for from the UI stands, read from the latest audit (never stored,
 * so it cannot go stale): `landed` once an audit read `.parity.yml` and marked the finding
 * suppressed, `resolved` when the finding is gone altogether, else `pending`.
 */
export type SuppressionStatus = "pending" | "landed" | "resolved";

export function suppressionStatus(fingerprint: string, findings: readonly Finding[]): SuppressionStatus {
  const matching = findings.filter((finding) => finding.fingerprint === fingerprint);
  if (matching.length === 0) return "resolved";
  return matching.every((finding) => finding.suppressed) ? "landed" : "pending";
}

/** A stored request, as the suppressions queries return it. */
type SuppressionRequestRow = Awaited<ReturnType<typeof listSuppressionRequests>>[number];

/** What the scorecard and the API show of a request. */
export interface SuppressionView {
  fingerprint: string;
  check: string;
  kind: "suppress" | "accept";
  reason: string;
  file: string;
  lines: string;
  requestedBy: string | null;
  requestedAt: string;
  status: SuppressionStatus;
  pullRequestUrl: string | null;
  pullRequestError: string | null;
}

export function suppressionView(
  row: SuppressionRequestRow,
  findings: readonly Finding[],
  file = ".parity.yml",
): SuppressionView {
  return {
    fingerprint: row.fingerprint,
    check: row.check,
    kind: row.kind,
    reason: row.reason,
    file,
    lines: row.lines,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
    status: suppressionStatus(row.fingerprint, findings),
    pullRequestUrl: row.pullRequestUrl,
    pullRequestError: row.pullRequestError,
  };
}
