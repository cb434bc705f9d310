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

/** Words that name an environment, by precedence (the path rules' list, docs/parity-model.md). */
const DEPLOY_WORDS: readonly (readonly [Environment, readonly string[]])[] = [
  ["prod", ["prod", "production", "prd", "live"]],
  ["staging", ["staging", "stage", "stg", "preprod", "uat", "qa"]],
  ["test", ["test", "tests", "testing", "e2e"]],
  ["ci", ["ci"]],
  ["dev", ["dev", "development", "local", "override"]],
];

/**
 * The environment a deploy definition runs in: the first environment a word of its path names
 * (`k8s-specifications/db.yaml` none, `kustomize/tests/x/` test), else `prod`. Used for files
 * recognised by content outside the deploy folders the path rules know, which would otherwise
 * fall back to `dev`.
 */
export function deployEnvironment(path: string): Environment {
  const words = new Set(path.toLowerCase().split(/[^a-z0-9]+/));
  for (const [environment, names] of DEPLOY_WORDS) {
    if (names.some((name) => words.has(name))) return environment;
  }
  return "prod";
}
