import { ALL_CHECKS } from "../checks/index";
import { FINDING_PENALTY } from "../checks/shared";
import type { Check, CheckResult, Finding, Gap, Level, Report, Severity } from "../types";
import { GAPS, LEVELS } from "../types";

/**
 * The only place findings become numbers and levels (docs/scoring.md, docs/parity-model.md §4).
 */

/** A check's weight inside its gap, by its default severity. Info checks are shown, not scored. */
export const SEVERITY_WEIGHT = { high: 7.5, medium: 5, low: 2.5, info: 0 } as const satisfies Record<Severity, number>;

/** A gap's weight in the overall score. */
export const GAP_WEIGHT = { tools: 0.5, time: 0.25, personnel: 0.25 } as const satisfies Record<Gap, number>;

/** What the ladder needs of a check: its level and the words to say what is missing. */
export type LevelCheck = Pick<Check, "id" | "level" | "title">;

/**
 * What the audit could read on each side (`readSides` in lib/parity/checks/shared.ts): some file
 * or fact describes prod, and some describes another environment. Absent: both were read.
 */
export interface ReadSides {
  prod: boolean;
  other: boolean;
}

/** What the scorecard says when one side could not be read at all. */
export function nothingToCompare(sides: ReadSides): string | null {
  if (sides.prod && sides.other) return null;
  const missing =
    !sides.prod && !sides.other
      ? "no file describes any environment"
      : !sides.prod
        ? "no file describes production"
        : "no file describes dev, test or CI";
  return `Something to compare (nothing to compare could be read: ${missing})`;
}

export interface ScoreResult {
  scores: Report["scores"];
  level: Level | null;
  nextLevel: Report["nextLevel"];
}

/**
 * Suppressed findings never lower a score (§4). A failed check whose findings are all suppressed
 * (or info) passes with 10; one with some suppressed gets back their points: its score becomes the
 * higher of its own and 10 minus the penalties of the findings still active. Checks without
 * findings (a metric-based score) are left as they are.
 */
export function adjustForSuppressions(checks: readonly CheckResult[], findings: readonly Finding[]): CheckResult[] {
  return checks.map((check) => {
    if (check.status !== "fail") return check;
    const own = findings.filter((finding) => finding.check === check.id);
    const suppressed = own.filter((finding) => finding.suppressed);
    if (suppressed.length === 0) return check;
    const active = own.filter((finding) => !finding.suppressed);
    const penalty = active.reduce((sum, finding) => sum + FINDING_PENALTY[finding.severity], 0);
    const note = `${check.summary} (${suppressed.length} suppressed)`;
    if (penalty === 0) return { ...check, status: "pass", score: 10, summary: note };
    return { ...check, score: Math.max(check.score ?? 0, 10 - penalty), summary: note };
  });
}

function isKnown(check: CheckResult): check is CheckResult & { score: number } {
  return (check.status === "pass" || check.status === "fail") && typeof check.score === "number";
}

/**
 * In the tools gap an `unknown` check (prod's database with no counterpart read, a version prod
 * does not declare) counts half: nothing was proven either way, so a repository whose files
 * could only partly be read never reaches 100. Time and personnel checks are unknown as a whole
 * without history, so there unknown leaves the denominator.
 */
const UNKNOWN_TOOLS_SCORE = 5;

/** Severity-weighted mean of a gap's known checks on 0-100, unrounded; null when none is known. */
export function gapScore(checks: readonly CheckResult[], gap: Gap): number | null {
  let weighted = 0;
  let weights = 0;
  let known = false;
  for (const check of checks) {
    if (check.gap !== gap) continue;
    const weight = SEVERITY_WEIGHT[check.severity];
    if (isKnown(check)) {
      known = true;
      weighted += weight * Math.min(10, Math.max(0, check.score));
      weights += weight;
    } else if (gap === "tools" && check.status === "unknown") {
      weighted += weight * UNKNOWN_TOOLS_SCORE;
      weights += weight;
    }
  }
  return !known || weights === 0 ? null : (weighted / weights) * 10;
}

/** Weighted mean of the known gaps; unknown gaps leave the denominator. */
export function overallScore(gaps: Record<Gap, number | null>): number | null {
  let weighted = 0;
  let weights = 0;
  for (const gap of GAPS) {
    const score = gaps[gap];
    if (score === null) continue;
    weighted += GAP_WEIGHT[gap] * score;
    weights += GAP_WEIGHT[gap];
  }
  return weights === 0 ? null : weighted / weights;
}

function round(score: number | null): number | null {
  return score === null ? null : Math.round(score);
}

/** Not applicable passes (nothing to fix); unknown does not (nothing proven); absent is unknown. */
function passes(result: CheckResult | undefined): boolean {
  return result !== undefined && (result.status === "pass" || result.status === "not-applicable");
}

/** One plain sentence for a requirement that is not met. */
function need(check: LevelCheck, result: CheckResult | undefined): string {
  if (result === undefined) return `${check.title} (not measured)`;
  if (result.status === "unknown") return `${check.title} (not measured yet: ${result.summary})`;
  // A summary that already names the check ("No one-command dev environment, while…") says it alone.
  if (result.summary.toLowerCase().includes(check.title.toLowerCase())) return upperFirst(result.summary);
  return `${check.title} (now: ${result.summary})`;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The ladder: a level needs every check of that level and the levels below to pass. Returns the
 * highest level reached and, item by item, what the next one still needs.
 */
export function levelOf(
  checks: readonly CheckResult[],
  catalog: readonly LevelCheck[] = ALL_CHECKS,
): Pick<ScoreResult, "level" | "nextLevel"> {
  const byId = new Map(checks.map((check) => [check.id, check]));
  let level: Level | null = null;
  for (const [index, candidate] of LEVELS.entries()) {
    const required = catalog.filter((check) => check.level !== null && LEVELS.indexOf(check.level) <= index);
    const missing = required.filter((check) => !passes(byId.get(check.id)));
    if (missing.length > 0) {
      return { level, nextLevel: { level: candidate, needs: missing.map((check) => need(check, byId.get(check.id))) } };
    }
    level = candidate;
  }
  return { level, nextLevel: null };
}

/**
 * Scores, level and next level of an audit (the contract in lib/parity/audit/audit-core.ts). A level
 * needs evidence: when nothing describes prod, or nothing describes any other environment, the
 * tools checks pass or do not apply through silence, so the tools score is null (not 100) and no
 * level is reached; the next level names what is missing.
 */
export function scoreReport(
  checks: CheckResult[],
  findings: Finding[],
  catalog: readonly LevelCheck[] = ALL_CHECKS,
  sides: ReadSides = { prod: true, other: true },
): ScoreResult {
  const adjusted = adjustForSuppressions(checks, findings);
  const missing = nothingToCompare(sides);
  const gaps = {
    tools: missing ? null : gapScore(adjusted, "tools"),
    time: gapScore(adjusted, "time"),
    personnel: gapScore(adjusted, "personnel"),
  };
  return {
    scores: {
      overall: round(overallScore(gaps)),
      tools: round(gaps.tools),
      time: round(gaps.time),
      personnel: round(gaps.personnel),
    },
    ...(missing ? { level: null, nextLevel: { level: LEVELS[0], needs: [missing] } } : levelOf(adjusted, catalog)),
  };
}
