import type PgBoss from "pg-boss";
import { type Database, getDatabaseHandle } from "../db/client";
import { env } from "../env";
import { createBoss } from "./boss";

/**
 * The process-wide queue, kept on globalThis like the database (Next reloads modules; a second
 * pg-boss on the same PGlite would poll twice). Route handlers send jobs through it; the
 * process's workers (lib/workers/start.ts) work them.
 */

export interface Jobs {
  db: Database;
  boss: PgBoss;
}

const JOBS_KEY = Symbol.for("parity.jobs");
type Holder = typeof globalThis & { [JOBS_KEY]?: Promise<Jobs> };

export function getJobs(): Promise<Jobs> {
  const holder = globalThis as Holder;
  holder[JOBS_KEY] ??= (async () => {
    const handle = await getDatabaseHandle();
    const boss = await createBoss(handle, { url: env().DATABASE_URL });
    return { db: handle.db, boss };
  })().catch((error: unknown) => {
    delete holder[JOBS_KEY];
    throw error;
  });
  return holder[JOBS_KEY];
}

/** Stops the queue gracefully: running jobs finish, queued ones stay for the next start. */
export async function stopJobs(): Promise<void> {
  const holder = globalThis as Holder;
  const jobs = holder[JOBS_KEY];
  if (!jobs) return;
  delete holder[JOBS_KEY];
  await (await jobs).boss.stop({ graceful: true, wait: true, timeout: 30_000 });
}
