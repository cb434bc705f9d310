import type { Environment, FindingDraft, Inventory, ServiceKind, ServiceUse, Severity } from "../types";
import {
  closestDistance,
  describeUses,
  engineName,
  evidenceList,
  knownVersions,
  severityByDistance,
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
  /** One sentence per engine whose prod version is not declared while another environment's is. */
  unknown: string[];
}

/**
 * Compares versions of the same engine between each environment and prod, at the catalog's
 * granularity (versions are already normalized by the formats). Uses without a version are left
 * to unpinned-image; emulators carry their own product's version and are skipped.
 */
export function compareVersions(
  inventory: Inventory,
  kind: ServiceKind,
  environments: readonly Environment[],
): VersionComparison {
  const prod = usesOf(inventory, kind, "prod");
  const findings: FindingDraft[] = [];
  const unknown: string[] = [];
  let compared = 0;
  for (const engine of [...new Set(prod.map((use) => use.engine))].sort()) {
    const prodUses = prod.filter((use) => use.engine === engine);
    const prodVersions = knownVersions(prodUses);
    for (const environment of environments) {
      const uses = usesOf(inventory, kind, environment).filter(
        (use) => use.engine === engine && use.version !== null && use.emulator === undefined,
      );
      if (uses.length === 0) continue;
      if (prodVersions.length === 0) {
        const sentence = `${engineName(kind, engine)} version in prod is not declared`;
        if (!unknown.includes(sentence)) unknown.push(sentence);
        continue;
      }
      compared += 1;
      // A CI matrix that includes prod's version tests the others as extra coverage, not instead.
      if (environment === "ci" && uses.some((use) => prodVersions.includes(use.version ?? ""))) continue;
      const finding = diffVersions(kind, environment, uses, prodUses);
      if (finding) findings.push(finding);
    }
  }
  return { findings, compared, unknown };
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
