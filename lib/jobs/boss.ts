import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import type { DatabaseHandle } from "../db/client";

/**
 * pg-boss on either database. On a server it opens its own small pool from the connection URL
 * (several web and worker processes share the queue through SKIP LOCKED). On the embedded PGlite
 * there is no server to connect to: pg-boss gets an `executeSql` backed by the PGlite instance the
 * app already holds (PGlite runs SKIP LOCKED and advisory locks like PostgreSQL; its single
 * connection serialises the statements, which is fine for the single process PGlite allows).
 */

export const QUEUES = {
  audit: "audit",
  history: "history",
  sweep: "audit-sweep",
  /** The PR bot (lib/webhooks, lib/workers): installation, push, deployment and check_run events. */
  webhook: "webhook",
  /**
   * PR audits, singleton key `owner/name#number`: at most one queued per PR (`short`). One audit
   * per PR at a time is the PR lock's job (lib/workers/pr-audit-job.ts), not the queue's: a `stately`
   * queue refuses to start a PR's second job while its first runs, and pg-boss's fetch then
   * returns nothing at all, stalling every other PR behind it.
   */
  prAudit: "pr-audit",
} as const;

export interface BossOptions {
  /** The PostgreSQL URL (required when the handle is a server database). */
  url?: string;
  /** Seconds between polls for new jobs (default 2). */
  pollingIntervalSeconds?: number;
}

/** The PGlite instance drizzle wraps (drizzle keeps the driver client as `$client`). */
function pgliteOf(handle: DatabaseHandle): PGlite {
  const client = (handle.db as unknown as { $client?: PGlite }).$client;
  if (!client) throw new Error("the embedded database handle has no PGlite client");
  return client;
}

/** pg-boss's `db` contract: `executeSql(text, values)` answering `{ rows }`. */
export function pgliteExecutor(pg: PGlite) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      // PGlite's `query` takes one statement with parameters; pg-boss's migrations are
      // multi-statement scripts without parameters, which `exec` runs.
      if (values && values.length > 0) return pg.query(text, values);
      const results = await pg.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
  };
}

export async function createBoss(handle: DatabaseHandle, options: BossOptions = {}): Promise<PgBoss> {
  const common = { schema: "pgboss", migrate: true, supervise: true, schedule: true } as const;
  const boss =
    handle.driver === "pglite"
      ? new PgBoss({ ...common, db: pgliteExecutor(pgliteOf(handle)) })
      : new PgBoss({ ...common, connectionString: requireUrl(options.url), max: 4 });
  boss.on("error", (error: unknown) => console.error("[jobs]", error));
  await boss.start();
  await ensureQueues(boss);
  return boss;
}

function requireUrl(url: string | undefined): string {
  if (!url) throw new Error("pg-boss on PostgreSQL needs the database URL");
  return url;
}

/** Queues and their policies; idempotent, every process runs it at start. */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  const queues = await boss.getQueues();
  const existing = new Set(queues.map((q) => q.name));
  // `stately`: per singleton key (the repository) at most one job queued and one active, so a
  // repository is audited by one worker at a time and repeated clicks coalesce.
  const retry = { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 };
  const wanted: [string, PgBoss.Queue["policy"]][] = [
    [QUEUES.audit, "stately"],
    [QUEUES.history, "stately"],
    [QUEUES.sweep, "singleton"],
    [QUEUES.webhook, "standard"],
    [QUEUES.prAudit, "short"],
  ];
  const policies = new Map(queues.map((q) => [q.name, q.policy]));
  for (const [name, policy] of wanted) {
    if (!existing.has(name)) await boss.createQueue(name, { name, policy, ...retry });
    // A queue created by an earlier version with another policy (pr-audit was `stately`).
    else if (policies.get(name) !== policy) await boss.updateQueue(name, { name, policy });
  }
}
