import { and, asc, eq, gte, isNull, sql } from "drizzle-orm";
import type { OfferedFixes } from "../../parity/fixes/index";
import type { Level, Report, Severity } from "../../parity/types";
import type { Database } from "../client";
import { audits, repositories } from "../schema";
import type {
  AuditProgress,
  HistoryPoint,
  OrganisationWeek,
  RepositorySummary,
  Scorecard,
  TrendOptions,
} from "./dashboard-rows";
import { findRepository } from "./repositories";
import { scorecardDeploys, scorecardMarkers } from "./scorecard-parts";
import { last, latest, SUMMARY_COLUMNS } from "./summary-columns";
import { organisationTrendQuery, scorecardHistoryQuery, weeklyTrendQuery } from "./trend-queries";
import { lastWeeks } from "./weeks";

/**
 * What the dashboard pages read. Every function takes `db` first and uses the query builder only,
 * so it runs the same on PGlite and PostgreSQL. Trends read `weekly_scores` (one row per
 * repository and week, kept up to date when an audit succeeds), never the raw daily audits.
 */

export type {
  AuditProgress,
  HistoryPoint,
  LatestAudit,
  OrganisationWeek,
  RepositorySummary,
  Scorecard,
  ScorecardDeploy,
  Scores,
  TrendMarker,
  TrendOptions,
} from "./dashboard-rows";

export async function listRepositorySummaries(db: Database, options: TrendOptions = {}): Promise<RepositorySummary[]> {
  const rows = await db
    .select(SUMMARY_COLUMNS)
    .from(repositories)
    .leftJoin(latest, eq(latest.id, repositories.latestAuditId))
    .leftJoin(last, eq(last.id, repositories.lastAuditId))
    .where(isNull(repositories.disconnectedAt))
    .orderBy(asc(repositories.fullName));

  const weeks = lastWeeks(options.now ?? new Date(), options.weeks ?? 26);
  const points = await weeklyTrendQuery(db, weeks[0] ?? "1970-01-01");
  // A repository with no scored week has a null aggregate; scores may arrive as strings from a driver.
  const trends = new Map(points.map((point) => [point.repositoryId, (point.scores ?? []).map(Number)]));

  return rows.map(({ worstTitle, worstSeverity, lastAuditError, ...row }) => ({
    ...row,
    lastAuditError: row.lastAuditStatus === "failed" ? (lastAuditError ?? "The audit failed.") : null,
    level: row.level as Level | null,
    worstFinding: worstTitle && worstSeverity ? { title: worstTitle, severity: worstSeverity as Severity } : null,
    trend: trends.get(row.id) ?? [],
  }));
}

export async function organisationTrend(db: Database, weeks = 26, now: Date = new Date()): Promise<OrganisationWeek[]> {
  const range = lastWeeks(now, weeks);
  const rows = await organisationTrendQuery(db, range[0] ?? "1970-01-01");
  const byWeek = new Map(rows.map((row) => [row.week, row]));
  // Every week is present (an empty week is null/0), so charts get an even axis.
  return range.map((week) => {
    const row = byWeek.get(week);
    return {
      week,
      averageScore: row?.averageScore === null || row?.averageScore === undefined ? null : Number(row.averageScore),
      findingsByGap: {
        tools: Number(row?.tools ?? 0),
        time: Number(row?.time ?? 0),
        personnel: Number(row?.personnel ?? 0),
      },
      repositories: Number(row?.repositories ?? 0),
    };
  });
}

export async function getScorecard(
  db: Database,
  owner: string,
  name: string,
  options: TrendOptions = {},
): Promise<Scorecard | null> {
  const repository = await findRepository(db, { owner, name });
  if (!repository) return null;
  return getScorecardOf(db, repository, options);
}

/**
 * A repository and the report of its latest finished audit: what `GET /api/repos/{o}/{r}` serves.
 * Two index lookups; the scorecard's history, markers and deploys are not read.
 */
