import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { audits } from "../schema";
import type { failAudit } from "./audits";

/**
 * The audit rows' side of the queue (lib/jobs, lib/audits): a row withdrawn when another process
 * queued the repository's audit first, a failure that waits for pg-boss's retry, and the weekly
 * points a history backfill has already done (so a retried backfill skips them).
 */

/** Deletes an audit row nothing will run (its job was never queued). */
export async function withdrawAudit(db: Database, auditId: number): Promise<void> {
  await db.delete(audits).where(eq(audits.id, auditId));
}

/** Back to queued, with the reason it failed: pg-boss runs the audit again later. */
export async function markAuditRetrying(
  db: Database,
  auditId: number,
  failure: Parameters<typeof failAudit>[2],
): Promise<void> {
  await db
    .update(audits)
    .set({ status: "queued", errorCode: failure.code, error: `${failure.message} (retrying)` })
    .where(eq(audits.id, auditId));
}

/** The weekly points (as epoch milliseconds) of the repository's history audits that succeeded. */
export async function succeededHistoryPoints(db: Database, repositoryId: number): Promise<Set<number>> {
  const rows = await db
    .select({ auditedAt: audits.auditedAt })
    .from(audits)
    .where(and(eq(audits.repositoryId, repositoryId), eq(audits.trigger, "history"), eq(audits.status, "succeeded")));
  return new Set(rows.flatMap((r) => (r.auditedAt ? [r.auditedAt.getTime()] : [])));
}
