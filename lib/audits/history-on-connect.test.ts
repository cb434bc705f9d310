import { eq } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAcme } from "../../github-double/seed";
import { type GitHubDouble, startGitHubDouble } from "../../github-double/server";
import type { DatabaseHandle } from "../db/client";
import { getAuditProgress, listRepositorySummaries } from "../db/queries/dashboard";
import { upsertRepository } from "../db/queries/repositories";
import { audits } from "../db/schema";
import { openTestDatabase } from "../db/test-database";
import { createBoss } from "../jobs/boss";
import { addRepository } from "../jobs/queue";
import { createGitHubClient, memoryCache } from "../sources/github/index";
import { startWorker } from "../workers/audit-worker";
import { BACKFILL_WEEKS, runHistoryBackfill } from "./backfill";

/**
 * History on connect, through the queue and the GitHub double: adding a repository fills its
 * 26-week trend (the live audit plus 25 weekly points), shows the backfill's progress while it
 * runs, and spends no more GitHub requests than the live audit plus the backfill's budget.
 */

const NOW = new Date("2026-11-20T12:00:00Z");
const BUDGET = 120;
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

function deps() {
  const client = createGitHubClient({
    baseUrl: double.url,
    auth: { type: "token", token: "t-history" },
    retryBaseMs: 10,
    maxRetries: 1,
  });
  return { db: handle.db, client, now: () => NOW, cache: memoryCache(), timeoutMs: 30_000 };
}

describe("history on connect", () => {
  it("fills 26 weekly points with visible progress, within the request budget", async () => {
    const before = double.requestCount;
    const { repository, audit } = await addRepository(handle.db, boss, { owner: "acme", name: "edge-router" });
    // Trees answer slowly, like a large repository on GitHub: the backfill takes long enough to watch.
    double.inject({ fault: { kind: "slow", delayMs: 60 }, path: "/git/trees/" });
    await startWorker(boss, deps(), { pollingIntervalSeconds: 0.5, concurrency: 1 });

    const seen: number[] = [];
    const end = Date.now() + 120_000;
    for (;;) {
      const progress = await getAuditProgress(handle.db, audit.id);
      if (progress?.history.status === "running" && seen[seen.length - 1] !== progress.history.done)
        seen.push(progress.history.done);
      if ((progress?.status === "succeeded" && progress.history.status === "done") || Date.now() > end) {
        expect(progress).toMatchObject({
          status: "succeeded",
          history: { status: "done", done: BACKFILL_WEEKS, total: BACKFILL_WEEKS },
        });
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    double.clearFaults();
    // Progress moved week by week where the UI polls it, never backwards.
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    const rows = await handle.db.select().from(audits).where(eq(audits.repositoryId, repository.id));
    expect(rows.filter((row) => row.trigger === "connect")).toHaveLength(1);
    expect(rows.filter((row) => row.trigger === "history")).toHaveLength(BACKFILL_WEEKS);
    expect(rows.every((row) => row.status === "succeeded")).toBe(true);
    const summary = (await listRepositorySummaries(handle.db, { now: NOW })).find((r) => r.id === repository.id);
    expect(summary?.trend).toHaveLength(BACKFILL_WEEKS + 1);

    const live = rows.find((row) => row.trigger === "connect");
    const spent = double.requestCount - before;
    expect(live?.requests).toBeGreaterThan(0);
    expect(spent).toBeGreaterThan(live?.requests ?? 0);
    expect(spent).toBeLessThanOrEqual((live?.requests ?? 0) + BUDGET);
  });

  it("counts every request it makes against the budget, and stops reading trees when it runs out", async () => {
    const repo = await upsertRepository(handle.db, { owner: "acme", name: "storefront" });
    if (!repo) throw new Error("no repository");
    const before = double.requestCount;
    const tight = await runHistoryBackfill(deps(), repo.id, { maxRequests: 15 });
    expect(tight.requests).toBe(double.requestCount - before);
    // The head snapshot is read whatever the budget; past it no further tree is fetched.
    expect(double.requestCount - before).toBeLessThanOrEqual(15 + 10);
    expect(tight.audited + tight.skipped).toBe(BACKFILL_WEEKS);
    expect(tight.audited).toBe(BACKFILL_WEEKS);
    const stored = await handle.db.select().from(audits).where(eq(audits.repositoryId, repo.id));
    expect(stored.filter((row) => row.trigger === "history")).toHaveLength(tight.audited);
  });
});
