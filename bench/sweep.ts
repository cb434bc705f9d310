/**
 * Org sweep: 1,000 repositories audited against the GitHub double with bounded concurrency, then
 * swept again with nothing changed. Measures what the rate limit sees (requests and points, as
 * counted by the double itself, not self-reported) and the wall time. The double runs in a worker
 * thread, as GitHub runs on other machines. Run alone: `npx tsx bench/sweep.ts [count]`.
 */
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { audit } from "../lib/parity/audit/index";
import { createGitHubClient, type EtagCache, fetchGitHubSnapshot, memoryCache } from "../lib/sources/github/index";
import type { DoubleStats } from "./sweep-double";
import { NOW, SINCE } from "./sweep-org";

export interface SweepPass extends DoubleStats {
  notModified: number;
  failed: number;
  seconds: number;
  /** CPU time of the whole process (auditing side and the double's thread), user + system. */
  cpuSeconds: number;
}

export interface SweepFigures {
  repositories: number;
  concurrency: number;
  seedSeconds: number;
  first: SweepPass;
  second: SweepPass;
}

/** Runs `task` over `items` with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await task(item);
    }
  });
  await Promise.all(workers);
}

async function ask<T>(worker: Worker, type: string): Promise<T> {
  worker.postMessage({ type });
  for (;;) {
    const [message] = (await once(worker, "message")) as [{ type: string } & T];
    if (message.type === type) return message;
  }
}

export async function runSweepBench(count = 1000, concurrency = 16): Promise<SweepFigures> {
  const worker = new Worker(new URL("./sweep-double-boot.mjs", import.meta.url), { workerData: { count } });
  const [ready] = (await once(worker, "message")) as [{ url: string; names: string[]; seedSeconds: number }];
  // One token, one client, as in production. GraphQL spacing is lifted because the double (like
  // GHES by default) has no secondary limits; against api.github.com the default 1 s stays.
  const client = createGitHubClient({
    baseUrl: ready.url,
    auth: { type: "token", token: "sweep-token" },
    writeIntervalMs: 0,
  });
  const cache: EtagCache = memoryCache();

  async function sweep(): Promise<SweepPass> {
    await ask(worker, "reset");
    const started = performance.now();
    const cpu = process.cpuUsage();
    let notModified = 0;
    let failed = 0;
    await pool(ready.names, concurrency, async (name) => {
      try {
        const result = await fetchGitHubSnapshot(client, { owner: "sweep", repo: name, since: SINCE, cache });
        audit(result.snapshot, null, NOW);
        if (result.notModified) notModified += 1;
      } catch (error) {
        failed += 1;
        if (failed <= 3)
          console.error(
            `sweep: ${name}: ${error instanceof Error ? error.message : String(error)}`,
            (error as Error).cause,
          );
      }
    });
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = Math.round((used.user + used.system) / 100_000) / 10;
    const { stats } = await ask<{ stats: DoubleStats }>(worker, "stats");
    return { ...stats, notModified, failed, seconds, cpuSeconds };
  }

  try {
    const first = await sweep();
    const second = await sweep();
    return {
      repositories: ready.names.length,
      concurrency,
      seedSeconds: Math.round(ready.seedSeconds * 10) / 10,
      first,
      second,
    };
  } finally {
    worker.postMessage({ type: "close" });
    await worker.terminate();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await runSweepBench(Number(process.argv[2] ?? 1000));
  console.log(JSON.stringify(figures, null, 2));
}
