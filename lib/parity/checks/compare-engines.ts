import { isEmbeddedEngine } from "../catalog";
import type { Environment, FindingDraft, Inventory, ServiceKind, ServiceUse, Severity } from "../types";
import { worstSeverity } from "./compare-versions";
import {
  describeUses,
  engineKey,
  engineName,
  environmentList,
  evidenceList,
  joinWords,
  oneStepLower,
  sortedEnvironments,
  usesOf,
} from "./shared";

/** Server engines close enough that a swap is a medium, not a high, difference. */
const RELATED_ENGINES: readonly (readonly [string, string])[] = [
  ["mysql", "mariadb"],
  ["elasticsearch", "opensearch"],
];

const SEVERITY_RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3 };

function related(a: string, b: string): boolean {
  return RELATED_ENGINES.some(([x, y]) => (a === x && b === y) || (a === y && b === x));
}

/**
 * How much an engine swap hurts: mail relays are an expected substitution (info); an embedded
 * stand-in (SQLite, in-memory, in-process jobs) for a server is the classic failure (high), except
 * local disk for object storage outside staging (medium: the file API differs, the data model does
 * not); a fork or sibling is medium; another server is high for databases (SQL dialects differ)
 * and medium elsewhere (the client library changes, so the swap is at least visible in code).
 */
export function engineSwapSeverity(
  kind: ServiceKind,
  engine: string,
  prodEngines: readonly string[],
  environment?: Environment,
): Severity {
  if (kind === "mail") return "info";
  const prodIsServer = prodEngines.some((prod) => !isEmbeddedEngine(prod));
  if (isEmbeddedEngine(engine) && prodIsServer) {
    return kind === "storage" && environment !== "staging" ? "medium" : "high";
  }
  if (prodEngines.some((prod) => related(engine, prod))) return "medium";
  return kind === "database" ? "high" : "medium";
}

export interface EngineComparison {
  findings: FindingDraft[];
  compared: number;
  /** One sentence per kind prod runs while none of the compared environments could be read. */
  unknown: string[];
}

export interface EngineOptions {
  /**
   * When prod declares no service of this kind, compare these environments with dev instead
   * (dev <-> CI, dev <-> test), one severity step lower. Omitted: nothing is compared.
   */
  whenProdSilent?: readonly Environment[];
  /** Say `unknown` when prod runs the kind and none of the environments declares it (default true). */
  unknownWhenUnread?: boolean;
  /**
   * Say `unknown` when prod declares no service of this kind while the other environments run one
   * (not only a framework default): prod's is most likely configured where the files do not show.
   */
  unknownWhenProdUnread?: boolean;
  /**
   * When prod's only facts of this kind are server images (a Redis container), compare only the
   * other environments' images: a server that runs says nothing of what the app uses it for (the
   * Redis of a self-hosting stack may serve jobs, not the cache), so a dev cache *setting* is not
   * compared with it.
   */
  imagesAgainstImages?: boolean;
}

/**
 * Compares the engines of `kind` in `environments` with prod's. One finding per difference: the
 * environments that run the same foreign engine share one finding ("SQLite in dev and test,
 * PostgreSQL 16 in prod"). An environment that offers prod's engine among several (a compose file
 * with mysql and postgres, a CI matrix) is not in mismatch. Emulators carry the engine they stand
 * in for (MinIO is `s3`), so they count as parity.
 */
export function compareEngines(
  inventory: Inventory,
  kind: ServiceKind,
  environments: readonly Environment[],
  options: EngineOptions = {},
): EngineComparison {
  const prod = usesOf(inventory, kind, "prod");
  if (prod.length === 0) {
    const result = compareWithDev(inventory, kind, options.whenProdSilent ?? []);
    const declared = [...new Set(["dev" as const, ...environments, ...(options.whenProdSilent ?? [])])]
      .flatMap((environment) => usesOf(inventory, kind, environment))
      .filter((use) => use.via !== "default");
    if (options.unknownWhenProdUnread && declared.length > 0) {
      const where = environmentList(declared.map((use) => use.environment));
      const engines = joinWords([...new Set(declared.map((use) => engineName(kind, use.engine)))]);
      result.unknown.push(`${engines} in ${where}; no production ${kind} could be read`);
    }
    return result;
  }
  const groups = new Map<string, Group>();
  let compared = 0;
  const imagesOnly = options.imagesAgainstImages === true && prod.every((use) => use.via === "image");
  for (const environment of environments) {
    const uses = usesOf(inventory, kind, environment).filter((use) => !imagesOnly || use.via === "image");
    if (uses.length === 0) continue;
    compared += 1;
    addForeign(groups, environment, foreignEngines(kind, environment, uses, prod));
  }
  const unknown: string[] = [];
  if (compared === 0 && kind !== "mail" && options.unknownWhenUnread !== false && environments.length > 0) {
    unknown.push(`${describeUses(prod)} in prod; no ${kind} could be read in ${joinWords(environments)}`);
  }
  const findings = [...groups.values()].map((group) => ({
    message: `${describeUses(group.uses)} in ${environmentList(group.environments)}, ${describeUses(prod)} in prod`,
    evidence: evidenceList([...group.uses, ...prod]),
    service: `${kind}:${engineKey(prod)}`,
    environments: sortedEnvironments([...group.environments, "prod"]),
    severity: group.severity,
  }));
  return { findings, compared, unknown };
}

