import type { Finding, ParityConfig, Suppression } from "./types";

/** `redis` matches `cache:redis`; `cache` matches `cache:redis`; `cache:redis` matches itself. */
function serviceMatches(wanted: string, actual: string | undefined): boolean {
  if (!actual) return false;
  const want = wanted.toLowerCase();
  const have = actual.toLowerCase();
  return want === have || have.split(":").includes(want);
}

export function suppressionFor(finding: Finding, config: ParityConfig): Suppression | undefined {
  return config.suppress.find((entry) => {
    if (entry.check !== finding.check && entry.check !== "*") return false;
    if (entry.fingerprint && entry.fingerprint !== finding.fingerprint) return false;
    if (entry.service && !serviceMatches(entry.service, finding.service)) return false;
    if (entry.environment && !(finding.environments ?? []).includes(entry.environment)) return false;
    return true;
  });
}

/** Marks suppressed findings; they stay in the report with their reason, never hidden. */
export function applySuppressions(findings: Finding[], config: ParityConfig): Finding[] {
  return findings.map((finding) => {
    const suppression = suppressionFor(finding, config);
    if (!suppression) return finding;
    return { ...finding, suppressed: true, suppressionReason: suppression.reason };
  });
}
