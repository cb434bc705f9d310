import type PgBoss from "pg-boss";
import { githubClientFromEnv, processEtagCache } from "../audits/github";
import { botDepsFromEnv } from "../bot/app-client";
import { type Database, getDatabaseHandle } from "../db/client";
import { env } from "../env";
import { createBoss } from "./boss";
import { startBotWorker } from "./bot-worker";
import { startWorker, type WorkerOptions } from "./worker";

/**
 * The process-wide queue, kept on globalThis like the database (Next reloads modules; a second
 * pg-boss on the same PGlite would poll twice).
 */

export interface Jobs {
  db: Database;
  boss: PgBoss;
}

const JOBS_KEY = Symbol.for("parity.jobs");
const WORKER_KEY = Symbol.for("parity.worker");
type Holder = typeof globalThis & { [JOBS_KEY]?: Promise<Jobs>; [WORKER_KEY]?: Promise<void> };

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

/** Starts this process's worker once (the web process and `npm run worker` both call it). */
export function startProcessWorker(options: WorkerOptions = {}): Promise<void> {
  const holder = globalThis as Holder;
  holder[WORKER_KEY] ??= (async () => {
    const { db, boss } = await getJobs();
    await startWorker(boss, { db, client: githubClientFromEnv(), cache: processEtagCache() }, options);
    const bot = botDepsFromEnv(db);
    if (bot) await startBotWorker(boss, { ...bot, cache: processEtagCache() }, options);
  })();
  return holder[WORKER_KEY];
}

/** Stops the queue gracefully: running jobs finish, queued ones stay for the next start. */
export async function stopJobs(): Promise<void> {
  const holder = globalThis as Holder;
  const jobs = holder[JOBS_KEY];
  if (!jobs) return;
  delete holder[JOBS_KEY];
  delete holder[WORKER_KEY];
  await (await jobs).boss.stop({ graceful: true, wait: true, timeout: 30_000 });
}