interface Group {
  environments: Set<Environment>;
  uses: ServiceUse[];
  severity: Severity;
}

/** Adds one environment's foreign engines to the groups keyed by engine. */
function addForeign(groups: Map<string, Group>, environment: Environment, foreign: readonly Foreign[]): void {
  for (const item of foreign) {
    const group = groups.get(item.engine) ?? { environments: new Set(), uses: [], severity: "info" };
    group.environments.add(environment);
    group.uses.push(...item.uses);
    group.severity = worstSeverity([group.severity, item.severity]) ?? "info";
    groups.set(item.engine, group);
  }
}

/**
 * Prod is silent about this kind: compare the other environments with dev's engines, one severity
 * step lower (neither side is known to be what users run). Never unknown, never a pass: only a
 * difference between two environments is worth saying without prod.
 */
function compareWithDev(
  inventory: Inventory,
  kind: ServiceKind,
  environments: readonly Environment[],
): EngineComparison {
  const dev = usesOf(inventory, kind, "dev");
  const findings: FindingDraft[] = [];
  if (dev.length === 0 || kind === "mail") return { findings, compared: 0, unknown: [] };
  // Test suites that run on several engines say the application is portable on purpose: without
  // prod to say which engine matters, dev's choice among them is not a mismatch.
  const suiteEngines = new Set(
    SUITES.flatMap((environment) => usesOf(inventory, kind, environment)).map((u) => u.engine),
  );
  if (suiteEngines.size > 1) return { findings, compared: 0, unknown: [] };
  const groups = new Map<string, Group>();
  for (const environment of environments) {
    if (environment === "dev") continue;
    const uses = usesOf(inventory, kind, environment);
    if (uses.length === 0) continue;
    addForeign(groups, environment, foreignEngines(kind, environment, uses, dev));
  }
  for (const group of groups.values()) {
    const severity = oneStepLower(group.severity);
    if (severity === "info") continue;
    findings.push({
      message: `${describeUses(group.uses)} in ${environmentList(group.environments)}, ${describeUses(dev)} in dev; prod declares no ${kind}`,
      evidence: evidenceList([...group.uses, ...dev]),
      service: `${kind}:${engineKey(dev)}`,
      environments: sortedEnvironments([...group.environments, "dev"]),
      severity,
    });
  }
  return { findings, compared: 0, unknown: [] };
}

interface Foreign {
  engine: string;
  uses: ServiceUse[];
  severity: Severity;
}

/** Test suites and CI cover several engines on purpose (a matrix, one workflow per engine). */
const SUITES: readonly Environment[] = ["test", "ci"];

/**
 * The engines of `uses` (one environment's) that `reference` (prod's) does not run, keeping only
 * the closest candidates (MariaDB rather than SQLite for a MySQL prod). Candidates that stand
 * beside one of the reference's engines are not a mismatch, the application supports several on
 * purpose: in test and CI anywhere in the environment (a matrix, a workflow per engine), in dev and
 * staging within one file (a compose file offering mysql and postgres), so that one service of a
 * monorepo on prod's engine does not excuse another service on a different one.
 */
function foreignEngines(
  kind: ServiceKind,
  environment: Environment,
  uses: readonly ServiceUse[],
  reference: readonly ServiceUse[],
): Foreign[] {
  const referenceEngines = [...new Set(reference.map((use) => use.engine))];
  const isReference = (use: ServiceUse) => referenceEngines.includes(use.engine);
  if (SUITES.includes(environment) && uses.some(isReference)) return [];
  const besideReference = new Set(uses.filter(isReference).map((use) => use.file));
  const byEngine = new Map<string, ServiceUse[]>();
  for (const use of uses) {
    if (isReference(use) || besideReference.has(use.file)) continue;
    byEngine.set(use.engine, [...(byEngine.get(use.engine) ?? []), use]);
  }
  if (byEngine.size === 0) return [];
  const all = [...byEngine].map(([engine, engineUses]) => ({
    engine,
    uses: engineUses,
    severity: engineSwapSeverity(kind, engine, referenceEngines, environment),
  }));
  const best = Math.min(...all.map((item) => SEVERITY_RANK[item.severity]));
  return all.filter((item) => SEVERITY_RANK[item.severity] === best);
}

/** One environment's findings against prod, one per foreign engine (ci-services, runtime-version). */
export function diffEngines(
  kind: ServiceKind,
  environment: Environment,
  uses: readonly ServiceUse[],
  prod: readonly ServiceUse[],
): FindingDraft[] {
  return foreignEngines(kind, environment, uses, prod).map((item) => ({
    message: `${describeUses(item.uses)} in ${environment}, ${describeUses(prod)} in prod`,
    evidence: evidenceList([...item.uses, ...prod]),
    service: `${kind}:${engineKey(prod)}`,
    environments: [environment, "prod"],
    severity: item.severity,
  }));
}
