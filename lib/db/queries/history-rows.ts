import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Commit, Deploy } from "../../parity/types";
import type { Database } from "../client";
import { commits, deploys } from "../schema";

/** Drizzle's transaction and the database share the query builder; both are accepted. */
type Executor = Pick<Database, "insert">;

/** PostgreSQL takes at most 65,535 parameters a statement: rows go in batches under that. */
const ROWS_PER_INSERT = 1000;

export async function insertChunked<T extends PgTable>(
  db: Executor,
  table: T,
  rows: readonly T["$inferInsert"][],
  size = ROWS_PER_INSERT,
): Promise<void> {
  for (let start = 0; start < rows.length; start += size) {
    await db.insert(table).values(rows.slice(start, start + size));
  }
}

/** Stores default-branch commits once per repository (a commit never changes). */
export async function commitRows(db: Executor, repositoryId: number, list: readonly Commit[]): Promise<void> {
  const rows = list.map((c) => ({
    repositoryId,
    sha: c.sha,
    authoredAt: new Date(c.authoredAt),
    committedAt: new Date(c.committedAt),
    authorId: c.author?.id ?? null,
    authorIsBot: c.author?.isBot ?? false,
    pullRequestNumber: c.pullRequest?.number ?? null,
    mergedById: c.pullRequest?.mergedBy?.id ?? null,
  }));
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await db
      .insert(commits)
      .values(rows.slice(start, start + ROWS_PER_INSERT))
      .onConflictDoNothing({ target: [commits.repositoryId, commits.sha] });
  }
}

/** Stores deploys once per repository; a later audit may learn a deploy's creator, so it updates. */
export async function deployRows(db: Executor, repositoryId: number, list: readonly Deploy[]): Promise<void> {
  const unique = new Map(list.map((d) => [d.id, d]));
  const rows = [...unique.values()].map((d) => ({
    repositoryId,
    externalId: d.id,
    environment: d.environment,
    sha: d.sha,
    deployedAt: new Date(d.deployedAt),
    creatorId: d.creator?.id ?? null,
    creatorIsBot: d.creator?.isBot ?? false,
    source: d.source,
    trigger: d.trigger,
    integration: d.integration ?? null,
  }));
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await db
      .insert(deploys)
      .values(rows.slice(start, start + ROWS_PER_INSERT))
      .onConflictDoUpdate({
        target: [deploys.repositoryId, deploys.externalId],
        set: {
          creatorId: sql`excluded.creator_id`,
          creatorIsBot: sql`excluded.creator_is_bot`,
          trigger: sql`excluded.trigger`,
        },
      });
  }
}
