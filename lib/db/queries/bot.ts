import { and, desc, eq, isNotNull, lt, lte, sql } from "drizzle-orm";
import type { Database } from "../client";
import { installationRepositories, prAudits, pullRequestLocks, repositories, webhookDeliveries } from "../schema";

/** The PR bot's queries: deliveries (idempotent by X-GitHub-Delivery), installations, PR audits. */

export interface NewDelivery {
  deliveryId: string;
  event: string;
  action: string | null;
  installationId: number | null;
  repository: string | null;
  pullNumber: number | null;
  task: unknown;
  status: string;
  note?: string | null;
}

/** Records a delivery; null when this `X-GitHub-Delivery` was recorded before (a redelivery). */
export async function recordDelivery(db: Database, delivery: NewDelivery) {
  const [row] = await db
    .insert(webhookDeliveries)
    .values({ ...delivery, note: delivery.note ?? null })
    .onConflictDoNothing({ target: webhookDeliveries.deliveryId })
    .returning({ id: webhookDeliveries.id });
  return row ?? null;
}

export async function setDeliveryStatus(db: Database, id: number, status: string, note: string | null = null) {
  await db.update(webhookDeliveries).set({ status, note }).where(eq(webhookDeliveries.id, id));
}

export async function getDelivery(db: Database, id: number) {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).limit(1);
  return row ?? null;
}

/** The newest delivery about a pull request: its head sha is the one to audit. */
export async function latestPullDelivery(db: Database, repository: string, pullNumber: number) {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(sql`lower(${webhookDeliveries.repository})`, repository.toLowerCase()),
        eq(webhookDeliveries.pullNumber, pullNumber),
        isNotNull(webhookDeliveries.task),
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(1);
  return row ?? null;
}

/**
 * After a PR audit of delivery `auditedId`: that delivery gets `status`, and the PR's earlier ones that
 * were still queued are covered by it (coalesced), in one statement.
 */
export async function settlePullDeliveries(
  db: Database,
  repository: string,
  pullNumber: number,
  auditedId: number,
  status: string,
  note: string,
) {
  await db
    .update(webhookDeliveries)
    .set({
      status: sql`case when ${webhookDeliveries.id} = ${auditedId} then ${status} else 'coalesced' end`,
      note: sql`case when ${webhookDeliveries.id} = ${auditedId} then ${note} else 'covered by a later PR audit' end`,
    })
    .where(
      and(
        eq(sql`lower(${webhookDeliveries.repository})`, repository.toLowerCase()),
        eq(webhookDeliveries.pullNumber, pullNumber),
        lte(webhookDeliveries.id, auditedId),
        eq(webhookDeliveries.status, "queued"),
      ),
    );
}

/** Deliveries recorded before `before` and never worked: the sweep enqueues them again. */
export async function staleQueuedDeliveries(db: Database, before: Date, limit = 500) {
  return db
    .select({
      id: webhookDeliveries.id,
      event: webhookDeliveries.event,
      repository: webhookDeliveries.repository,
      pullNumber: webhookDeliveries.pullNumber,
      task: webhookDeliveries.task,
    })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, "queued"), lt(webhookDeliveries.receivedAt, before)))
    .orderBy(webhookDeliveries.receivedAt)
    .limit(limit);
}

/**
 * Takes the PR's lock for `holder` (true), or, when a live holder has it, marks it dirty so the
 * holder audits again before letting go (false). One atomic statement.
 */
export async function acquirePullLock(db: Database, key: string, holder: string, leaseMs: number): Promise<boolean> {
  const until = sql`now() + ${`${Math.round(leaseMs)} milliseconds`}::interval`;
  const lapsed = sql`${pullRequestLocks.leaseUntil} < now()`;
  const [row] = await db
    .insert(pullRequestLocks)
    .values({ key, holder, dirty: false, leaseUntil: until })
    .onConflictDoUpdate({
      target: pullRequestLocks.key,
      set: {
        holder: sql`case when ${lapsed} then excluded.holder else ${pullRequestLocks.holder} end`,
        leaseUntil: sql`case when ${lapsed} then excluded.lease_until else ${pullRequestLocks.leaseUntil} end`,
        dirty: sql`not (${lapsed})`,
      },
    })
    .returning({ holder: pullRequestLocks.holder });
  return row?.holder === holder;
}

/**
 * Lets go of the PR's lock: "released", or "again" when a delivery arrived meanwhile (the lock
 * is kept, clean, for one more run), or "lost" when the lease lapsed and another took it.
 */
export async function releasePullLock(
  db: Database,
  key: string,
  holder: string,
  leaseMs: number,
): Promise<"released" | "again" | "lost"> {
  const deleted = await db
    .delete(pullRequestLocks)
    .where(and(eq(pullRequestLocks.key, key), eq(pullRequestLocks.holder, holder), eq(pullRequestLocks.dirty, false)))
    .returning({ key: pullRequestLocks.key });
  if (deleted.length) return "released";
  const kept = await db
    .update(pullRequestLocks)
    .set({ dirty: false, leaseUntil: sql`now() + ${`${Math.round(leaseMs)} milliseconds`}::interval` })
    .where(and(eq(pullRequestLocks.key, key), eq(pullRequestLocks.holder, holder)))
    .returning({ key: pullRequestLocks.key });
  return kept.length ? "again" : "lost";
}

