import { and, asc, count, eq, getTableName, inArray, isNull, max, type SQL, sql } from "drizzle-orm";
import type { Level, Severity } from "../../parity/types";
import type { Database } from "../client";
import { findings, repositories, weeklyScores } from "../schema";
import type { RepositorySummary } from "./dashboard";
import { MAX_SEARCH_LENGTH, OVERVIEW_PAGE_SIZE, type OverviewQuery, type OverviewSortKey } from "./overview-query";
import { last, latest, SUMMARY_COLUMNS } from "./summary-columns";
import { lastWeeks } from "./weeks";

/**
 * The overview's table, one page at a time: filter, search, sort, count and page in SQL, so a
 * page reads its 50 rows (and their sparklines) whatever the number of repositories. The summary
 * line is one aggregate over the same rows. `ids` narrows everything to the repositories a
 * team-mode viewer may see; without it, every connected repository.
 */

export interface OverviewRow extends RepositorySummary {
  /** When searching: the most severe open finding the text matched (null: the name matched). */
  matchedFinding: { title: string; severity: Severity } | null;
}

export interface OverviewPage {
  rows: OverviewRow[];
  /** Repositories matching the filters (all pages). */
  total: number;
  /** The page actually shown (a page past the end shows the last one). */
  page: number;
  pageSize: number;
}

export interface OverviewSummaryCounts {
  count: number;
  median: number | null;
  levels: Record<Level | "none", number>;
  /** When the newest latest audit finished (ISO), or null. */
  lastSweep: string | null;
}

/** `"repositories"."latest_audit_id"`, qualified: it is read inside subqueries on `findings`. */
const LATEST_AUDIT_ID = sql`${sql.identifier(getTableName(repositories))}.${sql.identifier(repositories.latestAuditId.name)}`;

const LEAST_GAP = sql`least(${latest.scoreTools}, ${latest.scoreTime}, ${latest.scorePersonnel})`;
/** The weakest gap: the lowest known gap score; on a tie the first of tools, time, people. */
const WEAKEST_GAP = sql`case when ${LEAST_GAP} is null then null when ${latest.scoreTools} = ${LEAST_GAP} then 'tools' when ${latest.scoreTime} = ${LEAST_GAP} then 'time' else 'personnel' end`;
/** Ascending puts the most severe first, like a triage list. */
const SEVERITY_RANK = (column: SQL | typeof findings.severity) =>
  sql`case ${column} when 'critical' then -1 when 'high' then 0 when 'medium' then 1 when 'low' then 2 when 'info' then 3 end`;

const SORT_EXPRESSION: Record<OverviewSortKey, SQL> = {
  fullName: sql`lower(${repositories.fullName})`,
  // No level yet ranks below Bronze (it is not unknown: it is "Not yet").
  level: sql`case ${latest.level} when 'gold' then 3 when 'silver' then 2 when 'bronze' then 1 else 0 end`,
  scoreOverall: sql`${latest.scoreOverall}`,
  scoreTools: sql`${latest.scoreTools}`,
  scoreTime: sql`${latest.scoreTime}`,
  scorePersonnel: sql`${latest.scorePersonnel}`,
  worstFinding: SEVERITY_RANK(sql`${latest.worstSeverity}`),
  lastAuditAt: sql`${latest.finishedAt}`,
};

/** `%text%` for LIKE, with the text's own `%`, `_` and `\` taken literally. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function searchText(query: OverviewQuery): string {
  return query.text.trim().slice(0, MAX_SEARCH_LENGTH);
}

/** An open finding of the repository's latest audit matching the pattern (title, message, check or service). */
function findingMatches(pattern: string): SQL {
  return sql`(lower(${findings.title}) like ${pattern} or lower(${findings.message}) like ${pattern} or lower(${findings.check}) like ${pattern} or lower(coalesce(${findings.service}, '')) like ${pattern})`;
}

function conditions(query: OverviewQuery, ids: readonly number[] | undefined): SQL[] {
  const where: SQL[] = [isNull(repositories.disconnectedAt)];
  if (ids) where.push(ids.length === 0 ? sql`false` : inArray(repositories.id, [...ids]));
  const text = searchText(query);
  if (text) {
    const pattern = likePattern(text);
    where.push(
      sql`(lower(${repositories.fullName}) like ${pattern} or exists (select 1 from ${findings} where ${findings.auditId} = ${LATEST_AUDIT_ID} and ${findings.suppressed} = false and ${findingMatches(pattern)}))`,
    );
  }
  if (query.level === "none") where.push(isNull(latest.level));
  else if (query.level !== "all") where.push(eq(latest.level, query.level));
  if (query.gap !== "all") where.push(sql`${WEAKEST_GAP} = ${query.gap}`);
  return where;
}

