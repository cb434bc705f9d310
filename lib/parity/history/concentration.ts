import { type HistoryContext, type WindowLabel, windowOrAll } from "./context";
import { humanOrNull, personKey } from "./people";
import { inWindow, round2 } from "./time";

export interface ConcentrationMetrics {
  /** Deploys a person started by hand (not automatic, not by a bot). */
  humanDeploys: number;
  /** Deploys started by a merge or a bot: nobody's personal duty. */
  pipelineDeploys: number;
  /** Deploys with no creator and no known trigger. */
  unattributedDeploys: number;
  topDeployerShare: number | null;
  topTwoDeployersShare: number | null;
  deployers: number;
  /** Distinct human authors of commits in the window: the team the deploys could spread over. */
  humanAuthors: number;
  topDeployers: string[];
  window: WindowLabel;
}

export function deployerConcentration(ctx: HistoryContext): ConcentrationMetrics {
  const { items, window } = windowOrAll(ctx.deploys, (d) => d.at, ctx.now);
  const counts = new Map<string, { id: string; count: number }>();
  let pipeline = 0;
  let unattributed = 0;
  let human = 0;
  for (const deploy of items) {
    const person = humanOrNull(deploy.creator);
    if (deploy.trigger === "automatic" || (deploy.creator && !person)) {
      pipeline += 1;
      continue;
    }
    if (!person) {
      unattributed += 1;
      continue;
    }
    human += 1;
    const entry = counts.get(personKey(person)) ?? { id: person.id, count: 0 };
    entry.count += 1;
    counts.set(personKey(person), entry);
  }
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  const top1 = ranked[0]?.count ?? 0;
  const top2 = top1 + (ranked[1]?.count ?? 0);
  return {
    humanDeploys: human,
    pipelineDeploys: pipeline,
    unattributedDeploys: unattributed,
    topDeployerShare: human === 0 ? null : round2(top1 / human),
    topTwoDeployersShare: human === 0 ? null : round2(top2 / human),
    deployers: ranked.length,
    humanAuthors: humanAuthorsIn(ctx),
    topDeployers: ranked.slice(0, 2).map((e) => e.id),
    window,
  };
}

function humanAuthorsIn(ctx: HistoryContext): number {
  const authors = new Set<string>();
  for (const c of ctx.commits) {
    const author = humanOrNull(c.commit.author);
    if (author && inWindow(c.committedAt, ctx.now)) authors.add(personKey(author));
  }
  return authors.size;
}
