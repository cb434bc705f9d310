import { compareRuntimeVersions } from "../formats/runtime-versions/roles";
import type { FindingDraft, ServiceUse } from "../types";
import {
  closestDistance,
  describeUses,
  environmentList,
  evidenceList,
  knownVersions,
  sortedEnvironments,
} from "./shared";

/**
 * Documentation (README, CONTRIBUTING, install guides) telling readers to install a runtime version
 * older than every version the project runs anywhere (README's "Node.js 18.18+" while the
 * Dockerfile and CI run Node 22; CONTRIBUTING's "Ruby 3.2.2" beside a `.ruby-version` of 3.4.6):
 * nothing tests what the docs name, so a reader who follows them sets up a runtime the project no
 * longer runs. Only when prod declares the runtime's version, and only for runtimes without a
 * minimum the project's own files state (go.mod, `engines`, composer.json): docs that agree with
 * such a floor describe what the project supports, and docs below it are reported against it.
 * One finding per documentation file and runtime; medium when a major (minor for runtimes that
 * change by minor) or more behind, low when closer.
 */
export function staleDocumentation(
  documented: readonly ServiceUse[],
  running: readonly ServiceUse[],
  minimums: readonly ServiceUse[],
): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const groups = new Map<string, ServiceUse[]>();
  for (const use of documented) {
    if (use.version === null || minimums.some((minimum) => minimum.engine === use.engine)) continue;
    const key = `${use.file}\u0000${use.engine}`;
    groups.set(key, [...(groups.get(key) ?? []), use]);
  }
  for (const docs of groups.values()) {
    const first = docs[0] as ServiceUse;
    const runs = running.filter(
      (use) => use.kind === "runtime" && use.engine === first.engine && use.version !== null && !use.emulator,
    );
    if (!runs.some((use) => use.environment === "prod")) continue;
    const versions = knownVersions(runs);
    const stale = docs.filter((use) =>
      versions.every((version) => compareRuntimeVersions(use.version ?? "", version) < 0),
    );
    if (stale.length === 0) continue;
    const distance = Math.min(...stale.map((use) => closestDistance(use.version ?? "", versions) ?? 0));
    const environments = sortedEnvironments(runs.map((use) => use.environment));
    findings.push({
      message:
        `${first.file} tells readers to install ${describeUses(stale)}, older than every version the project runs ` +
        `(${environmentList(environments)} ${environments.length > 1 ? "run" : "runs"} ${describeUses(runs)})`,
      evidence: evidenceList([...stale, ...runs]),
      service: `runtime:${first.engine}`,
      environments,
      severity: distance >= 1 ? "medium" : "low",
    });
  }
  return findings;
}
