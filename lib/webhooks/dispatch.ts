import type PgBoss from "pg-boss";
import { enqueuePrAudit, enqueueWebhookJob, type PrAuditJob, prAuditKey, type WebhookJob } from "../jobs/bot-queue";

/**
 * Turns recorded deliveries into jobs, after the webhook has been answered. The delivery row is
 * the durable record (status `queued` until a job works it); the job is sent here, a moment
 * later, so the acknowledgement costs one statement. A burst of deliveries for one pull request
 * coalesces into one send (the job audits the PR's newest delivery whenever it runs). If the
 * process dies before a send, the worker's sweep (lib/workers/bot-worker.ts) finds the row still
 * `queued` and sends it then.
 */

export interface Dispatcher {
  /** A delivery for a pull request: one PR-audit job per PR per flush. */
  pull(job: PrAuditJob): void;
  /** Any other routed delivery: one webhook job each. */
  delivery(job: WebhookJob): void;
  /** Sends everything pending now (tests and shutdown). */
  flush(): Promise<void>;
}

export interface DispatcherOptions {
  /** How long deliveries gather before a send (default 50 ms). */
  delayMs?: number;
  /** Wait before sending again after the queue failed (default 1 s). */
  retryMs?: number;
}

export function createDispatcher(boss: () => Promise<PgBoss>, options: DispatcherOptions = {}): Dispatcher {
  const delayMs = options.delayMs ?? 50;
  const retryMs = options.retryMs ?? 1000;
  const pulls = new Map<string, PrAuditJob>();
  const deliveries: WebhookJob[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  function schedule(ms: number): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, ms);
    // Pending sends never keep a process alive: the sweep covers what a shutdown drops.
    timer.unref();
  }

  async function sendAll(): Promise<void> {
    const queue = await boss();
    const jobs = [...pulls.values()];
    pulls.clear();
    const others = deliveries.splice(0);
    const failed: { pulls: PrAuditJob[]; others: WebhookJob[] } = { pulls: [], others: [] };
    for (const job of jobs) {
      // `null` means a job for this PR is queued already: it will read this delivery.
      await enqueuePrAudit(queue, job).catch(() => failed.pulls.push(job));
    }
    for (const job of others) await enqueueWebhookJob(queue, job).catch(() => failed.others.push(job));
    if (!failed.pulls.length && !failed.others.length) return;
    console.error(`[webhooks] could not enqueue ${failed.pulls.length + failed.others.length} job(s); retrying`);
    for (const job of failed.pulls) {
      const key = prAuditKey(job.repository, job.number);
      if (!pulls.has(key)) pulls.set(key, job);
    }
    deliveries.push(...failed.others);
    schedule(retryMs);
  }

  async function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    // One flush at a time; what arrives meanwhile waits for the next.
    while (running) await running;
    if (!pulls.size && !deliveries.length) return;
    running = sendAll()
      .catch((error: unknown) => {
        console.error("[webhooks] the job queue is unavailable; retrying", error);
        schedule(retryMs);
      })
      .finally(() => {
        running = null;
      });
    await running;
  }

  return {
    pull(job) {
      const key = prAuditKey(job.repository, job.number);
      // A forced audit (check_run rerequested) stays forced when a plain delivery follows it.
      pulls.set(key, pulls.get(key)?.force ? { ...job, force: true } : job);
      schedule(delayMs);
    },
    delivery(job) {
      deliveries.push(job);
      schedule(delayMs);
    },
    flush,
  };
}

const GLOBAL_KEY = Symbol.for("parity.webhook-dispatcher");
type Holder = typeof globalThis & { [GLOBAL_KEY]?: Dispatcher };

/** The process's dispatcher (kept on globalThis: Next reloads modules, timers must not double). */
export function processDispatcher(boss: () => Promise<PgBoss>): Dispatcher {
  const holder = globalThis as Holder;
  holder[GLOBAL_KEY] ??= createDispatcher(boss);
  return holder[GLOBAL_KEY];
}
