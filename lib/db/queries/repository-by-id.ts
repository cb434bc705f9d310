import { eq, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { repositories } from "../schema";

/**
 * Repositories by id, for the code that holds an id rather than a name: the queue, the audit
 * service, the history backfill and the API's audit access check (names: repositories.ts).
 */

/** The repository with this id, connected or not, or null. */
export async function repositoryById(db: Database, id: number) {
  const [row] = await db.select().from(repositories).where(eq(repositories.id, id)).limit(1);
  return row ?? null;
}

/** The ids of every connected repository (the daily sweep audits each). */
export async function connectedRepositoryIds(db: Database): Promise<number[]> {
  const rows = await db.select({ id: repositories.id }).from(repositories).where(isNull(repositories.disconnectedAt));
  return rows.map((row) => row.id);
}

/** What GitHub says of a repository now: a renamed default branch, a change of visibility. */
export async function updateRepositoryFacts(
  db: Database,
  id: number,
  facts: { defaultBranch?: string; isPrivate?: boolean },
): Promise<void> {
  await db.update(repositories).set(facts).where(eq(repositories.id, id));
}
