import type { Environment, Gap, Level, Report, Severity } from "@/lib/parity/types";

/**
 * The shapes the dashboard's components render. They mirror lib/db/queries/dashboard.ts so the
 * components take plain props (renderable and testable without a database); dates may arrive as
 * Date objects from the database or ISO strings from JSON.
 */

export type When = string | Date | null;

export interface RepositorySummaryView {
  id: number;
  fullName: string;
  owner: string;
  name: string;
  level: Level | null;
  scoreOverall: number | null;
  scoreTools: number | null;
  scoreTime: number | null;
  scorePersonnel: number | null;
  worstFinding: { title: string; severity: Severity } | null;
  /** Last 26 weekly overall scores, oldest first; null for a week with no audit. */
  trend: (number | null)[];
  lastAuditAt: When;
  lastAuditStatus: string | null;
  /** Why the most recent audit failed; null (or absent) unless it failed. */
  lastAuditError?: string | null;
  /** Private on GitHub (absent: not known to this view). */
  isPrivate?: boolean;
  /** While searching: the most severe open finding the search matched, when the name did not. */
  matchedFinding?: { title: string; severity: Severity } | null;
}

export interface OrganisationWeekView {
  week: string;
  averageScore: number | null;
  findingsByGap: Record<Gap, number>;
}

export interface AuditHistoryView {
  auditId: number;
  finishedAt: When;
  /** The moment the audit describes (the weekly point of backfilled history); preferred for the x axis. */
  auditedAt?: When;
  commitSha: string | null;
  scores: Report["scores"];
  level: Level | null;
  trigger: string;
}

export interface TrendMarkerView {
  auditId: number;
  finishedAt: When;
  auditedAt?: When;
  appeared: string[];
  resolved: string[];
}

export interface DeployView {
  id: string | number;
  environment: string;
  sha: string;
  deployedAt: When;
  /** Hours from the oldest undeployed commit to this deploy, when known. */
  leadTimeHours?: number | null;
  trigger?: string;
}

export interface ScorecardRepositoryView {
  fullName: string;
  owner: string;
  name: string;
  defaultBranch: string | null;
}

export interface MatrixCellUse {
  file: string;
  line: number;
  href: string;
  raw: string;
}

/** One engine (at one version) an environment's files name for a service, with where. */
export interface MatrixEntryView {
  label: string;
  uses: MatrixCellUse[];
}

export interface MatrixCellView {
  environment: Environment;
  /** The one entry the cell shows (the one that differs from the reference, when one does). */
  text: string;
  uses: MatrixCellUse[];
  /** Other engines the files name for this environment: which one runs depends on configuration. */
  alternatives: MatrixEntryView[];
  /** Differs from the reference environment (production when it has one). */
  drift: boolean;
}

export interface MatrixRowView {
  label: string;
  cells: MatrixCellView[];
}
