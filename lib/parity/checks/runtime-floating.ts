import type { Environment, FindingDraft, ServiceUse } from "../types";
import { describeUses, engineName, environmentList, evidenceList, knownVersions, sortedEnvironments } from "./shared";

/**
 * A runtime an environment sets up with no version at all: a version file naming a moving target
 * (`.nvmrc` `lts/*`, `.tool-versions` `nodejs latest`) or a dev container feature with its
 * default (`ghcr.io/devcontainers/features/node:1` with no `version` installs the LTS current when
 * the container is built). Images are left to unpinned-image.
 */
export function isFloatingSetup(use: ServiceUse): boolean {
  return (
    use.kind === "runtime" &&
    use.version === null &&
    use.pinned === false &&
    (use.via === "feature" || use.via === "version-file")
  );
}

/**
 * One environment installs whatever version of the runtime is newest when it is set up, while
 * prod pins one: today's setup may already run another major than prod (low: it may also match).
 */
export function floatingAgainstProd(
  environment: Environment,
  floating: readonly ServiceUse[],
  prod: readonly ServiceUse[],
): FindingDraft {
  const first = floating[0] as ServiceUse;
  const label = engineName("runtime", first.engine);
  return {
    message:
      `${label} in ${environment} names no version (${first.raw}): it gets whatever release is newest when set up, ` +
      `while prod pins ${describeUses(prod)}`,
    evidence: evidenceList([...floating, ...prod]),
    service: `runtime:${first.engine}`,
    environments: [environment, "prod"],
    severity: "low",
  };
}

/**
 * The image's tag gives only the major of a runtime versioned by minor (`oven/bun:1`, `python:3-slim`):
 * each build takes the newest minor of that major. Null when the use is not such an image.
 */
export function partialMajor(use: ServiceUse): number | null {
  if (use.via !== "image" || use.version !== null) return null;
  const tail = (use.raw.split("->").pop() ?? "").trim();
  const words = tail.split(/\s+/).filter((word) => word.toUpperCase() !== "FROM" && !word.startsWith("--"));
  if (words.length >= 3 && words[words.length - 2]?.toUpperCase() === "AS") words.splice(-2);
  const image = words.pop() ?? "";
  if (image.includes("@") || image.includes("$")) return null;
  const name = image.slice(image.lastIndexOf("/") + 1);
  const tag = name.includes(":") ? name.slice(name.indexOf(":") + 1) : "";
  const major = /^v?(\d+)(?:[-_][a-z]|$)/i.exec(tag)?.[1];
  return major === undefined ? null : Number(major);
}

/**
 * Prod's runtime image names only a major (`oven/bun:1`) where the runtime changes by minor, and no
 * prod file pins the version, while another environment pins one (`bun-version: 1.3.12` in CI): the
 * image takes the newest 1.x each build, so what CI tested is not what ships. Low when the pinned
 * version is in that major (the image may also match), medium when it is another major.
 */
export function partialProdVersions(uses: readonly ServiceUse[]): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const runtimes = uses.filter((use) => use.kind === "runtime");
  const prod = runtimes.filter((use) => use.environment === "prod");
  for (const engine of [...new Set(prod.map((use) => use.engine))].sort()) {
    const prodUses = prod.filter((use) => use.engine === engine);
    if (knownVersions(prodUses).length > 0) continue;
    const partial = prodUses.filter((use) => partialMajor(use) !== null);
    if (partial.length === 0) continue;
    const majors = [...new Set(partial.map((use) => partialMajor(use) as number))];
    const pinned = runtimes.filter(
      (use) =>
        use.environment !== "prod" && use.engine === engine && use.version !== null && use.emulator === undefined,
    );
    if (pinned.length === 0) continue;
    const otherMajor = pinned.some((use) => !majors.includes(Number((use.version ?? "").split(".")[0])));
    const label = engineName("runtime", engine);
    const written = majors.map((major) => `${label} ${major} (any ${major}.x)`).join(", ");
    const environments = sortedEnvironments(pinned.map((use) => use.environment));
    findings.push({
      message:
        `${written} in prod: each image build takes the newest release of that major, ` +
        `while ${environmentList(environments)} ${environments.length > 1 ? "pin" : "pins"} ${describeUses(pinned)}`,
      evidence: evidenceList([...partial, ...pinned]),
      service: `runtime:${engine}`,
      environments: sortedEnvironments([...environments, "prod"]),
      severity: otherMajor ? "medium" : "low",
    });
  }
  return findings;
}
