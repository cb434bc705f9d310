import { defaultConfig } from "../config/index";
import type { CheckInput, ClassifiedFile, Environment, Inventory, ServiceKind, ServiceUse } from "../types";

/** Where each environment's facts typically live, so evidence looks like a real repository's. */
const DEFAULT_FILES: Record<Environment, { file: string; format: string }> = {
  dev: { file: "compose.yaml", format: "compose" },
  test: { file: "config/database.yml", format: "rails" },
  ci: { file: ".github/workflows/ci.yml", format: "github-actions" },
  staging: { file: "deploy/staging/values.yaml", format: "helm" },
  prod: { file: "k8s/production/deployment.yaml", format: "kubernetes" },
};

let nextLine = 10;

/**
 * A service use as a format would report it. `raw` defaults to an image reference, so
 * `use("dev", "database", "postgres", "16")` reads `image: postgres:16`.
 */
export function use(
  environment: Environment,
  kind: ServiceKind,
  engine: string,
  version: string | null = null,
  extra: Partial<ServiceUse> = {},
): ServiceUse {
  const defaults = DEFAULT_FILES[environment];
  nextLine += 1;
  return {
    environment,
    kind,
    engine,
    version,
    pinned: null,
    file: defaults.file,
    line: nextLine,
    raw: `image: ${engine}${version === null ? "" : `:${version}`}`,
    via: "image",
    format: defaults.format,
    ...extra,
  };
}

/** Files classified for every environment the uses mention, unless given explicitly. */
function filesFor(uses: readonly ServiceUse[]): ClassifiedFile[] {
  const byPath = new Map<string, ClassifiedFile>();
  for (const item of uses) {
    const file = byPath.get(item.file) ?? { path: item.file, format: item.format, environments: [] };
    if (!file.environments.includes(item.environment)) file.environments.push(item.environment);
    byPath.set(item.file, file);
  }
  return [...byPath.values()];
}

export function inventory(parts: Partial<Inventory> = {}): Inventory {
  const uses = parts.uses ?? [];
  return {
    uses,
    files: parts.files ?? filesFor(uses),
    envKeys: parts.envKeys ?? [],
    literals: parts.literals ?? [],
    deployJobs: parts.deployJobs ?? [],
    devEnvironmentFiles: parts.devEnvironmentFiles ?? [],
    problems: parts.problems ?? [],
    paths: parts.paths ?? [...new Set(uses.map((item) => item.file))],
  };
}

/** A check input over `inv` with the default config, no history and a fixed clock. */
export function input(inv: Inventory): CheckInput {
  return { inventory: inv, config: defaultConfig(), history: null, now: new Date("2025-06-02T12:00:00Z") };
}

/** A classified file with no service uses (a CI workflow without `services:`, a prod config). */
export function file(path: string, format: string, ...environments: Environment[]): ClassifiedFile {
  return { path, format, environments };
}

/** The uses' files as `inventory` classifies them, with `apps` running the application itself. */
export function filesRunningApp(uses: readonly ServiceUse[], apps: readonly string[]): ClassifiedFile[] {
  return filesFor(uses).map((item) => (apps.includes(item.path) ? { ...item, runsApp: true } : item));
}
