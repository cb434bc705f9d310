/** The PR bot's job payloads (queues `pr-audit` and `webhook`, lib/jobs/boss.ts). */

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
