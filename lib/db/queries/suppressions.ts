import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { installationRepositories, type SuppressionRequestRow, suppressionRequests } from "../schema";

export type NewSuppressionRequest = Omit<
  SuppressionRequestRow,
  "id" | "requestedAt" | "pullRequestUrl" | "pullRequestError"
>;

/** Records what was asked; asking again for the same finding replaces the earlier request. */
export async function saveSuppressionRequest(
  db: Database,
  request: NewSuppressionRequest,
  now: Date = new Date(),
): Promise<SuppressionRequestRow> {
  const [row] = await db
    .insert(suppressionRequests)
    .values({ ...request, requestedAt: now })
    .onConflictDoUpdate({
      target: [suppressionRequests.repositoryId, suppressionRequests.fingerprint],
      set: {
        check: request.check,
        kind: request.kind,
        reason: request.reason,
        lines: request.lines,
        requestedBy: request.requestedBy,
        requestedAt: now,
        pullRequestUrl: null,
        pullRequestError: null,
      },
    })
    .returning();
  if (!row) throw new Error("the suppression request was not saved");
  return row;
}

export async function recordPullRequest(
  db: Database,
  id: number,
  outcome: { url: string | null; error: string | null },
): Promise<void> {
  await db
    .update(suppressionRequests)
    .set({ pullRequestUrl: outcome.url, pullRequestError: outcome.error })
    .where(eq(suppressionRequests.id, id));
}

export async function listSuppressionRequests(db: Database, repositoryId: number): Promise<SuppressionRequestRow[]> {
  return db
    .select()
    .from(suppressionRequests)
    .where(eq(suppressionRequests.repositoryId, repositoryId))
    .orderBy(asc(suppressionRequests.requestedAt), asc(suppressionRequests.id));
}

export async function findSuppressionRequest(
  db: Database,
  repositoryId: number,
  fingerprint: string,
): Promise<SuppressionRequestRow | null> {
  const [row] = await db
    .select()
    .from(suppressionRequests)
    .where(and(eq(suppressionRequests.repositoryId, repositoryId), eq(suppressionRequests.fingerprint, fingerprint)))
    .limit(1);
  return row ?? null;
}

/** The App installation that covers a repository (installation events keep the table), if any. */
export async function installationOf(db: Database, fullName: string): Promise<number | null> {
  const [row] = await db
    .select({ installationId: installationRepositories.installationId })
    .from(installationRepositories)
    .where(eq(installationRepositories.fullName, fullName.toLowerCase()))
    .limit(1);
  return row?.installationId ?? null;
}
