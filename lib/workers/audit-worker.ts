import type PgBoss from "pg-boss";
import { runHistoryBackfill } from "../audits/backfill";
import { type AuditServiceDeps, runLiveAudit } from "../audits/run-audit";
import { QUEUES } from "../jobs/boss";
import { type AuditJob, enqueueSweep, type HistoryJob } from "../jobs/queue";

/** Every day at 03:00 UTC each repository is re-audited (cheap: unchanged ones answer 304). */
export const DAILY_SWEEP_CRON = "0 3 * * *";

export interface WorkerOptions {
  /** Audits this process runs at once (default 2). */
  concurrency?: number;
  pollingIntervalSeconds?: number;
}

/**
 * Registers this process as a worker of the shared queues. Any number of processes may do so on
 * one PostgreSQL; pg-boss hands each job to exactly one of them (SKIP LOCKED).
 */
export async function startWorker(boss: PgBoss, deps: AuditServiceDeps, options: WorkerOptions = {}): Promise<void> {
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const work = { pollingIntervalSeconds, batchSize: 1, includeMetadata: true } as const;
  for (let i = 0; i < (options.concurrency ?? 2); i += 1) {
    await boss.work<AuditJob>(QUEUES.audit, work, async ([job]) => {
      if (!job) return;
      const finalAttempt = job.retryCount >= job.retryLimit;
      const outcome = await runLiveAudit(deps, job.data.auditId, { finalAttempt });
      // Throwing hands the job back to pg-boss, which retries it later with backoff.
      if (!outcome.ok && outcome.failure.retryable && !finalAttempt) throw new Error(outcome.failure.message);
    });
  }
  await boss.work<HistoryJob>(QUEUES.history, work, async ([job]) => {
    if (job) await runHistoryBackfill(deps, job.data.repositoryId);
  });
  await boss.work(QUEUES.sweep, work, async () => {
    await enqueueSweep(deps.db, boss);
  });
  await boss.schedule(QUEUES.sweep, DAILY_SWEEP_CRON, {}, { tz: "UTC" });
}
