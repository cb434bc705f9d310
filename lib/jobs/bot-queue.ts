import type PgBoss from "pg-boss";
import { QUEUES } from "./boss";

/** The PR bot's job payloads (queues `pr-audit` and `webhook`, lib/jobs/boss.ts) and their sends. */

export interface PrAuditJob {
  installationId: number;
  repository: string;
  number: number;
  /** Audit even when the PR's current head was audited already (`check_run` rerequested). */
  force?: boolean;
}

export interface WebhookJob {
  deliveryRowId: number;
}

/** The PR's key: the `pr-audit` singleton key and its lock (`pull_request_locks`). */
export function prAuditKey(repository: string, number: number): string {
  return `${repository.toLowerCase()}#${number}`;
}

/**
 * Queues a PR audit; `null` means one is queued for this PR already, and it will read the PR's
 * newest delivery when it runs.
 */
export function enqueuePrAudit(boss: PgBoss, job: PrAuditJob): Promise<string | null> {
  return boss.send(QUEUES.prAudit, job, { singletonKey: prAuditKey(job.repository, job.number) });
}

/** Queues the work of one recorded delivery other than a pull request's. */
export function enqueueWebhookJob(boss: PgBoss, job: WebhookJob): Promise<string | null> {
  return boss.send(QUEUES.webhook, job);
}
