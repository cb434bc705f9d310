import { githubClientFromEnv, processEtagCache } from "../audits/github";
import { appSettings, installationClients, writeSpacing } from "../bot/app-client";
import type { CheckGate } from "../bot/check-run";
import { env, githubWebUrl } from "../env";
import { getJobs, stopJobs } from "../jobs/runtime";
import { startWorker, type WorkerOptions } from "./audit-worker";
import { startBotWorker } from "./bot-worker";
import type { BotDeps } from "./pr-audit";

/**
 * This process's workers, wired from the environment: the audit queues always, the PR bot's when
 * the GitHub App is configured. The web process (instrumentation-node.ts) and `npm run worker`
 * (worker-process.ts) both start them, once per process.
 */

const WORKER_KEY = Symbol.for("parity.worker");
type Holder = typeof globalThis & { [WORKER_KEY]?: Promise<void> };

/** The bot's dependencies from the environment, or null when the App is not configured. */
export function botDepsFromEnv(db: BotDeps["db"]): Omit<BotDeps, "cache"> | null {
  const app = appSettings();
  if (!app) return null;
  const settings = env();
  return {
    db,
    appClient: installationClients(
      settings.GITHUB_API_URL,
      app,
      writeSpacing(settings.GITHUB_API_URL, settings.GITHUB_WRITE_INTERVAL_MS),
    ),
    gate: settings.PARITY_CHECK_FAIL_ON satisfies CheckGate,
    // GitHub's web address (GITHUB_URL, else derived from the API's): the comment's links.
    serverUrl: githubWebUrl(settings),
  };
}

/** Starts this process's workers once (the web process and `npm run worker` both call it). */
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

/** Stops the queue gracefully, workers included: running jobs finish, queued ones stay. */
export async function stopProcessWorker(): Promise<void> {
  delete (globalThis as Holder)[WORKER_KEY];
  await stopJobs();
}
