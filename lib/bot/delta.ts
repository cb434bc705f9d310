import { buildMatrix } from "../parity/audit/index";
import type { Evidence, Finding, Level, Report, Severity } from "../parity/types";

/**
 * What a pull request changes about parity: findings new in head and resolved from base (matched
 * by fingerprint, so moved lines are not "new"), scores and level before and after, and the
 * service-matrix cells that differ. Pure: two reports in, a plain JSON-able value out.
 */

export interface DeltaFinding {
  fingerprint: string;
  check: string;
  severity: Severity;
  title: string;
  message: string;
  evidence: Evidence[];
}

export interface MatrixChange {
  service: string;
  environment: string;
  before: string;
  after: string;
}

export interface Scores {
  overall: number | null;
  tools: number | null;
  time: number | null;
  personnel: number | null;
}

export interface PrDelta {
  newFindings: DeltaFinding[];
  resolvedFindings: DeltaFinding[];
  scoresBefore: Scores;
  scoresAfter: Scores;
  levelBefore: Level | null;
  levelAfter: Level | null;
  matrixChanges: MatrixChange[];
}

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

function open(report: Report): Map<string, Finding> {
  const map = new Map<string, Finding>();
  for (const finding of report.findings) if (!finding.suppressed) map.set(finding.fingerprint, finding);
  return map;
}

function slim(finding: Finding): DeltaFinding {
  return {
    fingerprint: finding.fingerprint,
    check: finding.check,
    severity: finding.severity,
    title: finding.title,
    message: finding.message,
    evidence: finding.evidence,
  };
}

function bySeverity(a: DeltaFinding, b: DeltaFinding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.title.localeCompare(b.title);
}

/** Cells keyed `service|environment`, so environments present on one side only still compare. */
function cells(report: Report): Map<string, string> {
  const matrix = buildMatrix(report);
  const out = new Map<string, string>();
  for (const row of matrix.rows) {
    for (const [i, environment] of matrix.environments.entries()) {
      out.set(`${row.label}|${environment}`, row.cells[i] ?? "—");
    }
  }
  return out;
}

export function matrixChanges(base: Report, head: Report): MatrixChange[] {
  const before = cells(base);
  const after = cells(head);
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes: MatrixChange[] = [];
  for (const key of keys) {
    const was = before.get(key) ?? "—";
    const now = after.get(key) ?? "—";
    if (was === now) continue;
    const [service = "", environment = ""] = key.split("|");
    changes.push({ service, environment, before: was, after: now });
  }
  return changes;
}

export function computeDelta(base: Report, head: Report): PrDelta {
  const baseOpen = open(base);
  const headOpen = open(head);
  return {
    newFindings: [...headOpen.values()]
      .filter((f) => !baseOpen.has(f.fingerprint))
      .map(slim)
      .sort(bySeverity),
    resolvedFindings: [...baseOpen.values()]
      .filter((f) => !headOpen.has(f.fingerprint))
      .map(slim)
      .sort(bySeverity),
    scoresBefore: base.scores,
    scoresAfter: head.scores,
    levelBefore: base.level,
    levelAfter: head.level,
    matrixChanges: matrixChanges(base, head),
  };
}

function rounded(score: number | null): number | null {
  return score === null ? null : Math.round(score);
}

/** True when the PR changes anything a reader of the comment would care about. */
export function changesParity(delta: PrDelta): boolean {
  return (
    delta.newFindings.length > 0 ||
    delta.resolvedFindings.length > 0 ||
    delta.matrixChanges.length > 0 ||
    delta.levelBefore !== delta.levelAfter ||
    rounded(delta.scoresBefore.overall) !== rounded(delta.scoresAfter.overall)
  );
}
