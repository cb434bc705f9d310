import type { CheckMeta } from "./check-meta";
import { PARSE_ERROR_CHECK } from "./check-meta";
import { fingerprint } from "./fingerprint";
import { scrub } from "./scrub";
import type { CheckResult, Environment, Evidence, Finding, FindingDraft, Inventory, Severity } from "./types";
import { ENVIRONMENTS, SEVERITIES } from "./types";

function isEnvironment(value: unknown): value is Environment {
  return typeof value === "string" && (ENVIRONMENTS as readonly string[]).includes(value);
}

function sortedEnvironments(values: readonly unknown[] | undefined): Environment[] {
  const set = new Set((values ?? []).filter(isEnvironment));
  return ENVIRONMENTS.filter((environment) => set.has(environment));
}

function cleanEvidence(evidence: readonly Evidence[] | undefined): Evidence[] {
  return (Array.isArray(evidence) ? evidence : [])
    .filter((item) => typeof item === "object" && item !== null && typeof item.file === "string")
    .map((item) => ({
      environment: isEnvironment(item.environment) ? item.environment : null,
      file: item.file,
      line: typeof item.line === "number" && item.line >= 1 ? Math.floor(item.line) : 1,
      value: scrub(typeof item.value === "string" ? item.value : ""),
    }));
}

/** A check's draft with the engine's share: fingerprint, gap, title, cleaned text. */
export function toFinding(check: CheckMeta, draft: FindingDraft): Finding {
  const environments = sortedEnvironments(draft.environments);
  const severity: Severity =
    draft.severity && (SEVERITIES as readonly string[]).includes(draft.severity) ? draft.severity : check.severity;
  const finding: Finding = {
    fingerprint: fingerprint({ check: check.id, service: draft.service, environments }),
    check: check.id,
    gap: check.gap,
    severity,
    title: check.title,
    message: scrub(typeof draft.message === "string" ? draft.message : check.title),
    evidence: cleanEvidence(draft.evidence),
    suppressed: false,
    environments,
  };
  if (typeof draft.service === "string" && draft.service !== "") finding.service = draft.service;
  return finding;
}

/**
 * Unreadable files as findings of the engine's `parse-error` check: one finding per file and
 * kind of problem (a file with three syntax errors is one blind spot, with three lines).
 */
export function problemFindings(problems: Inventory["problems"], files: Inventory["files"]): Finding[] {
  const groups = new Map<string, Inventory["problems"]>();
  for (const problem of problems) {
    const key = `${problem.type}\u0000${problem.file}`;
    groups.set(key, [...(groups.get(key) ?? []), problem]);
  }
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    const environments = sortedEnvironments(
      files.filter((file) => file.path === first.file).flatMap((f) => f.environments),
    );
    const skipped = first.type === "skipped";
    const more = group.length > 1 ? ` (and ${group.length - 1} more)` : "";
    findings.push({
      fingerprint: fingerprint({
        check: PARSE_ERROR_CHECK.id,
        environments: [],
        subject: `${first.type}:${first.file}`,
      }),
      check: PARSE_ERROR_CHECK.id,
      gap: PARSE_ERROR_CHECK.gap,
      severity: skipped ? "info" : PARSE_ERROR_CHECK.severity,
      title: skipped ? "A file was skipped" : PARSE_ERROR_CHECK.title,
      message: `${first.file}: ${first.message}${more}`,
      evidence: group.map((problem) => ({
        environment: environments[0] ?? null,
        file: problem.file,
        line: problem.line,
        value: problem.message,
      })),
      suppressed: false,
      environments,
    });
  }
  return findings;
}

export function parseErrorResult(findings: readonly Finding[]): CheckResult {
  const failing = new Set(
    findings.filter((f) => f.check === PARSE_ERROR_CHECK.id && f.severity !== "info").map((f) => f.evidence[0]?.file),
  );
  const skipped = findings.filter((f) => f.check === PARSE_ERROR_CHECK.id && f.severity === "info").length;
  const skippedNote = skipped > 0 ? `; ${skipped} skipped` : "";
  const base = { id: PARSE_ERROR_CHECK.id, gap: PARSE_ERROR_CHECK.gap, severity: PARSE_ERROR_CHECK.severity };
  // Readable files earn nothing (not-applicable): parse errors can only lower a score.
  if (failing.size === 0)
    return { ...base, status: "not-applicable", score: null, summary: `every file was read${skippedNote}` };
  const noun = failing.size === 1 ? "file" : "files";
  return {
    ...base,
    status: "fail",
    score: Math.max(0, 10 - 2 * failing.size),
    summary: `${failing.size} ${noun} could not be read${skippedNote}`,
  };
}

/**
 * Two findings must not share a fingerprint (stores key on it). A clash means a check reported
 * the same service and environments twice: the later ones take their evidence files (never
 * lines) into the hash, then an ordinal as the last resort.
 */
export function uniqueFingerprints(findings: Finding[]): Finding[] {
  const used = new Set<string>();
  return findings.map((finding) => {
    if (!used.has(finding.fingerprint)) {
      used.add(finding.fingerprint);
      return finding;
    }
    const files = [...new Set(finding.evidence.map((item) => item.file))].sort().join(",");
    const base = {
      check: finding.check,
      service: finding.service,
      environments: finding.environments ?? [],
      subject: `${files}\u0000${finding.message}`,
    };
    let candidate = fingerprint(base);
    for (let ordinal = 2; used.has(candidate); ordinal++) {
      candidate = fingerprint({ ...base, subject: `${base.subject}\u0000${ordinal}` });
    }
    used.add(candidate);
    return { ...finding, fingerprint: candidate };
  });
}
