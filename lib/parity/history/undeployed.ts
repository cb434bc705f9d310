import type { HistoryContext } from "./context";
import { hoursBetween, round2 } from "./time";

export interface UndeployedMetrics {
  /** Age of the oldest human commit on the default branch in no production deploy; 0 if none. */
  oldestUndeployedHours: number;
  undeployedCommits: number;
  oldestUndeployedSha: string | null;
}

/**
 * Changes waiting on the default branch. Age counts from `committedAt` (when the change reached
 * the branch and could have shipped). Commits older than the first recorded production deploy
 * are left out: they predate the deploy records, and calling them "waiting" would blame the
 * repository for history the source did not see.
 */
export function undeployedChanges(ctx: HistoryContext): UndeployedMetrics {
  const first = ctx.deploys[0];
  if (!first) return { oldestUndeployedHours: 0, undeployedCommits: 0, oldestUndeployedSha: null };
  const waiting = ctx.commits.filter((c) => !c.bot && c.committedAt >= first.at && !ctx.containment.has(c.commit.sha));
  let oldest: (typeof waiting)[number] | null = null;
  for (const commit of waiting) {
    if (!oldest || commit.committedAt < oldest.committedAt) oldest = commit;
  }
  return {
    oldestUndeployedHours: oldest ? round2(Math.max(0, hoursBetween(oldest.committedAt, ctx.now.getTime()))) : 0,
    undeployedCommits: waiting.length,
    oldestUndeployedSha: oldest?.commit.sha ?? null,
  };
}
