import { and, eq, gt, gte, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "../client";
import { repositoryAccess, sessions, weeklyScores } from "../schema";
import type { OrganisationWeek } from "./dashboard";
import { lastWeeks } from "./weeks";

/** Sessions and the repository access cache of team mode (see lib/auth and docs/security.md). */

export interface NewSession {
  id: string;
  githubUserId: number;
  login: string;
  tokenCiphertext: string;
  expiresAt: Date;
}

export async function insertSession(db: Database, session: NewSession, now: Date): Promise<void> {
  await db.insert(sessions).values({ ...session, createdAt: now, lastSeenAt: now });
}

/** The session with this id, unless it has expired. */
export async function findLiveSession(db: Database, id: string, now: Date) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

export async function deleteSession(db: Database, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Expired sessions hold encrypted tokens nobody may use any more: remove them. */
export async function deleteExpiredSessions(db: Database, now: Date): Promise<number> {
  const removed = await db.delete(sessions).where(lte(sessions.expiresAt, now)).returning({ id: sessions.id });
  return removed.length;
}

export async function readAccess(db: Database, githubUserId: number, fullName: string, freshAfter: Date) {
  const [row] = await db
    .select()
    .from(repositoryAccess)
    .where(
      and(
        eq(repositoryAccess.githubUserId, githubUserId),
        eq(repositoryAccess.fullName, fullName.toLowerCase()),
        gt(repositoryAccess.checkedAt, freshAfter),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function writeAccess(
  db: Database,
  entry: { githubUserId: number; fullName: string; visible: boolean; isPrivate: boolean | null; checkedAt: Date },
): Promise<void> {
  const row = { ...entry, fullName: entry.fullName.toLowerCase() };
  await db
    .insert(repositoryAccess)
    .values(row)
    .onConflictDoUpdate({
      target: [repositoryAccess.githubUserId, repositoryAccess.fullName],
      set: { visible: row.visible, isPrivate: row.isPrivate, checkedAt: row.checkedAt },
    });
}

/** A fresh sign-in asks GitHub again: access granted or revoked since shows at once. */
export async function forgetAccess(db: Database, githubUserId: number): Promise<void> {
  await db.delete(repositoryAccess).where(eq(repositoryAccess.githubUserId, githubUserId));
}

/**
 * The organisation trend over the given repositories only (organisationTrend's shape): in team
 * mode the overview's averages must not include repositories the viewer cannot see.
 */
export async function organisationTrendOf(
  db: Database,
  repositoryIds: readonly number[],
  weeks: number,
  now: Date,
): Promise<OrganisationWeek[]> {
  const range = lastWeeks(now, weeks);
  const rows =
    repositoryIds.length === 0
      ? []
      : await db
          .select({
            week: weeklyScores.week,
            averageScore: sql<number | null>`avg(${weeklyScores.scoreOverall})::float8`,
            tools: sql<number>`sum(${weeklyScores.findingsTools})::int`,
            time: sql<number>`sum(${weeklyScores.findingsTime})::int`,
            personnel: sql<number>`sum(${weeklyScores.findingsPersonnel})::int`,
            repositories: sql<number>`count(*)::int`,
          })
          .from(weeklyScores)
          .where(
            and(
              gte(weeklyScores.week, range[0] ?? "1970-01-01"),
              inArray(weeklyScores.repositoryId, [...repositoryIds]),
            ),
          )
          .groupBy(weeklyScores.week);
  const byWeek = new Map(rows.map((row) => [row.week, row]));
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
