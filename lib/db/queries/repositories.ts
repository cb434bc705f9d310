import { asc, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { audits, repositories } from "../schema";

export interface RepositoryName {
  owner: string;
  name: string;
}

/** Adds a repository, or returns the existing one (names compare case-insensitively, as GitHub's). */
export async function upsertRepository(db: Database, repo: RepositoryName & { defaultBranch?: string | null }) {
  const fullName = `${repo.owner}/${repo.name}`;
  const existing = await findRepository(db, repo);
  if (existing) return existing;
  const [row] = await db
    .insert(repositories)
    .values({ fullName, owner: repo.owner, name: repo.name, defaultBranch: repo.defaultBranch ?? null })
    .onConflictDoNothing()
    .returning();
  return row ?? (await findRepository(db, repo));
}

export async function findRepository(db: Database, repo: RepositoryName) {
  const [row] = await db
    .select()
    .from(repositories)
    .where(eq(sql`lower(${repositories.fullName})`, `${repo.owner}/${repo.name}`.toLowerCase()))
    .limit(1);
  return row ?? null;
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
