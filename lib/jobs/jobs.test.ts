import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAcme } from "../../github-double/seed";
import { type GitHubDouble, startGitHubDouble } from "../../github-double/server";
import type { DatabaseHandle } from "../db/client";
import { getAuditProgress } from "../db/queries/dashboard";
import { openTestDatabase } from "../db/test-database";
import { env } from "../env";
import { createGitHubClient, memoryCache } from "../sources/github/index";
import { startWorker } from "../workers/audit-worker";
import { createBoss, QUEUES } from "./boss";
import { addRepository, enqueueAudit } from "./queue";

const NOW = new Date("2026-11-20T12:00:00Z");
let handle: DatabaseHandle & { url?: string };
let double: GitHubDouble;
let boss: PgBoss;

beforeAll(async () => {
  handle = await openTestDatabase();
  double = await startGitHubDouble({ world: seedAcme({ now: NOW }) });
  boss = await createBoss(handle, { url: handle.url });
});
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await double?.close();
  await handle?.close();
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe(`durable audit jobs (pg-boss on ${env().DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("queues one audit per repository: a second request joins the queued one", async () => {
    const first = await addRepository(handle.db, boss, { owner: "acme", name: "edge-router" });
    expect(first.created).toBe(true);
    const again = await addRepository(handle.db, boss, { owner: "ACME", name: "edge-router" });
    expect(again.audit.id).toBe(first.audit.id);
    const manual = await enqueueAudit(handle.db, boss, first.repository.id, "manual");
    expect(manual).toMatchObject({ queued: false });
    expect(manual.audit.id).toBe(first.audit.id);
    expect(await boss.getQueueSize(QUEUES.audit)).toBe(1);
    expect(first.repository.historyStatus).toBe("queued");
  });

  it("runs queued audits and the history backfill in a worker, surviving in the database until then", async () => {
    const client = createGitHubClient({
      baseUrl: double.url,
      auth: { type: "token", token: "t-jobs" },
      retryBaseMs: 10,
    });
    await startWorker(
      boss,
      { db: handle.db, client, now: () => NOW, cache: memoryCache() },
      { pollingIntervalSeconds: 0.5, concurrency: 1 },
    );
    const [row] = await handle.db.query.audits.findMany({ limit: 1 });
    if (!row) throw new Error("no audit queued");
    const progress = await until(
      () => getAuditProgress(handle.db, row.id),
      (p) => p?.status === "succeeded" && p.history.status === "done",
    );
    expect(progress).toMatchObject({
      status: "succeeded",
      phase: "done",
      history: { status: "done", done: 25, total: 25 },
    });
    const schedules = await boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron])).toEqual([[QUEUES.sweep, "0 3 * * *"]]);
  });
});
