import { engineLabel, isEmbeddedEngine, versionDistance } from "../catalog";
import { redactText } from "../redact";
import type {
  CheckOutcome,
  Environment,
  Evidence,
  FindingDraft,
  Inventory,
  ServiceKind,
  ServiceUse,
  Severity,
} from "../types";
import { ENVIRONMENTS } from "../types";

/** Environments compared against prod, in display order (docs/parity-model.md §1). */
export const NON_PROD: readonly Environment[] = ["dev", "test", "ci", "staging"];

/** Kinds whose behaviour differences cause bugs (the seed's "databases, caches, brokers, storage"). */
export const BACKING_KINDS = ["database", "cache", "broker", "storage", "search"] as const satisfies ServiceKind[];

/**
 * Points a finding takes off its check's 0-10 score (docs/scoring.md). One high finding zeroes a
 * check; mediums and lows add up, so the score falls with the number of differences. Info never
 * lowers a score. score.ts uses the same table to give back points for suppressed findings.
 */
export const FINDING_PENALTY = { high: 10, medium: 5, low: 2.5, info: 0 } as const satisfies Record<Severity, number>;

export function usesOf(inventory: Inventory, kind: ServiceKind, environment?: Environment): ServiceUse[] {
  return inventory.uses.filter(
    (use) => use.kind === kind && (environment === undefined || use.environment === environment),
  );
}

/** `in-memory` is both a database and a cache engine: say which. */
export function engineName(kind: ServiceKind, engine: string): string {
  if (engine === "in-memory") return `in-memory ${kind}`;
  return engineLabel(engine);
}

/** `PostgreSQL 16`, `PostgreSQL 15/16`, `SQLite and H2`: one entry per engine, known versions. */
export function describeUses(uses: readonly ServiceUse[]): string {
  const versions = new Map<string, Set<string>>();
  for (const use of uses) {
    const set = versions.get(use.engine) ?? new Set<string>();
    if (use.version !== null && use.emulator === undefined) set.add(use.version);
    versions.set(use.engine, set);
  }
  const parts = [...versions].map(([engine, set]) => {
    const kind = uses.find((use) => use.engine === engine)?.kind ?? "database";
    const label = engineName(kind, engine);
    return set.size === 0 ? label : `${label} ${[...set].sort(compareVersions).join("/")}`;
  });
  return joinWords(parts);
}

export function joinWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

export function evidenceOf(use: ServiceUse): Evidence {
  return { environment: use.environment, file: use.file, line: use.line, value: redactText(use.raw) };
}

/** Evidence in a stable order, without duplicates (a file can be read by two formats). */
export function evidenceList(uses: readonly ServiceUse[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const use of uses) {
    const key = `${use.environment}\u0000${use.file}\u0000${use.line}\u0000${use.raw}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(evidenceOf(use));
  }
  return out;
}

/** Sorted distinct engine ids, joined: the `engine-of-prod` part of a finding's service. */
export function engineKey(uses: readonly ServiceUse[]): string {
  return [...new Set(uses.map((use) => use.engine))].sort().join("+");
}

/**
 * Severity of a version difference (docs/parity-model.md §3): minor-only -> low, one major ->
 * medium, two or more -> high. Null when equal or not comparable.
 */
export function severityByDistance(distance: number | null): Severity | null {
  if (distance === null || distance === 0) return null;
  if (distance < 1) return "low";
  if (distance < 2) return "medium";
  return "high";
}

/** The smallest distance from `version` to any of `targets` (the closest prod version). */
export function closestDistance(version: string, targets: readonly string[]): number | null {
  let best: number | null = null;
  for (const target of targets) {
    const distance = versionDistance(version, target);
    if (distance !== null && (best === null || distance < best)) best = distance;
  }
  return best;
}

/** Known, comparable versions: emulators carry their own product's version, not the service's. */
export function knownVersions(uses: readonly ServiceUse[]): string[] {
  const versions = uses.flatMap((use) => (use.version !== null && use.emulator === undefined ? [use.version] : []));
  return [...new Set(versions)];
}

export interface OutcomeParts {
  findings: FindingDraft[];
  defaultSeverity: Severity;
  /** How many comparisons were made (zero and no unknowns: not applicable). */
  compared: number;
  /** Comparisons that could not be made (a version prod does not declare...). */
  unknown?: string[];
  passSummary: string;
  notApplicableSummary: string;
}

/**
 * The common status and score rule (docs/scoring.md): any finding above info fails the check and
 * takes its penalty off 10; otherwise an unmeasurable comparison makes it unknown; otherwise it
 * passes if anything was compared, and is not applicable if nothing was.
 */
export function outcome(parts: OutcomeParts): CheckOutcome {
  const { findings, defaultSeverity } = parts;
  const failing = findings.filter((finding) => FINDING_PENALTY[finding.severity ?? defaultSeverity] > 0);
  if (failing.length > 0) {
    const penalty = failing.reduce((sum, finding) => sum + FINDING_PENALTY[finding.severity ?? defaultSeverity], 0);
    const summary = failing.length === 1 ? (failing[0]?.message ?? "") : `${failing.length} differences`;
    return { status: "fail", score: Math.max(0, 10 - penalty), summary, findings };
  }
  const unknown = parts.unknown ?? [];
  if (unknown.length > 0) {
    return { status: "unknown", score: null, summary: unknown.join("; "), findings };
  }
  if (parts.compared > 0) return { status: "pass", score: 10, summary: parts.passSummary, findings };
  return { status: "not-applicable", score: null, summary: parts.notApplicableSummary, findings };
}

/** True when some file of the inventory belongs to `environment`. */
export function hasEnvironment(inventory: Inventory, environment: Environment): boolean {
  return (
    inventory.files.some((file) => file.environments.includes(environment)) ||
    inventory.uses.some((use) => use.environment === environment)
  );
}

/** One step lower (high -> medium -> low -> info): a difference between two non-prod environments
 *  matters less than one with prod, since neither side is known to be what users run. */
export function oneStepLower(severity: Severity): Severity {
  if (severity === "high") return "medium";
  if (severity === "medium") return "low";
  return "info";
}

/** `dev`, `dev and test`, `dev, test and ci`: the environments that share one value. */
export function environmentList(environments: Iterable<Environment>): string {
  return joinWords(sortedEnvironments(environments));
}

/** Distinct environments in display order (dev, test, ci, staging, prod). */
export function sortedEnvironments(environments: Iterable<Environment>): Environment[] {
  const set = new Set(environments);
  return ENVIRONMENTS.filter((environment) => set.has(environment));
}

/**
 * True when prod's database is embedded (SQLite, H2, in-memory) and nothing else: the application
 * carries its database, so "CI starts no database" and "no one-command dev environment" do not
 * apply to it. False when prod declares no database or any server engine.
 */
export function prodDatabaseIsEmbedded(inventory: Inventory): boolean {
  const prod = usesOf(inventory, "database", "prod");
  return prod.length > 0 && prod.every((use) => isEmbeddedEngine(use.engine));
}

/**
 * What the audit could read on each side (docs/scoring.md, "Levels need evidence"): some file or
 * fact describes prod, and some file or fact describes another environment. Without both there is
 * nothing to compare, and silence must not pass for parity.
 */
export function readSides(inventory: Inventory): { prod: boolean; other: boolean } {
  let prod = false;
  let other = false;
  const note = (environment: Environment) => {
    if (environment === "prod") prod = true;
    else other = true;
  };
  for (const file of inventory.files) for (const environment of file.environments) note(environment);
  for (const use of inventory.uses) note(use.environment);
  return { prod, other };
}