/** One page of the overview's table, with how many repositories match in all. */
export async function overviewPage(
  db: Database,
  query: OverviewQuery,
  options: { now?: Date; weeks?: number; ids?: readonly number[]; pageSize?: number } = {},
): Promise<OverviewPage> {
  const pageSize = options.pageSize ?? OVERVIEW_PAGE_SIZE;
  const where = and(...conditions(query, options.ids));
  const [counted] = await db
    .select({ total: count() })
    .from(repositories)
    .leftJoin(latest, eq(latest.id, repositories.latestAuditId))
    .where(where);
  const total = Number(counted?.total ?? 0);
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.trunc(query.page) || 1), lastPage);
  const order = SORT_EXPRESSION[query.sort];
  const rows =
    total === 0
      ? []
      : await db
          .select({ ...SUMMARY_COLUMNS, latestAuditId: repositories.latestAuditId })
          .from(repositories)
          .leftJoin(latest, eq(latest.id, repositories.latestAuditId))
          .leftJoin(last, eq(last.id, repositories.lastAuditId))
          .where(where)
          // Unknown values always go last, whichever the direction, so "—" never hides the worst.
          .orderBy(
            query.direction === "ascending" ? sql`${order} asc nulls last` : sql`${order} desc nulls last`,
            asc(sql`lower(${repositories.fullName})`),
            asc(repositories.id),
          )
          .limit(pageSize)
          .offset((page - 1) * pageSize);

  const weeks = lastWeeks(options.now ?? new Date(), options.weeks ?? 26);
  const ids = rows.map((row) => row.id);
  const text = searchText(query);
  const auditIds = rows.flatMap((row) => (row.latestAuditId === null ? [] : [row.latestAuditId]));
  const [trends, matches] = await Promise.all([
    pageTrends(db, ids, weeks[0] ?? "1970-01-01"),
    text ? matchingFindings(db, auditIds, likePattern(text)) : new Map<number, OverviewRow["matchedFinding"]>(),
  ]);

  return {
    total,
    page,
    pageSize,
    rows: rows.map(({ worstTitle, worstSeverity, lastAuditError, latestAuditId, ...row }) => ({
      ...row,
      lastAuditError: row.lastAuditStatus === "failed" ? (lastAuditError ?? "The audit failed.") : null,
      level: row.level as Level | null,
      worstFinding: worstTitle && worstSeverity ? { title: worstTitle, severity: worstSeverity as Severity } : null,
      trend: trends.get(row.id) ?? [],
      matchedFinding:
        latestAuditId !== null && !row.fullName.toLowerCase().includes(text.toLowerCase())
          ? (matches.get(latestAuditId) ?? null)
          : null,
    })),
  };
}

/** The page's sparklines: weekly overall scores since `since`, oldest first, for these repositories only. */
async function pageTrends(db: Database, ids: readonly number[], since: string): Promise<Map<number, number[]>> {
  if (ids.length === 0) return new Map();
  const points = await db
    .select({
      repositoryId: weeklyScores.repositoryId,
      scores: sql<
        number[] | null
      >`array_agg(${weeklyScores.scoreOverall} order by ${weeklyScores.week}) filter (where ${weeklyScores.scoreOverall} is not null)`,
    })
    .from(weeklyScores)
    .where(and(inArray(weeklyScores.repositoryId, [...ids]), sql`${weeklyScores.week} >= ${since}`))
    .groupBy(weeklyScores.repositoryId);
  // Scores may arrive as strings from a driver.
  return new Map(points.map((point) => [point.repositoryId, (point.scores ?? []).map(Number)]));
}

/** Per audit, the most severe open finding whose text matches: what the row says the search found. */
async function matchingFindings(
  db: Database,
  auditIds: readonly number[],
  pattern: string,
): Promise<Map<number, OverviewRow["matchedFinding"]>> {
  if (auditIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([findings.auditId], {
      auditId: findings.auditId,
      title: findings.title,
      message: findings.message,
      severity: findings.severity,
    })
    .from(findings)
    .where(and(inArray(findings.auditId, [...auditIds]), eq(findings.suppressed, false), findingMatches(pattern)))
    .orderBy(findings.auditId, asc(SEVERITY_RANK(findings.severity)), asc(findings.id));
  return new Map(
    // The message, as the worst finding is shown (it names the values: "SQLite in dev, PostgreSQL 16 in prod").
    rows.map((row) => [row.auditId, { title: row.message || row.title, severity: row.severity as Severity }]),
  );
}

/**
 * The summary line (how many, the median score, how many per level, the last sweep) as one
 * aggregate in the database, over every repository or only `ids`.
 */
export async function overviewSummary(db: Database, ids?: readonly number[]): Promise<OverviewSummaryCounts> {
  const where: SQL[] = [isNull(repositories.disconnectedAt)];
  if (ids) where.push(ids.length === 0 ? sql`false` : inArray(repositories.id, [...ids]));
  const [row] = await db
    .select({
      count: count(),
      median: sql<number | null>`percentile_cont(0.5) within group (order by ${latest.scoreOverall})::float8`,
      gold: sql<number>`count(*) filter (where ${latest.level} = 'gold')::int`,
      silver: sql<number>`count(*) filter (where ${latest.level} = 'silver')::int`,
      bronze: sql<number>`count(*) filter (where ${latest.level} = 'bronze')::int`,
      none: sql<number>`count(*) filter (where ${latest.level} is null)::int`,
      lastSweep: max(latest.finishedAt),
    })
    .from(repositories)
    .leftJoin(latest, eq(latest.id, repositories.latestAuditId))
    .where(and(...where));
  const median = row?.median === null || row?.median === undefined ? null : Math.round(Number(row.median));
  const lastSweep = row?.lastSweep ? new Date(row.lastSweep).toISOString() : null;
  return {
    count: Number(row?.count ?? 0),
    median,
    levels: {
      gold: Number(row?.gold ?? 0),
      silver: Number(row?.silver ?? 0),
      bronze: Number(row?.bronze ?? 0),
      none: Number(row?.none ?? 0),
    },
    lastSweep,
  };
}

/** Every connected repository's id and name: what team mode checks visibility against. */
export async function connectedRepositoryNames(db: Database) {
  return db
    .select({ id: repositories.id, owner: repositories.owner, name: repositories.name })
    .from(repositories)
    .where(isNull(repositories.disconnectedAt))
    .orderBy(asc(repositories.id));
}
