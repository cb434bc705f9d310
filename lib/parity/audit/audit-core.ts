import { type CheckMeta, PARSE_ERROR_CHECK, toCheckMeta } from "../check-meta";
import { readSides } from "../checks/shared";
import { CONFIG_PATHS, defaultConfig, parseConfig } from "../config/index";
import { parseErrorResult, problemFindings, toFinding, uniqueFingerprints } from "../findings";
import { buildInventory } from "../inventory/build";
import { prepareContent } from "../inventory/prepare";
import { scrubMessage } from "../scrub";
import { applySuppressions } from "../suppress";
import type {
  Check,
  CheckInput,
  CheckOutcome,
  CheckResult,
  Finding,
  Format,
  Inventory,
  ParityConfig,
  Report,
  RepoSnapshot,
} from "../types";
import { SEVERITIES } from "../types";
import { ENGINE_VERSION } from "../version";

/** The score module's contract (lib/parity/audit/score.ts). */
export type ScoreFn = (
  checks: CheckResult[],
  findings: Finding[],
  /** What could be read on each side (levels need evidence, docs/scoring.md). */
  sides: { prod: boolean; other: boolean },
) => Pick<Report, "scores" | "level" | "nextLevel">;

export interface AuditDeps {
  formats: readonly Format[];
  checks: readonly Check[];
  score: ScoreFn;
}

/** Reads `.parity.yml` from the snapshot; its problems are reported like any file's. */
export function configFromSnapshot(snapshot: RepoSnapshot): { config: ParityConfig; problems: Inventory["problems"] } {
  const path = CONFIG_PATHS.find((candidate) => snapshot.files.has(candidate));
  const raw = path ? snapshot.files.get(path) : undefined;
  if (!path || raw === undefined) return { config: defaultConfig(), problems: [] };
  const prepared = prepareContent(raw);
  if (!prepared.ok) {
    return {
      config: defaultConfig(),
      problems: [{ file: path, type: "skipped", line: 1, message: `skipped: ${prepared.reason}` }],
    };
  }
  const parsed = parseConfig(prepared.content);
  return {
    config: parsed.config,
    problems: parsed.problems.map((problem) => ({
      file: path,
      type: "parse-error",
      line: problem.line,
      message: scrubMessage(problem.message),
    })),
  };
}

function clampScore(score: unknown): number | null {
  if (typeof score !== "number" || !Number.isFinite(score)) return null;
  return Math.min(10, Math.max(0, score));
}

/** Runs one check; a check that throws is `unknown`, never the end of the audit. */
function runCheck(check: Check, input: CheckInput): { result: CheckResult; outcome: CheckOutcome | null } {
  const base = { id: check.id, gap: check.gap, severity: check.severity };
  try {
    const outcome = check.run(input);
    const status = outcome.status;
    const known = status === "pass" || status === "fail";
    return {
      result: {
        ...base,
        status,
        score: known ? clampScore(outcome.score) : null,
        summary: scrubMessage(String(outcome.summary ?? "")),
      },
      outcome,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      result: { ...base, status: "unknown", score: null, summary: `check failed to run: ${scrubMessage(reason)}` },
      outcome: null,
    };
  }
}

function sortFindings(findings: Finding[], order: readonly string[]): Finding[] {
  const rank = (finding: Finding) => (order.indexOf(finding.check) + order.length + 1) % (order.length + 1);
  return [...findings].sort(
    (a, b) =>
      Number(a.suppressed) - Number(b.suppressed) ||
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      rank(a) - rank(b) ||
      a.fingerprint.localeCompare(b.fingerprint),
  );
}

/**
 * The audit with its dependencies passed in (audit.ts wires the registries). Pure and total:
 * whatever the snapshot holds, it returns a Report.
 */
export function runAudit(snapshot: RepoSnapshot, config: ParityConfig | null, now: Date, deps: AuditDeps): Report {
  const fromSnapshot = config ? { config, problems: [] } : configFromSnapshot(snapshot);
  const effective = fromSnapshot.config;
  const inventory = buildInventory(snapshot, effective, deps.formats);
  inventory.problems = [...fromSnapshot.problems, ...inventory.problems];

  const input: CheckInput = { inventory, config: effective, history: snapshot.history ?? null, now };
  const results: CheckResult[] = [];
  let findings: Finding[] = [];
  const metrics: Report["metrics"] = {};
  for (const check of deps.checks) {
    const { result, outcome } = runCheck(check, input);
    results.push(result);
    if (!outcome) continue;
    const meta: CheckMeta = toCheckMeta(check);
    const drafts = Array.isArray(outcome.findings) ? outcome.findings : [];
    findings.push(...drafts.map((draft) => toFinding(meta, draft)));
    for (const [key, value] of Object.entries(outcome.metrics ?? {})) {
      metrics[key] = typeof value === "string" ? scrubMessage(value) : typeof value === "number" ? value : null;
    }
  }
  const parseFindings = problemFindings(inventory.problems, inventory.files);
  findings.push(...parseFindings);
  results.push(parseErrorResult(parseFindings));

  findings = uniqueFingerprints(applySuppressions(findings, effective));
  findings = sortFindings(findings, [...deps.checks.map((check) => check.id), PARSE_ERROR_CHECK.id]);
  const { scores, level, nextLevel } = deps.score(results, findings, readSides(inventory));

  return {
    schemaVersion: 1,
    engineVersion: ENGINE_VERSION,
    repository: snapshot.repository,
    commit: snapshot.commit,
    auditedAt: now.toISOString(),
    scores,
    level,
    nextLevel,
    checks: results,
    findings,
    inventory: inventory.uses,
    files: inventory.files,
    metrics,
  };
}
