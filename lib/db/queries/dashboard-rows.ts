import type { OfferedFixes } from "../../parity/fixes/index";
import type { Level, Report, Severity } from "../../parity/types";
import type { AuditPhase, AuditRow, AuditStatus, HistoryStatus, RepositoryRow } from "../schema";

/**
 * The shapes the dashboard's queries return (lib/db/queries/dashboard.ts and the scorecard parts it
 * assembles): a file of their own below both, so neither imports the other for its types.
 */

export interface Scores {
  overall: number | null;
  tools: number | null;
  time: number | null;
  personnel: number | null;
}

export interface RepositorySummary {
  id: number;
  fullName: string;
  owner: string;
  name: string;
  /** Private on GitHub, as the latest audit read it. */
  isPrivate: boolean;
  level: Level | null;
  scoreOverall: number | null;
  scoreTools: number | null;
  scoreTime: number | null;
  scorePersonnel: number | null;
  worstFinding: { title: string; severity: Severity } | null;
  /** Overall score of each of the last 26 weeks that has an audit, oldest first. */
  trend: number[];
  /** When the latest succeeded audit finished (null before the first). */
  lastAuditAt: Date | null;
  /** Status of the most recently queued audit (a running re-audit shows here). */
  lastAuditStatus: AuditStatus | null;
  /** Why the most recent audit failed (a sentence safe to show); null unless it failed. */
  lastAuditError: string | null;
  commitSha: string | null;
  historyStatus: HistoryStatus;
}

export interface OrganisationWeek {
  /** Monday of the week, `YYYY-MM-DD`. */
  week: string;
  /** Mean overall score of the repositories audited that week (null: none audited). */
  averageScore: number | null;
  /** Open findings per gap, summed over the repositories audited that week. */
  findingsByGap: { tools: number; time: number; personnel: number };
  repositories: number;
}

export interface HistoryPoint {
  auditId: number;
  finishedAt: Date | null;
  /** The moment the audit describes (the weekly point for backfilled history): the trend's x axis. */
  auditedAt: Date;
  commitSha: string | null;
  scores: Scores;
  level: Level | null;
  trigger: string;
}

export interface TrendMarker {
  auditId: number;
  finishedAt: Date | null;
  auditedAt: Date;
  /** Fingerprints of open findings that this audit has and the previous one did not. */
  appeared: string[];
  /** Fingerprints of open findings the previous audit had and this one does not. */
  resolved: string[];
}

export interface ScorecardDeploy {
  id: number;
  externalId: string;
  environment: string;
  sha: string;
  deployedAt: Date;
  creatorId: string | null;
  source: string;
  trigger: string;
  integration: string | null;
  /** Median hours from the author date of the commits this deploy shipped to the deploy. */
  leadTimeHours: number | null;
}

export type LatestAudit = Omit<AuditRow, "report" | "fixes"> & { report: Report; fixes: OfferedFixes | null };

export interface Scorecard {
  repository: RepositoryRow;
  /** The Monday (UTC, `YYYY-MM-DD`) the trend, the history and the deploy list start on. */
  windowStart: string;
  latestAudit: LatestAudit | null;
  history: HistoryPoint[];
  trendMarkers: TrendMarker[];
  deploys: ScorecardDeploy[];
}

export interface AuditProgress {
  auditId: number;
  repository: string;
  status: AuditStatus;
  phase: AuditPhase;
  done: number;
  total: number;
  /** A sentence safe to show, with its code; null unless failed. */
  error: string | null;
  errorCode: string | null;
  history: { status: HistoryStatus; done: number; total: number; error: string | null };
}

export interface TrendOptions {
  weeks?: number;
  now?: Date;
}
