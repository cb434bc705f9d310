import type { Commit, History } from "../types";
import { type Containment, firstContainingDeploys } from "./containment";
import { isBotPerson } from "./people";
import { type DeploySignal, type ProductionDeploy, productionDeploys } from "./production";
import { inWindow, parseTime } from "./time";

export interface TimedCommit {
  commit: Commit;
  authoredAt: number;
  committedAt: number;
  /** Dependabot, Renovate, github-actions...: excluded from lead time and personnel metrics. */
  bot: boolean;
}

/** Everything the time and personnel metrics read, computed once per audit. */
export interface HistoryContext {
  now: Date;
  signal: DeploySignal | null;
  proxy: boolean;
  /** Production deploys of the chosen signal, at or before `now`, oldest first. */
  deploys: ProductionDeploy[];
  /** Default-branch commits that reached the branch at or before `now`. */
  commits: TimedCommit[];
  /** First production deploy containing each commit sha. */
  containment: Map<string, Containment>;
  complete: boolean;
}

export function analyzeHistory(history: History, production: readonly string[], now: Date): HistoryContext {
  const chosen = productionDeploys(history.deploys, production, now);
  const commits: TimedCommit[] = [];
  for (const commit of history.commits) {
    const authored = parseTime(commit.authoredAt);
    const committed = parseTime(commit.committedAt);
    const authoredAt = authored ?? committed;
    const committedAt = committed ?? authored;
    if (authoredAt === null || committedAt === null || committedAt > now.getTime()) continue;
    commits.push({ commit, authoredAt, committedAt, bot: isBotPerson(commit.author) });
  }
  return {
    now,
    signal: chosen.signal,
    proxy: chosen.proxy,
    deploys: chosen.deploys,
    commits,
    containment: firstContainingDeploys(
      commits.map((c) => c.commit),
      chosen.deploys,
    ),
    complete: history.complete,
  };
}

/** `90d` when the events come from the measured window, `all` when the window was empty. */
export type WindowLabel = "90d" | "all";

/**
 * Items in the last WINDOW_DAYS; when none fall there, all of them, so a repository that deploys
 * rarely still gets its process (who deploys, how) measured. Callers store the label.
 */
export function windowOrAll<T>(
  items: readonly T[],
  at: (item: T) => number,
  now: Date,
): { items: T[]; window: WindowLabel } {
  const recent = items.filter((item) => inWindow(at(item), now));
  if (recent.length > 0) return { items: recent, window: "90d" };
  return { items: [...items], window: "all" };
}

/** Non-bot commits that reached a production deploy, with that deploy. */
export function deployedHumanCommits(ctx: HistoryContext): (TimedCommit & Containment)[] {
  const out: (TimedCommit & Containment)[] = [];
  for (const commit of ctx.commits) {
    if (commit.bot) continue;
    const containment = ctx.containment.get(commit.commit.sha);
    if (containment) out.push({ ...commit, ...containment });
  }
  return out;
}
