import type PgBoss from "pg-boss";
import { staleQueuedDeliveries } from "../db/queries/bot";
import { QUEUES } from "../jobs/boss";
import { enqueuePrAudit, enqueueWebhookJob, type PrAuditJob, prAuditKey, type WebhookJob } from "../jobs/bot-queue";
import type { PullRequestTask } from "../jobs/webhook-tasks";
import type { BotDeps } from "./pr-audit";
import { processPrAuditJob } from "./pr-audit-job";
import { processWebhookJob } from "./webhook-job";

export interface BotWorkerOptions {
  /** PR audits this process runs at once (default 2); one per PR at a time regardless. */
  concurrency?: number;
  pollingIntervalSeconds?: number;
  /** How often the sweep looks for deliveries that never got a job (default 60 s; 0: never). */
  sweepIntervalMs?: number;
  /** A delivery still `queued` this long after it arrived is sent again (default 2 min). */
  sweepAfterMs?: number;
}

/**
 * Sends a job for every delivery recorded but never worked: the webhook answers after one insert
 * and the job is sent just after (lib/webhooks/dispatch.ts), so a crash in between leaves the row
 * `queued`. Sending twice is harmless: PR audits coalesce per PR, webhook jobs skip worked rows.
 */
export async function sweepDeliveries(boss: PgBoss, deps: BotDeps, olderThanMs: number): Promise<number> {
  const rows = await staleQueuedDeliveries(deps.db, new Date(Date.now() - olderThanMs));
  const pulls = new Map<string, PrAuditJob>();
  for (const row of rows) {
    const task = row.task as { kind?: string } | null;
    if (task?.kind === "pull_request") {
      const pull = task as PullRequestTask;
      pulls.set(prAuditKey(pull.repository, pull.number), {
        installationId: pull.installationId,
        repository: pull.repository,
        number: pull.number,
      });
    } else if (task) {
      await enqueueWebhookJob(boss, { deliveryRowId: row.id });
    }
  }
  for (const job of pulls.values()) await enqueuePrAudit(boss, job);
  return rows.length;
}

/** Registers this process as a worker of the PR bot's queues (webhook events and PR audits). */
export async function startBotWorker(boss: PgBoss, deps: BotDeps, options: BotWorkerOptions = {}): Promise<void> {
  const work = {
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
    batchSize: 1,
    includeMetadata: true,
  } as const;
  const full = { ...deps, boss };
  for (let i = 0; i < (options.concurrency ?? 2); i += 1) {
    let id = "";
    id = await boss.work<PrAuditJob>(QUEUES.prAudit, work, async ([job]) => {
      if (!job) return;
      try {
        await processPrAuditJob({ ...full, holder: job.id }, job.data);
      } catch (error) {
        // pg-boss retries it with backoff; the log says why.
        console.error(`[pr-audit] ${job.data.repository}#${job.data.number}`, error);
        throw error;
      } finally {
        // After a job, look for the next one at once: a burst drains at the audits' pace, not
        // the polling interval's (which applies only while the queue is empty).
        if (id) boss.notifyWorker(id);
      }
    });
  }
  await boss.work<WebhookJob>(QUEUES.webhook, work, async ([job]) => {
    if (job) await processWebhookJob(full, job.data);
  });
  const every = options.sweepIntervalMs ?? 60_000;
  if (every <= 0) return;
  const after = options.sweepAfterMs ?? 120_000;
  const timer = setInterval(() => {
    sweepDeliveries(boss, deps, after).catch((error: unknown) => console.error("[webhooks] sweep failed", error));
  }, every);
  timer.unref();
  boss.once("stopped", () => clearInterval(timer));
}
