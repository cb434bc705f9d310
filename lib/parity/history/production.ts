import { DEFAULT_PRODUCTION } from "../config/defaults";
import { isProductionEnvironment as isProductionName } from "../config/production";
import type { Deploy, DeploySource } from "../types";
import { parseTime } from "./time";

/** Which kind of record the time and personnel metrics were read from, strongest first. */
export type DeploySignal = "deployment" | "workflow-run" | "release";

/** Strongest first (docs/parity-model.md §3): a release or tag only says a version was cut. */
export const DEPLOY_SIGNALS: readonly DeploySignal[] = ["deployment", "workflow-run", "release"];

export interface ProductionDeploy extends Deploy {
  /** `deployedAt` parsed once. */
  at: number;
}

export interface ProductionDeploys {
  signal: DeploySignal | null;
  /** True for the release/tag signal: the metrics measure releases, not deploys. */
  proxy: boolean;
  /** Production deploys of the chosen signal, at or before `now`, oldest first. */
  deploys: ProductionDeploy[];
}

/**
 * Whether a deployment environment counts as production: the `.parity.yml` list when the
 * repository names its own (case-insensitive, globs allowed), else, with the default list or none,
 * any name containing `prod` (`Production`, `prod-us`) except pre-/non-production. One rule for
 * the whole engine: it delegates to the config's, so an explicit default list behaves like none.
 */
export function isProductionEnvironment(name: string, production: readonly string[]): boolean {
  return isProductionName(name, { production: [...(production.length > 0 ? production : DEFAULT_PRODUCTION)] });
}

function signalOf(source: DeploySource): DeploySignal {
  return source === "tag" ? "release" : source;
}

/**
 * Production deploys from the strongest signal present. Deploys and workflow runs must target a
 * production environment; releases and tags are cut for production by nature, so their
 * environment name is not filtered (sources label them inconsistently).
 */
export function productionDeploys(
  deploys: readonly Deploy[],
  production: readonly string[],
  now: Date,
): ProductionDeploys {
  const nowMs = now.getTime();
  for (const signal of DEPLOY_SIGNALS) {
    const chosen: ProductionDeploy[] = [];
    for (const deploy of deploys) {
      if (signalOf(deploy.source) !== signal) continue;
      if (signal !== "release" && !isProductionEnvironment(deploy.environment, production)) continue;
      const at = parseTime(deploy.deployedAt);
      if (at === null || at > nowMs) continue;
      chosen.push({ ...deploy, at });
    }
    if (chosen.length > 0) {
      chosen.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
      return { signal, proxy: signal === "release", deploys: chosen };
    }
  }
  return { signal: null, proxy: false, deploys: [] };
}
