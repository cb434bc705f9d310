/**
 * Every plan is proven before it is offered (issue 17 item 2): applied in memory to the snapshot,
 * the same audit runs again, and the plan stands only when its finding is gone, no new finding
 * appears, and applying it a second time changes nothing.
 */
import { audit } from "../audit/index";
import type { Finding, ParityConfig, Report, RepoSnapshot } from "../types";
import { applyEdits, dedupeEdits, StaleEditError } from "./edits";
import { planFor } from "./registry";
import type { FixPlan, NoPlan, TextEdit } from "./types";

export interface FixOptions {
  /** Only these findings (the CLI's --check, --finding); default every unsuppressed finding. */
  select?: (finding: Finding) => boolean;
  /** The audit of `snapshot` when the caller already has it (same config and clock). */
  report?: Report;
}

export interface FixOutcome {
  /** The audit the plans were made from. */
  report: Report;
  /** Verified plans, in the report's finding order. */
  fixes: FixPlan[];
  /** Findings with no plan, or whose plan failed verification, with the reason. */
  unfixed: NoPlan[];
  /** Each verified plan's scores after it is applied alone, by fingerprint (the PR body's "after"). */
  scoresAfter: ReadonlyMap<string, Report["scores"]>;
}

/** The snapshot with `edits` applied; a file the edits create joins its paths. */
export function applyToSnapshot(snapshot: RepoSnapshot, edits: readonly TextEdit[]): RepoSnapshot {
  const files = applyEdits(snapshot.files, edits);
  const known = new Set(snapshot.paths);
  const created = [...files.keys()].filter((path) => !known.has(path));
  return { ...snapshot, files, paths: created.length > 0 ? [...snapshot.paths, ...created] : snapshot.paths };
}

function sameFiles(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [path, content] of a) if (b.get(path) !== content) return false;
  return true;
}

/**
 * The audit after the plan when it holds, or why it cannot be offered (`before` is the audit it
 * was made from).
 */
export function proof(
  snapshot: RepoSnapshot,
  config: ParityConfig | null,
  now: Date,
  before: Report,
  plan: FixPlan,
): { after: Report } | { reason: string } {
  let fixed: RepoSnapshot;
  try {
    fixed = applyToSnapshot(snapshot, plan.edits);
  } catch (error) {
    if (error instanceof StaleEditError) return { reason: `the edits do not apply: ${error.message}` };
    throw error;
  }
  if (!sameFiles(applyEdits(fixed.files, plan.edits), fixed.files))
    return { reason: "applying the change twice changes the files again" };
  const after = audit(fixed, config, now);
  if (after.findings.some((finding) => finding.fingerprint === plan.fingerprint && !finding.suppressed)) {
    return { reason: "the audit still reports the finding after the change" };
  }
  const known = new Set(before.findings.map((finding) => finding.fingerprint));
  const added = after.findings.find((finding) => !finding.suppressed && !known.has(finding.fingerprint));
  if (added) return { reason: `the change brings a new finding (${added.check}: ${added.message})` };
  return { after };
}

/** Why a plan cannot be offered, or null when it holds. */
export function disproof(
  snapshot: RepoSnapshot,
  config: ParityConfig | null,
  now: Date,
  before: Report,
  plan: FixPlan,
): string | null {
  const outcome = proof(snapshot, config, now, before, plan);
  return "reason" in outcome ? outcome.reason : null;
}

/** Plans every selected finding and keeps the plans the second audit proves. */
export function fixFindings(
  snapshot: RepoSnapshot,
  config: ParityConfig | null,
  now: Date,
  options: FixOptions = {},
): FixOutcome {
  const report = options.report ?? audit(snapshot, config, now);
  const select = options.select ?? (() => true);
  const fixes: FixPlan[] = [];
  const unfixed: NoPlan[] = [];
  const scoresAfter = new Map<string, Report["scores"]>();
  for (const finding of report.findings) {
    if (finding.suppressed || !select(finding)) continue;
    const plan = planFor(finding, report, snapshot.files);
    if ("reason" in plan) {
      unfixed.push(plan);
      continue;
    }
    const outcome = proof(snapshot, config, now, report, plan);
    if ("after" in outcome) {
      fixes.push(plan);
      scoresAfter.set(plan.fingerprint, outcome.after.scores);
    } else {
      unfixed.push({ fingerprint: plan.fingerprint, check: plan.check, reason: `not offered: ${outcome.reason}` });
    }
  }
  return { report, fixes, unfixed, scoresAfter };
}

/**
 * The edits of several plans as one set (offsets are all against the original files): identical
 * edits once, and a plan whose edits overlap an earlier plan's differently is left out.
 */
export function combinePlans(plans: readonly FixPlan[]): { edits: TextEdit[]; skipped: FixPlan[] } {
  const edits: TextEdit[] = [];
  const skipped: FixPlan[] = [];
  for (const plan of plans) {
    const clash = plan.edits.some((edit) =>
      edits.some(
        (other) =>
          other.file === edit.file &&
          other.start < edit.end + (edit.start === edit.end ? 1 : 0) &&
          edit.start < other.end + (other.start === other.end ? 1 : 0) &&
          !(other.start === edit.start && other.end === edit.end && other.after === edit.after),
      ),
    );
    if (clash) skipped.push(plan);
    else edits.push(...plan.edits);
  }
  return { edits: dedupeEdits(edits), skipped };
}

/**
 * The audit after several plans together, and any finding the set brings that no plan brought
 * alone (two proven plans can still meet: the CLI warns, the measurement counts them).
 */
export function auditCombined(
  snapshot: RepoSnapshot,
  config: ParityConfig | null,
  now: Date,
  before: Report,
  edits: readonly TextEdit[],
): { report: Report; added: Finding[] } {
  const report = audit(applyToSnapshot(snapshot, edits), config, now);
  const known = new Set(before.findings.map((finding) => finding.fingerprint));
  return { report, added: report.findings.filter((finding) => !finding.suppressed && !known.has(finding.fingerprint)) };
}