/** For the Settings page: do webhooks arrive? */
export async function lastDelivery(db: Database) {
  const [row] = await db
    .select({
      deliveryId: webhookDeliveries.deliveryId,
      event: webhookDeliveries.event,
      action: webhookDeliveries.action,
      status: webhookDeliveries.status,
      receivedAt: webhookDeliveries.receivedAt,
    })
    .from(webhookDeliveries)
    .orderBy(desc(webhookDeliveries.id))
    .limit(1);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(webhookDeliveries);
  return { last: row ?? null, total: count?.n ?? 0 };
}

export async function installationKnown(db: Database, installationId: number): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`1` })
    .from(installationRepositories)
    .where(eq(installationRepositories.installationId, installationId))
    .limit(1);
  return row !== undefined;
}

export async function installationCovers(db: Database, installationId: number, fullName: string) {
  const [row] = await db
    .select()
    .from(installationRepositories)
    .where(
      and(
        eq(installationRepositories.installationId, installationId),
        eq(installationRepositories.fullName, fullName.toLowerCase()),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function addInstallationRepository(
  db: Database,
  row: {
    installationId: number;
    fullName: string;
    githubId: number | null;
    repositoryId: number;
    connectedByApp: boolean;
  },
) {
  await db
    .insert(installationRepositories)
    .values({ ...row, fullName: row.fullName.toLowerCase() })
    .onConflictDoUpdate({
      target: [installationRepositories.installationId, installationRepositories.fullName],
      set: { repositoryId: row.repositoryId, githubId: row.githubId },
    });
}

/**
 * Forgets a repository for an installation; the repository itself goes too when the App had
 * connected it and no other installation still covers it. Returns whether it was deleted.
 */
export async function removeInstallationRepository(db: Database, installationId: number, fullName: string) {
  const key = fullName.toLowerCase();
  const [gone] = await db
    .delete(installationRepositories)
    .where(and(eq(installationRepositories.installationId, installationId), eq(installationRepositories.fullName, key)))
    .returning();
  if (!gone?.repositoryId || !gone.connectedByApp) return false;
  const [other] = await db
    .select({ n: sql<number>`1` })
    .from(installationRepositories)
    .where(eq(installationRepositories.fullName, key))
    .limit(1);
  if (other) return false;
  await db.delete(repositories).where(eq(repositories.id, gone.repositoryId));
  return true;
}

export async function installationRepositoryNames(db: Database, installationId: number): Promise<string[]> {
  const rows = await db
    .select({ fullName: installationRepositories.fullName })
    .from(installationRepositories)
    .where(eq(installationRepositories.installationId, installationId));
  return rows.map((r) => r.fullName);
}

export type NewPrAudit = typeof prAudits.$inferInsert;

export async function insertPrAudit(db: Database, row: NewPrAudit) {
  const [inserted] = await db.insert(prAudits).values(row).returning();
  return inserted;
}

/** What the bot last knew of its comment on a PR (undefined: never audited this PR). */
export async function knownComment(db: Database, repositoryId: number, number: number) {
  const [row] = await db
    .select({ commentId: prAudits.commentId, hash: prAudits.commentHash })
    .from(prAudits)
    .where(and(eq(prAudits.repositoryId, repositoryId), eq(prAudits.number, number), eq(prAudits.status, "succeeded")))
    .orderBy(desc(prAudits.id))
    .limit(1);
  return row;
}

/** The PR's newest audit that succeeded: which head and base it saw. */
export async function lastPrAudit(db: Database, repositoryId: number, number: number) {
  const [row] = await db
    .select({ headSha: prAudits.headSha, baseSha: prAudits.baseSha })
    .from(prAudits)
    .where(and(eq(prAudits.repositoryId, repositoryId), eq(prAudits.number, number), eq(prAudits.status, "succeeded")))
    .orderBy(desc(prAudits.id))
    .limit(1);
  return row;
}

/** The scorecard's "recent pull requests": the latest audit of each PR, newest first. */
export async function recentPrAudits(db: Database, repositoryId: number, limit = 10) {
  const rows = await db
    .selectDistinctOn([prAudits.number], {
      id: prAudits.id,
      number: prAudits.number,
      title: prAudits.title,
      headSha: prAudits.headSha,
      headRepository: prAudits.headRepository,
      baseRef: prAudits.baseRef,
      status: prAudits.status,
      conclusion: prAudits.conclusion,
      newFindings: prAudits.newFindings,
      resolvedFindings: prAudits.resolvedFindings,
      scoreBefore: prAudits.scoreBefore,
      scoreAfter: prAudits.scoreAfter,
      levelBefore: prAudits.levelBefore,
      levelAfter: prAudits.levelAfter,
      commentAction: prAudits.commentAction,
      createdAt: prAudits.createdAt,
    })
    .from(prAudits)
    .where(eq(prAudits.repositoryId, repositoryId))
    .orderBy(prAudits.number, desc(prAudits.id));
  return rows.sort((a, b) => b.id - a.id).slice(0, limit);
}

export type RecentPrAudit = Awaited<ReturnType<typeof recentPrAudits>>[number];

/** The PRs audited at this head sha: a check_run rerequest from a fork PR names none itself. */
export async function pullNumbersAtHead(db: Database, repositoryId: number, headSha: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ number: prAudits.number })
    .from(prAudits)
    .where(and(eq(prAudits.repositoryId, repositoryId), eq(prAudits.headSha, headSha)));
  return rows.map((r) => r.number);
}
