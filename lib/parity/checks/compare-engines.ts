import { isEmbeddedEngine } from "../catalog";
import type { Environment, FindingDraft, Inventory, ServiceKind, ServiceUse, Severity } from "../types";
import { describeUses, engineKey, evidenceList, usesOf } from "./shared";

/** Server engines close enough that a swap is a medium, not a high, difference. */
const RELATED_ENGINES: readonly (readonly [string, string])[] = [
  ["mysql", "mariadb"],
  ["elasticsearch", "opensearch"],
];

function related(a: string, b: string): boolean {
  return RELATED_ENGINES.some(([x, y]) => (a === x && b === y) || (a === y && b === x));
}

/**
 * How much an engine swap hurts: mail relays are an expected substitution (info); an embedded
 * stand-in (SQLite, in-memory, local disk, eager jobs) for a server is the classic failure (high);
 * a fork or sibling is medium; another server is high for databases (SQL dialects differ) and
 * medium elsewhere (the client library changes, so the swap is at least visible in code).
 */
export function engineSwapSeverity(kind: ServiceKind, engine: string, prodEngines: readonly string[]): Severity {
  if (kind === "mail") return "info";
  const prodIsServer = prodEngines.some((prod) => !isEmbeddedEngine(prod));
  if (isEmbeddedEngine(engine) && prodIsServer) return "high";
  if (prodEngines.some((prod) => related(engine, prod))) return "medium";
  return kind === "database" ? "high" : "medium";
}

export interface EngineComparison {
  findings: FindingDraft[];
  compared: number;
}

/**
 * Compares each environment's engines of `kind` with prod's: one finding per environment and
 * foreign engine, so a suppression or a fix in one environment leaves the others' fingerprints
 * alone. Emulators carry the engine they stand in for (MinIO is `s3`), so they count as parity.
 */
export function compareEngines(
  inventory: Inventory,
  kind: ServiceKind,
  environments: readonly Environment[],
): EngineComparison {
  const prod = usesOf(inventory, kind, "prod");
  if (prod.length === 0) return { findings: [], compared: 0 };
  const findings: FindingDraft[] = [];
  let compared = 0;
  for (const environment of environments) {
    const uses = usesOf(inventory, kind, environment);
    if (uses.length === 0) continue;
    compared += 1;
    findings.push(...diffEngines(kind, environment, uses, prod));
  }
  return { findings, compared };
}

/** Findings for the engines of `uses` (one environment's) that prod does not run. */
export function diffEngines(
  kind: ServiceKind,
  environment: Environment,
  uses: readonly ServiceUse[],
  prod: readonly ServiceUse[],
): FindingDraft[] {
  const prodEngines = [...new Set(prod.map((use) => use.engine))];
  const foreign = new Map<string, ServiceUse[]>();
  for (const use of uses) {
    if (prodEngines.includes(use.engine)) continue;
    foreign.set(use.engine, [...(foreign.get(use.engine) ?? []), use]);
  }
  return [...foreign].map(([engine, foreignUses]) => ({
    message: `${describeUses(foreignUses)} in ${environment}, ${describeUses(prod)} in prod`,
    evidence: evidenceList([...foreignUses, ...prod]),
    service: `${kind}:${engineKey(prod)}`,
    environments: [environment, "prod"],
    severity: engineSwapSeverity(kind, engine, prodEngines),
  }));
}
