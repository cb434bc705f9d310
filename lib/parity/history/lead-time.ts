import type { ContainmentMethod } from "./containment";
import { deployedHumanCommits, type HistoryContext, type WindowLabel, windowOrAll } from "./context";
import { hoursBetween, median, round2 } from "./time";

export interface CommitLeadTime {
  sha: string;
  hours: number;
  deployId: string;
  method: ContainmentMethod;
}

export interface LeadTimeMetrics {
  /** Median hours from authoring to the first production deploy containing the commit. */
  leadTimeHours: number | null;
  deployedCommits: number;
  /** Commits placed in a deploy by time because the deploy's sha was not on the branch. */
  timeFallbackCommits: number;
  window: WindowLabel;
  perCommit: CommitLeadTime[];
}

/**
 * Lead time for changes: author date to the first production deploy that contains the commit.
 * Clamped at zero: a laptop clock ahead of the server can date a commit "after" its deploy, and
 * a deployed commit has a lead time, never a negative or missing one. Bots are left out: a
 * Renovate bump merged a week later says nothing about how fast people's work ships.
 * Window: commits whose deploy happened in the last 90 days.
 */
export function leadTime(ctx: HistoryContext): LeadTimeMetrics {
  const { items, window } = windowOrAll(deployedHumanCommits(ctx), (c) => c.deploy.at, ctx.now);
  const perCommit = items.map((c) => ({
    sha: c.commit.sha,
    hours: round2(Math.max(0, hoursBetween(c.authoredAt, c.deploy.at))),
    deployId: c.deploy.id,
    method: c.method,
  }));
  const mid = median(perCommit.map((c) => c.hours));
  return {
    leadTimeHours: mid === null ? null : round2(mid),
    deployedCommits: perCommit.length,
    timeFallbackCommits: perCommit.filter((c) => c.method === "time").length,
    window,
    perCommit,
  };
}
