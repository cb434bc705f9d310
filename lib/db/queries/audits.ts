import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { AuditFailureCode } from "../../errors/index";
import type { OfferedFixes } from "../../parity/fixes/index";
import type { Finding, History, Report } from "../../parity/types";
import type { Database } from "../client";
import { type AuditPhase, audits, findings, inventoryUses, repositories, weeklyScores } from "../schema";
import { commitRows, deployRows, insertChunked } from "./history-rows";
import { weekStart } from "./weeks";

/**
 * The audit lifecycle: queued -> running (phases with n/m progress) -> succeeded | failed.
 * A succeeded audit is written in one transaction (audit, findings, inventory, commits, deploys,
 * weekly rollup, the repository's latest pointer): readers never see a partial result.
 */

export interface NewAudit {
  repositoryId: number;
  trigger: string;
  /** For history backfills: the weekly point the audit describes. */
  auditedAt?: Date | null;
}

export async function createAudit(db: Database, input: NewAudit) {
  const [row] = await db
    .insert(audits)
    .values({ repositoryId: input.repositoryId, trigger: input.trigger, auditedAt: input.auditedAt ?? null })
    .returning();
  if (!row) throw new Error("inserting the audit returned no row");
  // Backfilled history never becomes "the last audit" the overview shows as running or failed.
  if (input.trigger !== "history") {
    await db.update(repositories).set({ lastAuditId: row.id }).where(eq(repositories.id, input.repositoryId));
  }
  return row;
}

/** A queued or running live (non-history) audit of the repository, if any. */
export async function findActiveAudit(db: Database, repositoryId: number) {
  const [row] = await db
    .select()
    .from(audits)
    .where(
      and(
        eq(audits.repositoryId, repositoryId),
        inArray(audits.status, ["queued", "running"]),
        ne(audits.trigger, "history"),
      ),
    )
    .orderBy(desc(audits.id))
    .limit(1);
  return row ?? null;
}

export async function getAudit(db: Database, auditId: number) {
  const [row] = await db.select().from(audits).where(eq(audits.id, auditId)).limit(1);
  return row ?? null;
}

/** Marks an audit running (again, after a retry: progress restarts, attempts count up). */
export async function startAudit(db: Database, auditId: number, now: Date): Promise<void> {
  await db
    .update(audits)
    .set({
      status: "running",
      phase: "fetching",
      progressDone: 0,
      progressTotal: 0,
      startedAt: now,
      error: null,
      errorCode: null,
      attempts: sql`${audits.attempts} + 1`,
    })
    .where(eq(audits.id, auditId));
}

export async function setAuditProgress(
  db: Database,
  auditId: number,
  phase: AuditPhase,
  done = 0,
  total = 0,
): Promise<void> {
  await db.update(audits).set({ phase, progressDone: done, progressTotal: total }).where(eq(audits.id, auditId));
}

export async function failAudit(
  db: Database,
  auditId: number,
  failure: { code: AuditFailureCode; message: string },
  now: Date,
): Promise<void> {
  await db
    .update(audits)
    .set({ status: "failed", phase: "failed", errorCode: failure.code, error: failure.message, finishedAt: now })
    .where(eq(audits.id, auditId));
}

export interface AuditResult {
  report: Report;
  requests: number;
  rateLimitCost: number;
  finishedAt: Date;
  /** Commits and deploys behind the metrics (stored once per repository, deduplicated). */
  history?: History | null;
  /** The fix plans offered with the report; null when planning was not run (history backfill). */
  fixes?: OfferedFixes | null;
}

export function openFindingCounts(list: readonly Finding[]) {
  const open = list.filter((f) => !f.suppressed);
  const count = (gap: string) => open.filter((f) => f.gap === gap).length;
  const order = ["high", "medium", "low", "info"];
  const worst = [...open].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity))[0] ?? null;
  return { tools: count("tools"), time: count("time"), personnel: count("personnel"), worst };
}

