import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { eq, inArray, type SQL, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAcme } from "../../github-double/seed";
import { type GitHubDouble, startGitHubDouble } from "../../github-double/server";
import type { DatabaseHandle } from "../db/client";
import { startAudit } from "../db/queries/audits";
import { upsertRepository } from "../db/queries/repositories";
import { audits, repositories } from "../db/schema";
import { openTestDatabase } from "../db/test-database";
import { env } from "../env";
import { createGitHubClient, memoryCache } from "../sources/github/index";
import { startWorker } from "../workers/audit-worker";
import { createBoss, QUEUES } from "./boss";
import { type AuditJob, enqueueAudit, enqueueSweep } from "./queue";

/**
 * What makes audits durable: a queued audit survives its process, a worker that dies mid-audit is
 * replaced, failures come back with backoff, and several `npm run worker` processes on one
 * PostgreSQL run each audit exactly once.
 */

const NOW = new Date("2026-11-20T12:00:00Z");
const onServer = Boolean(env().DATABASE_URL);
let handle: DatabaseHandle & { url?: string };
let double: GitHubDouble;
const bosses: PgBoss[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  double = await startGitHubDouble({ world: seedAcme({ now: NOW }) });
});
afterAll(async () => {
  for (const boss of bosses) await boss.stop({ graceful: false, wait: true });
  await double?.close();
  await handle?.close();
});

async function newBoss(): Promise<PgBoss> {
  const boss = await createBoss(handle, { url: handle.url });
  bosses.push(boss);
  return boss;
}

function deps() {
  const client = createGitHubClient({
    baseUrl: double.url,
    auth: { type: "token", token: "t-durable" },
    retryBaseMs: 10,
    maxRetries: 0,
  });
  return { db: handle.db, client, now: () => NOW, cache: memoryCache(), timeoutMs: 20_000 };
}

async function repository(name: string) {
  const repo = await upsertRepository(handle.db, { owner: "acme", name });
  if (!repo) throw new Error(`no repository ${name}`);
  return repo;
}

