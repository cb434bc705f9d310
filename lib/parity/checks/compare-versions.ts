import { versionDistance } from "../catalog";
import type { Environment, FindingDraft, Inventory, ServiceKind, ServiceUse, Severity } from "../types";
import { floatingAgainstEndOfLife } from "./floating-versions";
import {
  closestDistance,
  describeUses,
  engineName,
  environmentList,
  evidenceList,
  joinWords,
  knownVersions,
  oneStepLower,
  severityByDistance,
  sortedEnvironments,
  usesOf,
} from "./shared";

const SEVERITY_RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3 };

export function worstSeverity(severities: readonly Severity[]): Severity | null {
  let worst: Severity | null = null;
  for (const severity of severities) {
    if (worst === null || SEVERITY_RANK[severity] > SEVERITY_RANK[worst]) worst = severity;
  }
  return worst;
}

export interface VersionComparison {
  findings: FindingDraft[];
  compared: number;
  /** One sentence per engine whose version could not be compared with prod's. */
  unknown: string[];
}

export interface VersionOptions {
  /**
   * Environments compared with each other when prod is silent about an engine's version (no
   * prod use, or none with a version): dev <-> CI, dev <-> dev. Defaults to `environments`.
   */
  whenProdSilent?: readonly Environment[];
  /** The audit's clock: which majors are past their end of life (floating-versions.ts). */
  now?: Date;
}

/**
 * Compares versions of one engine between the environments and prod, at the catalog's
 * granularity (the formats normalise versions). One finding per difference: the environments
 * that run the same differing version share it. Uses without a version are unpinned-image's
 * subject; emulators carry their own product's version and are skipped. When prod is silent about
 * an engine's version, the other environments are compared with each other, and a managed prod
 * service with no version pin is a finding of its own.
 */
export function compareVersions(
  inventory: Inventory,
  kind: ServiceKind,
  environments: readonly Environment[],
  options: VersionOptions = {},
): VersionComparison {
  // One pass over the inventory: the kind's uses by environment.
  const byEnvironment = new Map<Environment, ServiceUse[]>();
  // Pushed, not copied with a spread per use: that was quadratic (1.4 MB allocated per bench audit).
  for (const use of usesOf(inventory, kind)) {
    const list = byEnvironment.get(use.environment);
    if (list) list.push(use);
    else byEnvironment.set(use.environment, [use]);
  }
  const usesIn = (environment: Environment) => byEnvironment.get(environment) ?? [];
  const prod = usesIn("prod");
  const appFiles = applicationFiles(inventory);
  const silentEnvironments = options.whenProdSilent ?? environments;
  const findings: FindingDraft[] = [];
  const unknown: string[] = [];
  let compared = 0;
  const engines = new Set(prod.map((use) => use.engine));
  for (const environment of silentEnvironments) {
    for (const use of usesIn(environment)) engines.add(use.engine);
  }
  for (const engine of [...engines].sort()) {
    const prodUses = prod.filter((use) => use.engine === engine);
    const prodVersions = knownVersions(prodUses);
    if (prodVersions.length > 0) {
      const result = compareWithProd(usesIn, kind, engine, environments, prodUses, appFiles);
      findings.push(...result.findings);
      compared += result.compared;
      if (result.unread) unknown.push(result.unread);
      // Another prod definition (a platform blueprint beside a compose stack) may leave it unpinned.
      const pins = silentEnvironments.flatMap((environment) =>
        usesIn(environment).filter((use) => use.engine === engine && use.emulator === undefined),
      );
      const unpinned = managedWithoutPin(kind, prodUses, [...pins, ...prodUses.filter((use) => use.version !== null)]);
      if (unpinned) findings.push(unpinned);
      const inEnvironments = environments.flatMap((environment) =>
        usesIn(environment).filter((use) => use.engine === engine),
      );
      const floatingDrift = floatingAgainstEndOfLife(
        kind,
        engine,
        [...inEnvironments, ...prodUses],
        options.now,
        false,
      );
      if (floatingDrift) findings.push(floatingDrift);
      continue;
    }
    const others = silentEnvironments.flatMap((environment) =>
      usesIn(environment).filter((use) => use.engine === engine && use.emulator === undefined),
    );
    const drift = driftBetween(kind, engine, others);
    if (drift) findings.push(drift);
    const floatingDrift = floatingAgainstEndOfLife(kind, engine, others, options.now, true);
    if (floatingDrift) findings.push(floatingDrift);
    if (prodUses.length === 0) continue;
    const unpinned = managedWithoutPin(kind, prodUses, others);
    if (unpinned) findings.push(unpinned);
    else if (knownVersions(others).length > 0)
      unknown.push(`${engineName(kind, engine)} version in prod is not declared`);
  }
  return { findings, compared, unknown };
}