export async function getLatestReport(
  db: Database,
  owner: string,
  name: string,
): Promise<{
  repository: typeof repositories.$inferSelect;
  report: Report | null;
  /** The fixes the audit offers; null for an audit made before fixes were planned. */
  fixes: OfferedFixes | null;
} | null> {
  const repository = await findRepository(db, { owner, name });
  if (!repository) return null;
  const [row] = repository.latestAuditId
    ? await db
        .select({ report: audits.report, fixes: audits.fixes })
        .from(audits)
        .where(eq(audits.id, repository.latestAuditId))
        .limit(1)
    : [];
  return {
    repository,
    report: (row?.report as Report | null | undefined) ?? null,
    fixes: (row?.fixes as OfferedFixes | null | undefined) ?? null,
  };
}

/** The scorecard of a repository row already read. */
export async function getScorecardOf(
  db: Database,
  repository: typeof repositories.$inferSelect,
  options: TrendOptions = {},
): Promise<Scorecard> {
  const now = options.now ?? new Date();
  const windowStart = lastWeeks(now, options.weeks ?? 26)[0] ?? now.toISOString().slice(0, 10);
  const since = new Date(`${windowStart}T00:00:00Z`);

  const [latestRow] = repository.latestAuditId
    ? await db.select().from(audits).where(eq(audits.id, repository.latestAuditId)).limit(1)
    : [];
  const historyRows = await scorecardHistoryQuery(db, repository.id, since);
  const history: HistoryPoint[] = historyRows.map((row) => ({
    auditId: row.auditId,
    finishedAt: row.finishedAt,
    auditedAt: row.auditedAt ?? row.finishedAt ?? since,
    commitSha: row.commitSha,
    scores: { overall: row.overall, tools: row.tools, time: row.time, personnel: row.personnel },
    level: row.level as Level | null,
    trigger: row.trigger,
  }));

  const [trendMarkers, deployRows] = await Promise.all([
    scorecardMarkers(db, repository.id, history),
    scorecardDeploys(db, repository.id, since),
  ]);
  return {
    repository,
    windowStart,
    latestAudit: latestRow
      ? { ...latestRow, report: latestRow.report as Report, fixes: latestRow.fixes as OfferedFixes | null }
      : null,
    history,
    trendMarkers,
    deploys: deployRows,
  };
}

export async function getAuditProgress(db: Database, auditId: number): Promise<AuditProgress | null> {
  const [row] = await db
    .select({
      auditId: audits.id,
      repository: repositories.fullName,
      status: audits.status,
      phase: audits.phase,
      done: audits.progressDone,
      total: audits.progressTotal,
      error: audits.error,
      errorCode: audits.errorCode,
      historyStatus: repositories.historyStatus,
      historyDone: repositories.historyDone,
      historyTotal: repositories.historyTotal,
      historyError: repositories.historyError,
    })
    .from(audits)
    .innerJoin(repositories, eq(repositories.id, audits.repositoryId))
    .where(eq(audits.id, auditId))
    .limit(1);
  if (!row) return null;
  const { historyStatus, historyDone, historyTotal, historyError, ...rest } = row;
  return { ...rest, history: { status: historyStatus, done: historyDone, total: historyTotal, error: historyError } };
}

/** Audits of one repository between two dates (for the history API), newest first, no report. */
export async function listAuditHistory(db: Database, repositoryId: number, range: { from?: Date; to?: Date } = {}) {
  const conditions = [eq(audits.repositoryId, repositoryId), eq(audits.status, "succeeded")];
  if (range.from) conditions.push(gte(audits.auditedAt, range.from));
  if (range.to) conditions.push(sql`${audits.auditedAt} <= ${range.to.toISOString()}`);
  return db
    .select({
      auditId: audits.id,
      auditedAt: audits.auditedAt,
      finishedAt: audits.finishedAt,
      commitSha: audits.commitSha,
      trigger: audits.trigger,
      level: audits.level,
      scoreOverall: audits.scoreOverall,
      scoreTools: audits.scoreTools,
      scoreTime: audits.scoreTime,
      scorePersonnel: audits.scorePersonnel,
      engineVersion: audits.engineVersion,
      requests: audits.requests,
      rateLimitCost: audits.rateLimitCost,
    })
    .from(audits)
    .where(and(...conditions))
    .orderBy(sql`${audits.auditedAt} desc`, sql`${audits.id} desc`);
}
