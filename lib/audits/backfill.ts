import { succeededHistoryPoints } from "../db/queries/audit-jobs";
import { completeAudit, createAudit, setHistoryProgress } from "../db/queries/audits";
import { commitRows, deployRows } from "../db/queries/history-rows";
import { repositoryById } from "../db/queries/repository-by-id";
import { lastWeeks } from "../db/queries/weeks";
import { audit } from "../parity/audit/index";
import type { Commit, History, RepoSnapshot } from "../parity/types";
import { fetchGitHubSnapshot, memoryCache } from "../sources/github/index";
import { classifyFailure } from "./failure";
import { type AuditServiceDeps, HISTORY_WINDOW_DAYS } from "./run-audit";
import { type RequestBudget, snapshotAtCommit } from "./tree-at-commit";

/**
 * History on connect: audits of the default branch at weekly points over the last 26 weeks, so a
 * new repository's trend starts full. The commit at each point is the branch head then (from the
 * history the head snapshot already carries); a point whose head did not change reuses the files
 * already read, so a quiet repository costs a handful of requests. Points already audited are
 * skipped, which makes the job safe to retry after a crash.
 */

export interface BackfillOptions {
  /** Past weeks to fill (default 25: with the live audit's current week, the 26 weeks of the trend). */
  weeks?: number;
  /** Most GitHub requests the whole backfill may spend (the head snapshot included). */
  maxRequests?: number;
}

const DAY_MS = 86_400_000;
export const BACKFILL_WEEKS = 25;
/**
 * GitHub requests one backfill may spend: 25 weeks at ~6 each (a tree, the changed claimed files:
 * the engine reads READMEs, Makefiles and package.json scripts to learn who runs a file), well
 * under an installation's 5,000 an hour.
 */
export const BACKFILL_REQUEST_BUDGET = 200;

export interface BackfillResult {
  audited: number;
  skipped: number;
  requests: number;
}

export async function runHistoryBackfill(
  deps: AuditServiceDeps,
  repositoryId: number,
  options: BackfillOptions = {},
): Promise<BackfillResult> {
  const weeks = options.weeks ?? BACKFILL_WEEKS;
  const now = (deps.now ?? (() => new Date()))();
  const repo = await repositoryById(deps.db, repositoryId);
  if (!repo) return { audited: 0, skipped: 0, requests: 0 };
  await setHistoryProgress(deps.db, repositoryId, { status: "running", done: 0, total: weeks, error: null });
  const cache = deps.cache ?? memoryCache();
  const budget: RequestBudget = { left: options.maxRequests ?? BACKFILL_REQUEST_BUDGET, used: 0 };
  try {
    const head = await fetchGitHubSnapshot(deps.client, {
      owner: repo.owner,
      repo: repo.name,
      since: new Date(now.getTime() - HISTORY_WINDOW_DAYS * DAY_MS),
      cache,
    });
    budget.used += head.requests;
    budget.left -= head.requests;
    const history = head.snapshot.history;
    const points = weeklyPoints(now, weeks);
    const done = await succeededHistoryPoints(deps.db, repositoryId);
    // An object, not a `let`: TypeScript does not track a reassigned local across awaits in a loop.
    const last: { previous: { sha: string; snapshot: RepoSnapshot } | null } = { previous: null };
    let audited = 0;
    let skipped = 0;
    for (const [index, point] of points.entries()) {
      const commit = history ? headAt(history.commits, point) : null;
      if (!commit || done.has(point.getTime())) {
        skipped += 1;
      } else {
        let base: RepoSnapshot | null = last.previous?.sha === commit.sha ? last.previous.snapshot : null;
        if (!base && commit.sha === head.snapshot.commit) base = head.snapshot;
        // Over budget: the nearest earlier tree stands in (files change rarely; the history is exact).
        base ??=
          budget.left > 0
            ? await snapshotAtCommit(deps.client, cache, repo, commit.sha, budget)
            : (last.previous?.snapshot ?? null);
        if (base) {
          last.previous = { sha: commit.sha, snapshot: base };
          const snapshot: RepoSnapshot = {
            ...base,
            commit: commit.sha,
            ...(history ? { history: historyAt(history, point) } : {}),
          };
          const row = await createAudit(deps.db, { repositoryId, trigger: "history", auditedAt: point });
          const report = audit(snapshot, null, point);
          await completeAudit(deps.db, row.id, {
            report,
            requests: 0,
            rateLimitCost: 0,
            finishedAt: (deps.now ?? (() => new Date()))(),
            history: null,
          });
          audited += 1;
        } else {
          skipped += 1;
        }
      }
      await setHistoryProgress(deps.db, repositoryId, { status: "running", done: index + 1 });
    }
    if (history) {
      await commitRows(deps.db, repositoryId, history.commits);
      await deployRows(deps.db, repositoryId, history.deploys);
    }
    await setHistoryProgress(deps.db, repositoryId, { status: "done", done: weeks });
    return { audited, skipped, requests: budget.used };
  } catch (error) {
    const failure = classifyFailure(error);
    if (failure.code === "internal") console.error(`[history] ${repo.fullName}`, error);
    await setHistoryProgress(deps.db, repositoryId, { status: "failed", error: failure.message });
    throw error;
  }
}

/**
 * The last moment (Sunday 23:59:59.999 UTC) of each of the `weeks` complete weeks before the week
 * of `now`, oldest first. Fixed instants, so a retried backfill finds the points it already did;
 * the current week belongs to the live audit.
 */
export function weeklyPoints(now: Date, weeks: number): Date[] {
  const mondays = lastWeeks(now, weeks + 1).slice(1);
  return mondays.map((monday) => new Date(Date.parse(`${monday}T00:00:00Z`) - 1));
}

/** The branch head at `at`: the newest commit that had reached the branch by then. */
export function headAt(commits: readonly Commit[], at: Date): Commit | null {
  let best: Commit | null = null;
  for (const commit of commits) {
    const time = Date.parse(commit.committedAt);
    if (time <= at.getTime() && (!best || time > Date.parse(best.committedAt))) best = commit;
  }
  return best;
}

/** History as it was at `at`: nothing from its future. */
export function historyAt(history: History, at: Date): History {
  const limit = at.getTime();
  return {
    ...history,
    commits: history.commits.filter((c) => Date.parse(c.committedAt) <= limit),
    deploys: history.deploys.filter((d) => Date.parse(d.deployedAt) <= limit),
  };
}