/** The files that run the application itself (ClassifiedFile.runsApp). */
export function applicationFiles(inventory: Inventory): ReadonlySet<string> {
  return new Set(inventory.files.filter((file) => file.runsApp === true).map((file) => file.path));
}

/**
 * A coarser tag covers the finer version it floats to (`rabbitmq:3` is the newest 3.x, so it may
 * well be prod's 3.13): not a difference to report (unpinned-image reports the float).
 */
export function covers(a: string, b: string): boolean {
  return a === b || b.startsWith(`${a}.`) || a.startsWith(`${b}.`);
}

/** Prod declares versions of `engine`: each environment's differing versions, grouped by version. */
function compareWithProd(
  usesIn: (environment: Environment) => ServiceUse[],
  kind: ServiceKind,
  engine: string,
  environments: readonly Environment[],
  prodUses: readonly ServiceUse[],
  appFiles: ReadonlySet<string>,
): { findings: FindingDraft[]; compared: number; unread: string | null } {
  const prodVersions = knownVersions(prodUses);
  const groups = new Map<string, { environments: Set<Environment>; uses: ServiceUse[]; severity: Severity }>();
  let compared = 0;
  let present = false;
  for (const environment of environments) {
    const all = usesIn(environment).filter((use) => use.engine === engine);
    if (all.length > 0) present = true;
    const uses = all.filter((use) => use.version !== null && use.emulator === undefined);
    if (uses.length === 0) continue;
    compared += 1;
    // A CI matrix that includes prod's version tests the others as extra coverage, not instead.
    if (environment === "ci" && uses.some((use) => prodVersions.includes(use.version ?? ""))) continue;
    for (const use of uses) {
      if (prodVersions.some((version) => covers(use.version ?? "", version))) continue;
      const severity = severityByDistance(closestDistance(use.version ?? "", prodVersions));
      if (severity === null) continue;
      const key = use.version ?? "";
      const group = groups.get(key) ?? { environments: new Set(), uses: [], severity };
      group.environments.add(environment);
      group.uses.push(use);
      groups.set(key, group);
    }
  }
  const findings: FindingDraft[] = [...groups.values()].map((group) => ({
    message: `${describeUses(group.uses)} in ${environmentList(group.environments)}, ${describeUses(prodUses)} in prod`,
    evidence: evidenceList([...group.uses, ...prodUses]),
    service: `${kind}:${engine}`,
    environments: [...group.environments, "prod" as const],
    severity: group.severity,
  }));
  const inEnvironments = environments.flatMap((environment) =>
    usesIn(environment).filter((use) => use.engine === engine),
  );
  // Runtimes: each prod Dockerfile is its own service's image, not an alternative deployment.
  if (kind !== "runtime") findings.push(...diffDeployments(kind, inEnvironments, prodUses, appFiles));
  // Prod pins a version and an environment runs the engine, but none says which version:
  // nothing shows that they match (unpinned-image reports the floating image itself).
  const unread =
    compared === 0 && present
      ? `${engineName(kind, engine)} ${prodVersions.join("/")} in prod; no other environment declares its version`
      : null;
  return { findings, compared, unread };
}

interface DeploymentGap {
  /** The prod file whose version no use of the environments covers. */
  file: string;
  prodUses: ServiceUse[];
  /** The environments' uses that match another prod deployment instead. */
  uses: ServiceUse[];
  environments: Set<Environment>;
  severity: Severity;
}

