import { count, eq } from "drizzle-orm";
import type { Database } from "../client";
import { prAudits, pullRequestLocks, webhookDeliveries } from "../schema";

/**
 * What the webhook bench (bench/webhooks.ts) watches while the bot drains a burst of deliveries:
 * which head each PR audit is of, how many deliveries still wait, how many PR locks are held.
 * Here in lib/db because it reads the bot's tables itself: drizzle stays in lib/db.
 */
export interface WebhookDrainState {
  /** Every PR audit's pull request and the head it audited. */
  audited: { number: number; headSha: string }[];
  queuedDeliveries: number;
  heldLocks: number;
}

export async function webhookDrainState(db: Database): Promise<WebhookDrainState> {
  const audited = await db.select({ number: prAudits.number, headSha: prAudits.headSha }).from(prAudits);
  const [queued] = await db
    .select({ n: count() })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.status, "queued"));
  const [locked] = await db.select({ n: count() }).from(pullRequestLocks);
  return { audited, queuedDeliveries: queued?.n ?? 0, heldLocks: locked?.n ?? 0 };
}

/** PR audits written, whatever their state. */
export async function prAuditCount(db: Database): Promise<number> {
  return db.$count(prAudits);
}
