import type { Database } from "../db/client";
import { markAuditRetrying } from "../db/queries/audit-jobs";
import { completeAudit, failAudit, getAudit, setAuditProgress, startAudit } from "../db/queries/audits";
import { repositoryById, updateRepositoryFacts } from "../db/queries/repository-by-id";
import { audit } from "../parity/audit/index";
import { offerFixes } from "../parity/fixes/index";
import type { RepoSnapshot } from "../parity/types";
import { type EtagCache, fetchGitHubSnapshot, type GitHubClient, memoryCache } from "../sources/github/index";
import { type AuditFailure, classifyFailure } from "./failure";

/**
 * The audit service: repository -> GitHub snapshot -> engine -> one atomic write. Progress phases
 * are written to the audit row as it goes; a failure stores a coded reason, never a partial result.
 */

export interface AuditServiceDeps {
  db: Database;
  client: GitHubClient;
  now?: () => Date;
  cache?: EtagCache;
  /** Bound of one audit's GitHub work, waits included (default 60 s). */
  timeoutMs?: number;
}

/** Commits and deploys are read this far back: the engine's 90-day window behind each of the 26 weekly points. */
export const HISTORY_WINDOW_DAYS = 26 * 7 + 90;

export type AuditOutcome = { ok: true; snapshot: RepoSnapshot } | { ok: false; failure: AuditFailure };

export interface RunOptions {
  /** When false the failure is recorded as a pending retry (status back to queued) instead of final. */
  finalAttempt?: boolean;
}

export async function runLiveAudit(
  deps: AuditServiceDeps,
  auditId: number,
  options: RunOptions = {},
): Promise<AuditOutcome> {
  const now = deps.now ?? (() => new Date());
  const row = await getAudit(deps.db, auditId);
  if (!row)
    return { ok: false, failure: { code: "not_found", message: `audit ${auditId} does not exist`, retryable: false } };
  if (row.status === "succeeded")
    return { ok: false, failure: { code: "bad_request", message: "already audited", retryable: false } };
  const repo = await repositoryById(deps.db, row.repositoryId);
  if (!repo)
    return { ok: false, failure: { code: "not_found", message: "the repository was removed", retryable: false } };

  await startAudit(deps.db, auditId, now());
  try {
    const started = now();
    const fetched = await fetchGitHubSnapshot(deps.client, {
      owner: repo.owner,
      repo: repo.name,
      since: new Date(started.getTime() - HISTORY_WINDOW_DAYS * 86_400_000),
      cache: deps.cache ?? memoryCache(),
      ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
    });
    const snapshot = fetched.snapshot;
    await setAuditProgress(deps.db, auditId, "auditing", snapshot.files.size, snapshot.files.size);
    const report = audit(snapshot, null, started);
    // The changes the scorecard offers, proven now while the files are at hand (docs/fix.md).
    const fixes = offerFixes(snapshot, null, started, report);
    await setAuditProgress(deps.db, auditId, "saving");
    // What GitHub says now: a renamed default branch, a repository made private or public.
    const changed = {
      ...(snapshot.defaultBranch && snapshot.defaultBranch !== repo.defaultBranch
        ? { defaultBranch: snapshot.defaultBranch }
        : {}),
      ...(fetched.isPrivate !== null && fetched.isPrivate !== repo.isPrivate ? { isPrivate: fetched.isPrivate } : {}),
    };
    if (Object.keys(changed).length > 0) {
      await updateRepositoryFacts(deps.db, repo.id, changed);
    }
    await completeAudit(deps.db, auditId, {
      report,
      requests: fetched.requests,
      rateLimitCost: fetched.rateLimitCost,
      finishedAt: now(),
      history: snapshot.history ?? null,
      fixes,
    });
    return { ok: true, snapshot };
  } catch (error) {
    const failure = classifyFailure(error);
    if (failure.code === "internal") console.error(`[audit ${auditId}] ${repo.fullName}`, error);
    await recordFailure(deps.db, auditId, failure, options.finalAttempt !== false, now());
    return { ok: false, failure };
  }
}

/** A final failure is stored as failed; one that will be retried goes back to queued with its reason. */
export async function recordFailure(
  db: Database,
  auditId: number,
  failure: AuditFailure,
  final: boolean,
  now: Date,
): Promise<void> {
  if (final || !failure.retryable) {
    await failAudit(db, auditId, failure, now);
    return;
  }
  await setAuditProgress(db, auditId, "queued");
  await markAuditRetrying(db, auditId, failure);
}
