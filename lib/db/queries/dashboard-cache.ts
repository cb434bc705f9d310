import { and, count, eq, getTableName, isNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { audits, prAudits, repositories } from "../schema";
import { findActiveAudit } from "./audits";
import { type RecentPrAudit, recentPrAudits } from "./bot";
import {
  getScorecardOf,
  listRepositorySummaries,
  type OrganisationWeek,
  organisationTrend,
  type RepositorySummary,
  type Scorecard,
  type TrendOptions,
} from "./dashboard";
import { lastWeeks } from "./weeks";

/**
 * The dashboard's reads, memoised in this process. What the overview and a scorecard show only
 * changes when an audit is queued, starts or finishes, or a history backfill moves on; so each
 * read first asks the database one cheap question (a version token built from exactly those
 * columns) and reuses the previous result while the answer is the same. Every process asks for
 * itself, so several web processes and workers on one PostgreSQL never serve each other's stale
 * data; MAX_AGE_MS bounds anything a token could miss (a write path added later). Cached values
 * are shared between requests: callers must not mutate them.
 */

/** Upper bound on how long an entry is trusted even when its token still matches. */
export const MAX_AGE_MS = 60_000;

interface Entry<T> {
  token: string;
  storedAt: number;
  value: Promise<T>;
}

export interface TokenMemo<T> {
  get(key: string, token: string, compute: () => Promise<T>, now?: number): Promise<T>;
  readonly size: number;
}

/**
 * One entry per key, replaced when its token differs or it is older than `maxAgeMs`. The promise
 * is stored, so concurrent requests for the same version share one computation; a failed
 * computation is forgotten. The oldest key goes when `maxEntries` is exceeded.
 */
export function createTokenMemo<T>(maxEntries: number, maxAgeMs = MAX_AGE_MS): TokenMemo<T> {
  const entries = new Map<string, Entry<T>>();
  return {
    get(key, token, compute, now = Date.now()) {
      const entry = entries.get(key);
      if (entry && entry.token === token && now - entry.storedAt < maxAgeMs) return entry.value;
      const value = compute();
      entries.delete(key);
      entries.set(key, { token, storedAt: now, value });
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * Changes whenever a repository is added, renamed, made private or public, disconnected or removed, an audit is queued (`last_audit_id`),
 * succeeds (`latest_audit_id`; a backfilled point moves `history_done` instead), a backfill
 * starts, ends or fails, or an audit starts or stops being active (queued or running: the
 * partial index `audits_active_idx` answers that). A hash per repository summed, rather than a
 * digest of the ordered list (30 ms on PGlite). Each row's hash is a stored generated column
 * (`repositories.version_hash`), so the token sums one integer per row: 1.6 ms on PGlite for
 * 10,000 repositories, where hashing each row's text on every request cost 6.7 ms.
 */
export async function overviewVersion(db: Database): Promise<string> {
  const [row] = await db
    .select({
      repositories: count(),
      hash: sql<string>`coalesce(sum(${repositories.versionHash}), 0)::text`,
      active: sql<string>`(select concat_ws(':', count(*), count(${audits.startedAt}), max(${audits.id})) from ${audits} where ${audits.status} in ('queued', 'running'))`,
    })
    .from(repositories);
  return `${row?.repositories ?? 0}:${row?.hash ?? ""}:${row?.active ?? ""}`;
}

export interface OverviewData {
  summaries: RepositorySummary[];
  weeks: OrganisationWeek[];
}

const overviews = createTokenMemo<OverviewData>(4);

/** Every repository's summary and the organisation's weekly trend, as of the current version. */
export async function cachedOverview(db: Database, options: TrendOptions = {}): Promise<OverviewData> {
  const now = options.now ?? new Date();
  const weeks = options.weeks ?? 26;
  // The first week moves every Monday: part of the key, so a new week never shows last week's axis.
  const key = `${lastWeeks(now, weeks)[0]}:${weeks}`;
  return overviews.get(key, await overviewVersion(db), async () => {
    const [summaries, trend] = await Promise.all([
      listRepositorySummaries(db, { now, weeks }),
      organisationTrend(db, weeks, now),
    ]);
    return { summaries, weeks: trend };
  });
}

/** Every repository's summary (the overview's, the repository list's and `GET /api/repos`'). */
export async function cachedRepositorySummaries(
  db: Database,
  options: TrendOptions = {},
): Promise<RepositorySummary[]> {
  return (await cachedOverview(db, options)).summaries;
}

/** The audit a repository page shows progress for: the newest queued or running non-backfill one. */
const ACTIVE_AUDIT = sql`${audits.status} in ('queued', 'running') and ${audits.trigger} <> 'history'`;

/**
 * A repository's row and the version of everything its scorecard shows, in one round trip (a
 * scorecard view used to cost four): its audits at a glance (how many, the newest, how many
 * finished: any audit queued or finished, live or backfilled, with the deploys and commits it
 * saved, moves it), which audit is queued or running (the progress shown), and its PR audits
 * (rows are only ever inserted). Index ranges over one repository's rows.
 */
/**
 * `"repositories"."id"`, always qualified: in a one-table select drizzle writes bare column names,
 * and inside a subquery on `audits` a bare `"id"` would mean the audit's.
 */
const REPOSITORY_ID = sql`${sql.identifier(getTableName(repositories))}.${sql.identifier(repositories.id.name)}`;

async function repositoryAndScorecardVersion(
  db: Database,
  owner: string,
  name: string,
): Promise<{ repository: typeof repositories.$inferSelect; version: string } | null> {
  const [row] = await db
    .select({
      repository: repositories,
      audits: sql<string>`(select concat_ws(':', count(*), max(${audits.id}), count(${audits.finishedAt}), max(${audits.id}) filter (where ${ACTIVE_AUDIT}), count(*) filter (where ${ACTIVE_AUDIT})) from ${audits} where ${audits.repositoryId} = ${REPOSITORY_ID})`,
      prAudits: sql<string>`(select concat_ws(':', count(*), max(${prAudits.id})) from ${prAudits} where ${prAudits.repositoryId} = ${REPOSITORY_ID})`,
    })
    .from(repositories)
    .where(
      and(
        eq(sql`lower(${repositories.fullName})`, `${owner}/${name}`.toLowerCase()),
        isNull(repositories.disconnectedAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  const { repository } = row;
  const version = JSON.stringify([
    row.audits,
    row.prAudits,
    repository.fullName,
    repository.defaultBranch,
    repository.latestAuditId,
    repository.lastAuditId,
    repository.historyStatus,
    repository.historyDone,
  ]);
  return { repository, version };
}

/** Everything a scorecard page shows: the scorecard, the audit in progress and recent PR audits. */
export interface ScorecardPage extends Scorecard {
  activeAudit: Awaited<ReturnType<typeof findActiveAudit>>;
  pullRequests: RecentPrAudit[];
}

const scorecards = createTokenMemo<Omit<ScorecardPage, "repository">>(64);

/** `getScorecard` and the page's other reads, memoised per repository and version. */
export async function cachedScorecard(
  db: Database,
  owner: string,
  name: string,
  options: TrendOptions = {},
): Promise<ScorecardPage | null> {
  const found = await repositoryAndScorecardVersion(db, owner, name);
  if (!found) return null;
  const { repository, version } = found;
  const now = options.now ?? new Date();
  const weeks = options.weeks ?? 26;
  const key = `${repository.id}:${lastWeeks(now, weeks)[0]}:${weeks}`;
  const rest = await scorecards.get(key, version, async () => {
    const [{ repository: _, ...parts }, activeAudit, pullRequests] = await Promise.all([
      getScorecardOf(db, repository, { now, weeks }),
      findActiveAudit(db, repository.id),
      recentPrAudits(db, repository.id),
    ]);
    return { ...parts, activeAudit, pullRequests };
  });
  return { repository, ...rest };
}
