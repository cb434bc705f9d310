import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { audits, repositories } from "../schema";

export interface RepositoryName {
  owner: string;
  name: string;
}

/**
 * Adds a repository, or returns the existing one (names compare case-insensitively, as GitHub's).
 * One disconnected with its history kept is connected again, history and all.
 */
export async function upsertRepository(db: Database, repo: RepositoryName & { defaultBranch?: string | null }) {
  const fullName = `${repo.owner}/${repo.name}`;
  const existing = await findRepositoryEvenDisconnected(db, repo);
  if (existing?.disconnectedAt) {
    const [reconnected] = await db
      .update(repositories)
      .set({ disconnectedAt: null })
      .where(eq(repositories.id, existing.id))
      .returning();
    return reconnected ?? existing;
  }
  if (existing) return existing;
  const [row] = await db
    .insert(repositories)
    .values({ fullName, owner: repo.owner, name: repo.name, defaultBranch: repo.defaultBranch ?? null })
    .onConflictDoNothing()
    .returning();
  return row ?? (await findRepository(db, repo));
}

/** A connected repository by name (case-insensitive); one disconnected with its history kept is not. */
export async function findRepository(db: Database, repo: RepositoryName) {
  const [row] = await db
    .select()
    .from(repositories)
    .where(
      and(
        eq(sql`lower(${repositories.fullName})`, `${repo.owner}/${repo.name}`.toLowerCase()),
        isNull(repositories.disconnectedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

async function findRepositoryEvenDisconnected(db: Database, repo: RepositoryName) {
  const [row] = await db
    .select()
    .from(repositories)
    .where(eq(sql`lower(${repositories.fullName})`, `${repo.owner}/${repo.name}`.toLowerCase()))
    .limit(1);
  return row ?? null;
}

/**
 * Disconnect: with `keepHistory` the row and its audits stay, hidden (connecting it again brings
 * them back); without, the repository and everything recorded about it are deleted (audits,
 * findings, commits, deploys and rollups cascade). False when it was not connected.
 */
export async function disconnectRepository(
  db: Database,
  repositoryId: number,
  options: { keepHistory: boolean; now?: Date },
): Promise<boolean> {
  const target = and(eq(repositories.id, repositoryId), isNull(repositories.disconnectedAt));
  const rows = options.keepHistory
    ? await db
        .update(repositories)
        .set({ disconnectedAt: options.now ?? new Date() })
        .where(target)
        .returning({ id: repositories.id })
    : await db.delete(repositories).where(target).returning({ id: repositories.id });
  return rows.length > 0;
}

export async function listRepositories(db: Database) {
  return db.select().from(repositories).orderBy(asc(repositories.fullName));
}

export async function countRepositories(db: Database): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(repositories);
  return row?.count ?? 0;
}

/** The newest finished audit of a repository, or null. */
export async function latestAudit(db: Database, repositoryId: number) {
  const [row] = await db
    .select()
    .from(audits)
    .where(eq(audits.repositoryId, repositoryId))
    .orderBy(desc(audits.finishedAt))
    .limit(1);
  return row ?? null;
}