/**
 * Prod deployments that disagree (a Helm chart on PostgreSQL 17 beside a self-hosting compose
 * stack on 18): each prod file that runs its own container of the engine is a deployment of its
 * own, and an environment matching one deployment's version still differs from the other's. Only
 * the uses that match some prod version count here (the others differ from every prod version:
 * the ordinary comparison reports them). Managed resources (Terraform, platform add-ons) are no
 * deployment of their own here: one deployment may provision several databases, for several
 * services, at different versions. Nor is a prod file that does not run the application itself
 * (`appFiles`: it builds the source or runs the app's own image): a Keycloak stack on
 * PostgreSQL 13 beside the app's stack runs another product's database, not the app's. One
 * finding per differing prod file and version set.
 */
export function diffDeployments(
  kind: ServiceKind,
  uses: readonly ServiceUse[],
  prodUses: readonly ServiceUse[],
  appFiles: ReadonlySet<string>,
): FindingDraft[] {
  const prodVersions = knownVersions(prodUses);
  if (prodVersions.length < 2) return [];
  const matching = uses.filter(
    (use) =>
      use.environment !== "prod" &&
      use.version !== null &&
      use.emulator === undefined &&
      prodVersions.some((version) => covers(use.version ?? "", version)),
  );
  if (matching.length === 0) return [];
  const byFile = new Map<string, ServiceUse[]>();
  for (const use of prodUses) {
    if (use.via !== "image" || use.version === null || use.emulator !== undefined || !appFiles.has(use.file)) continue;
    byFile.set(use.file, [...(byFile.get(use.file) ?? []), use]);
  }
  const gaps = new Map<string, DeploymentGap>();
  for (const [file, deployed] of byFile) {
    const versions = knownVersions(deployed);
    for (const environment of new Set(matching.map((use) => use.environment))) {
      const own = matching.filter((use) => use.environment === environment);
      if (own.some((use) => versions.some((version) => covers(use.version ?? "", version)))) continue;
      const severity = worstSeverity(
        own
          .map((use) => severityByDistance(closestDistance(use.version ?? "", versions)))
          .filter((s): s is Severity => s !== null),
      );
      if (severity === null) continue;
      const key = `${file}\u0000${knownVersions(own).sort().join("/")}`;
      const gap = gaps.get(key) ?? { file, prodUses: deployed, uses: [], environments: new Set(), severity };
      gap.uses.push(...own);
      gap.environments.add(environment);
      gap.severity = worstSeverity([gap.severity, severity]) ?? severity;
      gaps.set(key, gap);
    }
  }
  return [...gaps.values()].map((gap) => {
    const others = prodUses.filter((use) => use.file !== gap.file && use.version !== null);
    const elsewhere = [...new Set(others.map((use) => use.file))]
      .map((file) => `${file} runs ${describeUses(others.filter((use) => use.file === file))}`)
      .join(", ");
    return {
      message:
        `${describeUses(gap.uses)} in ${environmentList(gap.environments)}, ${describeUses(gap.prodUses)} in prod ` +
        `(${gap.file}; ${elsewhere})`,
      evidence: evidenceList([...gap.uses, ...gap.prodUses]),
      service: `${kind}:${gap.prodUses[0]?.engine ?? kind}`,
      environments: sortedEnvironments([...gap.environments, "prod"]),
      severity: gap.severity,
    };
  });
}

/**
 * Prod is silent: the non-prod environments differ among themselves, with dev as the reference
 * (CI on PostgreSQL 11 while a second dev setup pins 13; one dev setup on 14, another on 15). An environment that shares a version with dev is not drifting (a CI matrix). One finding
 * per engine, one step lower than the same distance against prod; a floating image against a
 * pinned one is left to unpinned-image, which names both. Runtimes
 * are compared across environments only: one repository's version files and `engines` ranges
 * are not two dev setups.
 */
