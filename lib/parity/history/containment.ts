import type { Commit } from "../types";
import type { ProductionDeploy } from "./production";
import { parseTime } from "./time";

/** How a commit was found in a deploy: by ancestry, or by time when the deploy's sha is unknown. */
export type ContainmentMethod = "ancestry" | "time";

export interface Containment {
  deploy: ProductionDeploy;
  method: ContainmentMethod;
}

/**
 * The first production deploy that contains each commit, keyed by sha.
 *
 * A commit is in a deploy when it is an ancestor of (or equal to) the deploy's sha, walking
 * `parents` over the known commits. When the deploy's sha is not a known commit (a force-push
 * rewrote the branch, a squash or rebase merge minted new shas, the deploy ran from a merge-queue
 * ref), ancestry cannot be read, so the commits that reached the branch (`committedAt`) at or
 * before the deploy count as contained. Deploys are visited oldest first, so the first
 * assignment is the first containing deploy.
 */
export function firstContainingDeploys(
  commits: readonly Commit[],
  deploys: readonly ProductionDeploy[],
): Map<string, Containment> {
  const bySha = new Map<string, Commit>();
  for (const commit of commits) bySha.set(commit.sha, commit);
  const byCommitTime = commitsByBranchTime(commits);

  const found = new Map<string, Containment>();
  // Commits assigned by ancestry have every ancestor assigned too, so a walk may stop there.
  // Commits assigned by time carry no such promise: walks continue through them.
  let timeCursor = 0;
  for (const deploy of deploys) {
    const head = bySha.get(deploy.sha);
    if (head) {
      walkAncestors(head, bySha, (commit) => {
        const prior = found.get(commit.sha);
        if (prior?.method === "ancestry") return false;
        if (!prior) found.set(commit.sha, { deploy, method: "ancestry" });
        return true;
      });
      continue;
    }
    while (timeCursor < byCommitTime.length) {
      const next = byCommitTime[timeCursor];
      if (!next || next.at > deploy.at) break;
      if (!found.has(next.commit.sha)) found.set(next.commit.sha, { deploy, method: "time" });
      timeCursor += 1;
    }
  }
  return found;
}

/** Iterative walk (deep histories must not overflow the stack); `visit` returns false to prune. */
function walkAncestors(head: Commit, bySha: ReadonlyMap<string, Commit>, visit: (commit: Commit) => boolean): void {
  const seen = new Set<string>([head.sha]);
  const stack: Commit[] = [head];
  for (let commit = stack.pop(); commit; commit = stack.pop()) {
    if (!visit(commit)) continue;
    for (const parentSha of commit.parents) {
      if (seen.has(parentSha)) continue;
      seen.add(parentSha);
      const parent = bySha.get(parentSha);
      if (parent) stack.push(parent);
    }
  }
}

function commitsByBranchTime(commits: readonly Commit[]): { commit: Commit; at: number }[] {
  const timed: { commit: Commit; at: number }[] = [];
  for (const commit of commits) {
    const at = parseTime(commit.committedAt) ?? parseTime(commit.authoredAt);
    if (at !== null) timed.push({ commit, at });
  }
  return timed.sort((a, b) => a.at - b.at);
}
