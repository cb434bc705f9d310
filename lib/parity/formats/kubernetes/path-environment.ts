import type { Environment } from "../../types";

/**
 * Environment named by a path's segments: kustomize overlays and deploy folders are usually named
 * after the environment (`overlays/staging/`, `k8s/prod/`, `values-production.yaml`).
 * Anything else is left to the engine's path classification (undefined).
 */
export function environmentFromPath(path: string): Environment | undefined {
  const words = path.toLowerCase().split(/[/._-]+/);
  if (words.some((word) => word === "staging" || word === "stage" || word === "stg")) return "staging";
  if (words.some((word) => word === "prod" || word === "production" || word === "prd")) return "prod";
  return undefined;
}