function driftBetween(kind: ServiceKind, engine: string, uses: readonly ServiceUse[]): FindingDraft | null {
  const versioned = uses.filter((use) => use.version !== null);
  const dev = versioned.filter((use) => use.environment === "dev");
  const devVersions = knownVersions(dev);
  const involved = new Set<ServiceUse>();
  let distance = 0;
  const agree = (versions: readonly string[]) => versions.every((a) => versions.every((b) => covers(a, b)));
  if (kind !== "runtime" && devVersions.length > 1 && !agree(devVersions)) {
    for (const use of dev) involved.add(use);
    for (const a of devVersions) for (const b of devVersions) distance = Math.max(distance, versionDistance(a, b) ?? 0);
  }
  for (const environment of new Set(versioned.map((use) => use.environment))) {
    if (environment === "dev" || devVersions.length === 0) continue;
    const own = versioned.filter((use) => use.environment === environment);
    const versions = knownVersions(own);
    if (versions.some((version) => devVersions.some((dev) => covers(version, dev)))) continue;
    for (const use of [...own, ...dev]) involved.add(use);
    for (const version of versions) distance = Math.max(distance, closestDistance(version, devVersions) ?? 0);
  }
  const byDistance = severityByDistance(distance);
  let severity: Severity | null = byDistance === null ? null : oneStepLower(byDistance);
  if (severity === "info") severity = null;
  // A floating image against a pin elsewhere is unpinned-image's finding ("PostgreSQL image
  // floats in ci; dev pins PostgreSQL 15"): one problem, one finding.
  if (severity === null || involved.size === 0) return null;
  const list = [...involved];
  const parts: string[] = [];
  for (const version of knownVersions(list).sort((a, b) => a.localeCompare(b, "en", { numeric: true }))) {
    const at = list.filter((use) => use.version === version);
    parts.push(`${describeUses(at)} in ${environmentList(at.map((use) => use.environment))}`);
  }
  return {
    message: `${joinWords(parts)}; prod does not say which ${engineName(kind, engine)} version it runs`,
    evidence: evidenceList(list),
    service: `${kind}:${engine}`,
    environments: sortedEnvironments(list.map((use) => use.environment)),
    severity,
  };
}

/** A reference to a value set elsewhere (`var.engine_version`, `${...}`, a link to another resource). */
const UNRESOLVED = /\b(var|local|module|data)\.|\$\{|\bfrom(Database|Service)\b/;

/**
 * A managed prod service (a platform add-on or a cloud resource) declared with no version while
 * other environments pin one: prod runs whatever major the provider gives at creation time, so
 * the pins elsewhere prove nothing about it. Low: the provider's default is usually recent.
 */
function managedWithoutPin(
  kind: ServiceKind,
  prodUses: readonly ServiceUse[],
  others: readonly ServiceUse[],
): FindingDraft | null {
  const managed = prodUses.filter(
    (use) => (use.via === "addon" || use.via === "resource") && use.version === null && !UNRESOLVED.test(use.raw),
  );
  const pinned = others.filter((use) => use.version !== null);
  if (managed.length === 0 || pinned.length === 0) return null;
  const name = engineName(kind, managed[0]?.engine ?? kind);
  const elsewhere = knownVersions(pinned)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
    .map((version) => {
      const at = pinned.filter((use) => use.version === version).map((use) => use.environment);
      return `${environmentList(at)} ${version}`;
    });
  return {
    message:
      `prod's ${name} major version is not pinned in ${joinWords([...new Set(managed.map((use) => use.file))])} ` +
      `(whatever the provider gives); elsewhere: ${joinWords(elsewhere)}`,
    evidence: evidenceList([...managed, ...pinned]),
    service: `${kind}:${managed[0]?.engine ?? kind}`,
    environments: sortedEnvironments(["prod", ...pinned.map((use) => use.environment)]),
    severity: "low",
  };
}

/** A finding when some of `uses` (one environment's, one engine) differ from every prod version. */
export function diffVersions(
  kind: ServiceKind,
  environment: Environment,
  uses: readonly ServiceUse[],
  prodUses: readonly ServiceUse[],
): FindingDraft | null {
  const prodVersions = knownVersions(prodUses);
  const differing: ServiceUse[] = [];
  const severities: Severity[] = [];
  for (const use of uses) {
    if (use.version === null || use.emulator !== undefined) continue;
    const severity = severityByDistance(closestDistance(use.version, prodVersions));
    if (severity === null) continue;
    differing.push(use);
    severities.push(severity);
  }
  const severity = worstSeverity(severities);
  if (severity === null) return null;
  return {
    message: `${describeUses(differing)} in ${environment}, ${describeUses(prodUses)} in prod`,
    evidence: evidenceList([...differing, ...prodUses]),
    service: `${kind}:${prodUses[0]?.engine ?? kind}`,
    environments: [environment, "prod"],
    severity,
  };
}