/** Stores a finished audit and everything behind it, atomically. */
export async function completeAudit(db: Database, auditId: number, result: AuditResult): Promise<void> {
  const { report } = result;
  const counts = openFindingCounts(report.findings);
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ repositoryId: audits.repositoryId, auditedAt: audits.auditedAt })
      .from(audits)
      .where(eq(audits.id, auditId))
      .limit(1);
    if (!existing) throw new Error(`audit ${auditId} does not exist`);
    const repositoryId = existing.repositoryId;
    const auditedAt = existing.auditedAt ?? result.finishedAt;
    // A retried job may have written rows before failing: start from a clean slate.
    await tx.delete(findings).where(eq(findings.auditId, auditId));
    await tx.delete(inventoryUses).where(eq(inventoryUses.auditId, auditId));
    await tx
      .update(audits)
      .set({
        status: "succeeded",
        phase: "done",
        commitSha: report.commit,
        finishedAt: result.finishedAt,
        auditedAt,
        requests: result.requests,
        rateLimitCost: result.rateLimitCost,
        engineVersion: report.engineVersion,
        scoreOverall: report.scores.overall,
        scoreTools: report.scores.tools,
        scoreTime: report.scores.time,
        scorePersonnel: report.scores.personnel,
        level: report.level,
        findingsTools: counts.tools,
        findingsTime: counts.time,
        findingsPersonnel: counts.personnel,
        worstSeverity: counts.worst?.severity ?? null,
        worstTitle: counts.worst?.message ?? counts.worst?.title ?? null,
        report,
        fixes: result.fixes ?? null,
        error: null,
        errorCode: null,
      })
      .where(eq(audits.id, auditId));
    await insertChunked(
      tx,
      findings,
      report.findings.map((f) => ({
        auditId,
        repositoryId,
        fingerprint: f.fingerprint,
        check: f.check,
        gap: f.gap,
        severity: f.severity,
        title: f.title,
        message: f.message,
        service: f.service ?? null,
        evidence: f.evidence,
        suppressed: f.suppressed,
        suppressionReason: f.suppressionReason ?? null,
      })),
    );
    await insertChunked(
      tx,
      inventoryUses,
      report.inventory.map((u) => ({
        auditId,
        environment: u.environment,
        kind: u.kind,
        engine: u.engine,
        version: u.version,
        pinned: u.pinned,
        file: u.file,
        line: u.line,
        raw: u.raw,
        via: u.via,
        format: u.format,
        name: u.name ?? null,
        emulator: u.emulator ?? null,
      })),
    );
    if (result.history) {
      await commitRows(tx, repositoryId, result.history.commits);
      await deployRows(tx, repositoryId, result.history.deploys);
    }
    await tx
      .insert(weeklyScores)
      .values({
        repositoryId,
        week: weekStart(auditedAt),
        auditId,
        auditedAt,
        scoreOverall: report.scores.overall,
        scoreTools: report.scores.tools,
        scoreTime: report.scores.time,
        scorePersonnel: report.scores.personnel,
        level: report.level,
        findingsTools: counts.tools,
        findingsTime: counts.time,
        findingsPersonnel: counts.personnel,
      })
      .onConflictDoUpdate({
        target: [weeklyScores.repositoryId, weeklyScores.week],
        set: {
          auditId: sql`excluded.audit_id`,
          auditedAt: sql`excluded.audited_at`,
          scoreOverall: sql`excluded.score_overall`,
          scoreTools: sql`excluded.score_tools`,
          scoreTime: sql`excluded.score_time`,
          scorePersonnel: sql`excluded.score_personnel`,
          level: sql`excluded.level`,
          findingsTools: sql`excluded.findings_tools`,
          findingsTime: sql`excluded.findings_time`,
          findingsPersonnel: sql`excluded.findings_personnel`,
        },
        // The latest audit of the week wins, whatever order backfills finish in.
        setWhere: sql`${weeklyScores.auditedAt} <= excluded.audited_at`,
      });
    // The repository's "now" is its audit with the newest audited_at (a backfill that finishes
    // after a live audit describes the past and must not replace it).
    await tx
      .update(repositories)
      .set({ latestAuditId: auditId })
      .where(
        and(
          eq(repositories.id, repositoryId),
          sql`(${repositories.latestAuditId} is null or ${auditedAt.toISOString()}::timestamptz >= (select a.audited_at from audits a where a.id = ${repositories.latestAuditId}))`,
        ),
      );
  });
}

export async function setHistoryProgress(
  db: Database,
  repositoryId: number,
  progress: {
    status: (typeof repositories.$inferSelect)["historyStatus"];
    done?: number;
    total?: number;
    error?: string | null;
  },
): Promise<void> {
  await db
    .update(repositories)
    .set({
      historyStatus: progress.status,
      ...(progress.done !== undefined ? { historyDone: progress.done } : {}),
      ...(progress.total !== undefined ? { historyTotal: progress.total } : {}),
      ...(progress.error !== undefined ? { historyError: progress.error } : {}),
    })
    .where(eq(repositories.id, repositoryId));
}
