import { deployedHumanCommits, type HistoryContext, type WindowLabel, windowOrAll } from "./context";
import { isBotPerson, personKey, samePerson } from "./people";
import type { ProductionDeploy } from "./production";
import { round2 } from "./time";

/** Who shipped a change, relative to the person who wrote it. */
export type Shipper = "pipeline" | "author" | "merger" | "other" | "unknown";

export interface SelfDeployMetrics {
  /** (pipeline + author + merger) / changes whose shipper is known; null when none is. */
  selfDeployShare: number | null;
  selfDeployed: number;
  deployedByOthers: number;
  unknownShipper: number;
  /** Humans who deployed other people's changes, most such deploys first (ids). */
  otherDeployers: string[];
  window: WindowLabel;
}

/**
 * A deploy the merge itself started is the author's own: the pipeline acts for them. A deploy
 * created by a bot with no stated trigger is a pipeline too (GitHub Actions creates Deployments
 * as `github-actions[bot]`). A person counts when they wrote the change or merged its PR.
 */
export function shipperOf(
  deploy: ProductionDeploy,
  author: Parameters<typeof samePerson>[0],
  mergedBy: Parameters<typeof samePerson>[0],
): Shipper {
  if (deploy.trigger === "automatic") return "pipeline";
  if (deploy.trigger === "unknown" && isBotPerson(deploy.creator)) return "pipeline";
  if (!deploy.creator) return "unknown";
  if (isBotPerson(deploy.creator)) return "other";
  if (samePerson(deploy.creator, author)) return "author";
  if (samePerson(deploy.creator, mergedBy)) return "merger";
  return "other";
}

/** Share of deployed human changes (commits with an author) that their author's side shipped. */
export function selfDeploy(ctx: HistoryContext): SelfDeployMetrics {
  const authored = deployedHumanCommits(ctx).filter((c) => c.commit.author !== null);
  const { items, window } = windowOrAll(authored, (c) => c.deploy.at, ctx.now);
  let self = 0;
  let others = 0;
  let unknown = 0;
  const otherCounts = new Map<string, { id: string; count: number }>();
  for (const change of items) {
    const shipper = shipperOf(change.deploy, change.commit.author, change.commit.pullRequest?.mergedBy ?? null);
    if (shipper === "unknown") {
      unknown += 1;
      continue;
    }
    if (shipper !== "other") {
      self += 1;
      continue;
    }
    others += 1;
    const creator = change.deploy.creator;
    if (creator && !isBotPerson(creator)) {
      const entry = otherCounts.get(personKey(creator)) ?? { id: creator.id, count: 0 };
      entry.count += 1;
      otherCounts.set(personKey(creator), entry);
    }
  }
  const known = self + others;
  return {
    selfDeployShare: known === 0 ? null : round2(self / known),
    selfDeployed: self,
    deployedByOthers: others,
    unknownShipper: unknown,
    otherDeployers: [...otherCounts.values()].sort((a, b) => b.count - a.count).map((e) => e.id),
    window,
  };
}
