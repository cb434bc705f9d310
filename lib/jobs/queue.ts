import type PgBoss from "pg-boss";
import { BACKFILL_WEEKS } from "../audits/backfill";
import type { Database } from "../db/client";
import { withdrawAudit } from "../db/queries/audit-jobs";
import { createAudit, findActiveAudit, setHistoryProgress } from "../db/queries/audits";
import { upsertRepository } from "../db/queries/repositories";
import { connectedRepositoryIds, repositoryById } from "../db/queries/repository-by-id";
import { QUEUES } from "./boss";

export interface AuditJob {
  auditId: number;
  repositoryId: number;
}

export interface HistoryJob {
  repositoryId: number;
}

/**
 * Queues a live audit, or returns the one already queued or running for the repository (one audit
 * per repository at a time: the audit row says so for the UI, pg-boss's singleton key enforces it
 * across processes).
 */
export async function enqueueAudit(db: Database, boss: PgBoss, repositoryId: number, trigger: string) {
  const active = await findActiveAudit(db, repositoryId);
  if (active) return { audit: active, queued: false };
  const row = await createAudit(db, { repositoryId, trigger });
  const jobId = await boss.send(QUEUES.audit, { auditId: row.id, repositoryId } satisfies AuditJob, {
    singletonKey: String(repositoryId),
  });
  if (jobId) return { audit: row, queued: true };
  // Another process queued one between our check and our send: keep theirs.
  await withdrawAudit(db, row.id);
  const theirs = await findActiveAudit(db, repositoryId);
  return { audit: theirs ?? row, queued: false };
}

export async function enqueueHistory(
  db: Database,
  boss: PgBoss,
  repositoryId: number,
  weeks = BACKFILL_WEEKS,
): Promise<void> {
  await setHistoryProgress(db, repositoryId, { status: "queued", done: 0, total: weeks, error: null });
  await boss.send(QUEUES.history, { repositoryId } satisfies HistoryJob, { singletonKey: String(repositoryId) });
}

/**
 * Adds a repository: the first audit and the 26-week history backfill are queued at once; adding
 * a repository that exists queues nothing new and returns its current audit.
 */
export async function addRepository(db: Database, boss: PgBoss, name: { owner: string; name: string }) {
  const repository = await upsertRepository(db, name);
  if (!repository) throw new Error("storing the repository failed");
  const isNew = repository.lastAuditId === null && repository.latestAuditId === null;
  const { audit } = await enqueueAudit(db, boss, repository.id, isNew ? "connect" : "manual");
  if (isNew) await enqueueHistory(db, boss, repository.id);
  const fresh = await repositoryById(db, repository.id);
  return { repository: fresh ?? repository, audit, created: isNew };
}

/** The daily sweep: a scheduled audit for every repository (coalesced with any already queued). */
export async function enqueueSweep(db: Database, boss: PgBoss): Promise<number> {
  let queued = 0;
  for (const id of await connectedRepositoryIds(db)) {
    const result = await enqueueAudit(db, boss, id, "schedule");
    if (result.queued) queued += 1;
  }
  return queued;
}
