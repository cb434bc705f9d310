import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { audits, findings, weeklyScores } from "../schema";

/**
 * The trend queries as builders, so the pages await them and `npm run bench -- --dashboard`
 * prints their plans (EXPLAIN) from the very same SQL.
 */

/**
 * Every repository's weekly overall scores since `since` (a Monday), oldest first, one row per
 * repository: the sparklines. Aggregated in the database so 1,000 repositories cost 1,000 rows
 * on the wire instead of 26,000.
 */
export function weeklyTrendQuery(db: Database, since: string) {
  return db
    .select({
      repositoryId: weeklyScores.repositoryId,
      scores: sql<
        number[]
      >`array_agg(${weeklyScores.scoreOverall} order by ${weeklyScores.week}) filter (where ${weeklyScores.scoreOverall} is not null)`,
    })
    .from(weeklyScores)
    .where(gte(weeklyScores.week, since))
    .groupBy(weeklyScores.repositoryId);
}

/** The organisation per week since `since`: mean overall score and open findings per gap. */
export function organisationTrendQuery(db: Database, since: string) {
  return db
    .select({
      week: weeklyScores.week,
      averageScore: sql<number | null>`avg(${weeklyScores.scoreOverall})::float8`,
      tools: sql<number>`sum(${weeklyScores.findingsTools})::int`,
      time: sql<number>`sum(${weeklyScores.findingsTime})::int`,
      personnel: sql<number>`sum(${weeklyScores.findingsPersonnel})::int`,
      repositories: sql<number>`count(*)::int`,
    })
    .from(weeklyScores)
    .where(gte(weeklyScores.week, since))
    .groupBy(weeklyScores.week);
}

/** One repository's succeeded audits since `since`, oldest first: the scorecard's trend. */
export function scorecardHistoryQuery(db: Database, repositoryId: number, since: Date) {
  return db
    .select({
      auditId: audits.id,
      finishedAt: audits.finishedAt,
      auditedAt: audits.auditedAt,
      commitSha: audits.commitSha,
      overall: audits.scoreOverall,
      tools: audits.scoreTools,
      time: audits.scoreTime,
      personnel: audits.scorePersonnel,
      level: audits.level,
      trigger: audits.trigger,
    })
    .from(audits)
    .where(and(eq(audits.repositoryId, repositoryId), eq(audits.status, "succeeded"), gte(audits.auditedAt, since)))
    .orderBy(asc(audits.auditedAt), asc(audits.id));
}

/** Open findings' fingerprints of the given audits: where the trend's markers come from. */
export function markerFindingsQuery(db: Database, repositoryId: number, auditIds: number[]) {
  return db
    .select({ auditId: findings.auditId, fingerprint: findings.fingerprint })
    .from(findings)
    .where(
      and(eq(findings.repositoryId, repositoryId), inArray(findings.auditId, auditIds), eq(findings.suppressed, false)),
    );
}