async function auditRow(id: number) {
  const [row] = await handle.db.select().from(audits).where(eq(audits.id, id));
  if (!row) throw new Error(`audit ${id} is gone`);
  return row;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Rows of a raw statement on either driver (postgres.js answers an array, PGlite `{ rows }`). */
async function rowsOf<T>(query: SQL): Promise<T[]> {
  const result = (await handle.db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

const FAST = { pollingIntervalSeconds: 0.5, concurrency: 1 } as const;

describe(`durable audits (pg-boss on ${onServer ? "PostgreSQL" : "PGlite"})`, () => {
  it("keeps a queued audit when its process stops before any worker picks it up", async () => {
    const repo = await repository("storefront");
    const first = await newBoss();
    const { audit, queued } = await enqueueAudit(handle.db, first, repo.id, "manual");
    expect(queued).toBe(true);
    await first.stop({ graceful: false, wait: true });

    const second = await newBoss();
    expect(await second.getQueueSize(QUEUES.audit)).toBe(1);
    await startWorker(second, deps(), FAST);
    const done = await until(
      () => auditRow(audit.id),
      (row) => row.status === "succeeded",
    );
    expect(done).toMatchObject({ status: "succeeded", attempts: 1 });
    await second.stop({ graceful: true, wait: true });
  });

  it("retries an audit whose worker died mid-way once the job expires", async () => {
    const repo = await repository("ledger");
    const first = await newBoss();
    const { audit } = await enqueueAudit(handle.db, first, repo.id, "manual");
    const [job] = await first.fetch<AuditJob>(QUEUES.audit);
    expect(job?.data.auditId).toBe(audit.id);
    if (!job) return;
    // The worker began (the audit shows running), then its process died without finishing.
    await startAudit(handle.db, audit.id, NOW);
    await first.stop({ graceful: false, wait: true });
    expect((await auditRow(audit.id)).status).toBe("running");

    // 16 minutes later, past the 15-minute expiry, another process's maintenance finds the job.
    await handle.db.execute(sql`update pgboss.job set started_on = now() - interval '16 minutes' where id = ${job.id}`);
    const second = await newBoss();
    await second.maintain();
    expect((await second.getJobById(QUEUES.audit, job.id))?.state).toBe("retry");
    // The retry's backoff delay has passed too.
    await handle.db.execute(sql`update pgboss.job set start_after = now() where id = ${job.id}`);
    await startWorker(second, deps(), FAST);
    const done = await until(
      () => auditRow(audit.id),
      (row) => row.status === "succeeded",
    );
    expect(done).toMatchObject({ status: "succeeded", attempts: 2 });
    await second.stop({ graceful: true, wait: true });
  });

  it("hands a retryable failure back to the queue, which retries it later with exponential backoff", async () => {
    const boss = await newBoss();
    const queue = await boss.getQueue(QUEUES.audit);
    expect(queue).toMatchObject({ policy: "stately", retryLimit: 3, retryDelay: 30, retryBackoff: true });

    const repo = await repository("checkout-api");
    double.inject({ fault: { kind: "status", status: 502 }, path: "/git/trees/" });
    const { audit } = await enqueueAudit(handle.db, boss, repo.id, "manual");
    await startWorker(boss, deps(), FAST);
    const failed = await until(
      () => auditRow(audit.id),
      (row) => row.attempts === 1 && row.status === "queued" && row.errorCode === "upstream",
    );
    double.clearFaults();
    expect(failed).toMatchObject({ status: "queued", errorCode: "upstream", attempts: 1 });
    expect(failed.error).toContain("(retrying)");
    const [row] = await until(
      () =>
        rowsOf<{ id: string; state: string; retry_count: number; wait: number }>(
          sql`select id, state, retry_count, extract(epoch from start_after - now())::float8 as wait from pgboss.job where name = ${QUEUES.audit} and singleton_key = ${String(repo.id)}`,
        ),
      (rows) => rows[0]?.state === "retry",
    );
    // pg-boss counts the retry when it starts it: still 0 while it waits.
    expect(row).toMatchObject({ state: "retry", retry_count: 0 });
    // First retry: 30 s base delay with backoff (pg-boss adds jitter), never at once.
    expect(Number(row?.wait)).toBeGreaterThan(10);
    await boss.stop({ graceful: true, wait: true });
    await handle.db.execute(sql`delete from pgboss.job where id = ${row?.id ?? ""}`);
  });

  it("the daily sweep queues one scheduled audit per repository, joining any already queued", async () => {
    const boss = await newBoss();
    await handle.db.delete(repositories);
    const a = await repository("billing");
    await repository("brand-assets");
    const manual = await enqueueAudit(handle.db, boss, a.id, "manual");
    expect(await enqueueSweep(handle.db, boss)).toBe(1);
    const rows = await handle.db
      .select()
      .from(audits)
      .where(inArray(audits.status, ["queued", "running"]));
    expect(rows.map((r) => r.trigger).sort()).toEqual(["manual", "schedule"]);
    expect(rows.find((r) => r.repositoryId === a.id)?.id).toBe(manual.audit.id);
    expect(await boss.getQueueSize(QUEUES.audit)).toBe(2);
    await handle.db.execute(sql`delete from pgboss.job where name = ${QUEUES.audit}`);
    await handle.db.delete(repositories);
    await boss.stop({ graceful: false, wait: true });
  });
});

describe.runIf(onServer)("npm run worker: extra worker processes sharing the PostgreSQL queue", () => {
  const workers: ChildProcess[] = [];
  afterAll(async () => {
    await Promise.all(
      workers.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null) resolve(null);
            child.once("exit", resolve);
            child.kill("SIGTERM");
          }),
      ),
    );
  });

  it("two workers run every queued audit exactly once, and one repository is never queued twice", async () => {
    const boss = await newBoss();
    const names = ["storefront", "checkout-api", "ledger", "edge-router", "billing", "brand-assets"];
    const ids: number[] = [];
    for (const name of names) {
      const repo = await repository(name);
      // Two processes asking at the same moment for the same repository: one audit.
      const other = await newBoss();
      const [left, right] = await Promise.all([
        enqueueAudit(handle.db, boss, repo.id, "manual"),
        enqueueAudit(handle.db, other, repo.id, "manual"),
      ]);
      expect(left.audit.id).toBe(right.audit.id);
      ids.push(left.audit.id);
      await other.stop({ graceful: false, wait: true });
    }
    expect(await boss.getQueueSize(QUEUES.audit)).toBe(names.length);

    const root = path.resolve(import.meta.dirname, "../..");
    for (let i = 0; i < 2; i += 1) {
      const child = spawn(process.execPath, ["scripts/worker.mjs"], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: handle.url, GITHUB_API_URL: double.url, GITHUB_TOKEN: "t-workers" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      workers.push(child);
    }
    const rows = await until(
      () => handle.db.select().from(audits).where(inArray(audits.id, ids)),
      (list) => list.every((row) => row.status === "succeeded"),
      150_000,
    );
    expect(rows.map((row) => row.status)).toEqual(ids.map(() => "succeeded"));
    // `attempts` counts every start of an audit: a job run by both workers would show 2.
    expect(rows.map((row) => row.attempts)).toEqual(ids.map(() => 1));
    const jobs = await rowsOf<{ state: string; retry_count: number }>(
      sql`select state, retry_count from pgboss.job where name = ${QUEUES.audit}`,
    );
    expect(jobs.map((job) => [job.state, job.retry_count])).toEqual(ids.map(() => ["completed", 0]));
    await boss.stop({ graceful: false, wait: true });
  }, 200_000);
});
