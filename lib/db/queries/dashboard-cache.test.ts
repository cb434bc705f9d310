import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { openTestDatabase } from "../test-database";
import { sampleReport } from "./__fixtures__/reports";
import { completeAudit, createAudit, failAudit, setHistoryProgress, startAudit } from "./audits";
import { insertPrAudit } from "./bot";
import { getScorecard, listRepositorySummaries } from "./dashboard";
import { cachedOverview, cachedScorecard, createTokenMemo, overviewVersion } from "./dashboard-cache";
import { upsertRepository } from "./repositories";

let handle: DatabaseHandle;
const NOW = new Date("2026-11-20T12:00:00Z");

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe("createTokenMemo", () => {
  it("reuses a value while the token matches and recomputes when it changes", async () => {
    const memo = createTokenMemo<number>(2);
    let calls = 0;
    const compute = async () => ++calls;
    expect(await memo.get("k", "v1", compute, 0)).toBe(1);
    expect(await memo.get("k", "v1", compute, 10)).toBe(1);
    expect(await memo.get("k", "v2", compute, 20)).toBe(2);
    expect(calls).toBe(2);
  });

  it("trusts an entry no longer than its maximum age", async () => {
    const memo = createTokenMemo<number>(2, 100);
    let calls = 0;
    const compute = async () => ++calls;
    await memo.get("k", "v", compute, 0);
    expect(await memo.get("k", "v", compute, 99)).toBe(1);
    expect(await memo.get("k", "v", compute, 100)).toBe(2);
  });

  it("shares one computation between concurrent requests and forgets a failure", async () => {
    const memo = createTokenMemo<number>(2);
    let calls = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 5));
    const [a, b] = await Promise.all([memo.get("k", "v", slow, 0), memo.get("k", "v", slow, 1)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    await expect(memo.get("f", "v", () => Promise.reject(new Error("down")), 0)).rejects.toThrow("down");
    expect(await memo.get("f", "v", async () => 7, 1)).toBe(7);
  });

  it("keeps at most maxEntries keys, dropping the oldest", async () => {
    const memo = createTokenMemo<string>(2);
    for (const key of ["a", "b", "c"]) await memo.get(key, "v", async () => key, 0);
    expect(memo.size).toBe(2);
    let recomputed = false;
    await memo.get("a", "v", async () => {
      recomputed = true;
      return "a";
    });
    expect(recomputed).toBe(true);
  });
});

describe("dashboard versions", () => {
  it("moves the overview's version on every write the overview shows, and only then", async () => {
    const versions = [await overviewVersion(handle.db)];
    const changed = async () => {
      const next = await overviewVersion(handle.db);
      const moved = next !== versions[versions.length - 1];
      versions.push(next);
      return moved;
    };
    expect(await changed()).toBe(false);
    const repo = await upsertRepository(handle.db, { owner: "cache", name: "shop" });
    if (!repo) throw new Error("no repository");
    expect(await changed()).toBe(true);
    const audit = await createAudit(handle.db, { repositoryId: repo.id, trigger: "manual" });
    expect(await changed()).toBe(true);
    await startAudit(handle.db, audit.id, NOW);
    expect(await changed()).toBe(true);
    await completeAudit(handle.db, audit.id, {
      report: sampleReport(),
      requests: 1,
      rateLimitCost: 1,
      finishedAt: NOW,
    });
    expect(await changed()).toBe(true);
    const failing = await createAudit(handle.db, { repositoryId: repo.id, trigger: "manual" });
    await startAudit(handle.db, failing.id, NOW);
    expect(await changed()).toBe(true);
    await failAudit(handle.db, failing.id, { code: "upstream", message: "down" }, NOW);
    expect(await changed()).toBe(true);
    await setHistoryProgress(handle.db, repo.id, { status: "running", done: 1, total: 26 });
    expect(await changed()).toBe(true);
    expect(await changed()).toBe(false);
  });

  it("serves the same rows as the uncached reads, and fresh ones after an audit", async () => {
    const repo = await upsertRepository(handle.db, { owner: "cache", name: "api" });
    if (!repo) throw new Error("no repository");
    const first = await cachedOverview(handle.db, { now: NOW });
    expect(first.summaries).toEqual(await listRepositorySummaries(handle.db, { now: NOW }));
    expect(await cachedOverview(handle.db, { now: NOW })).toBe(first);

    const audit = await createAudit(handle.db, { repositoryId: repo.id, trigger: "manual" });
    await startAudit(handle.db, audit.id, NOW);
    await completeAudit(handle.db, audit.id, {
      report: sampleReport({ scores: { overall: 42, tools: 40, time: 44, personnel: 42 } }),
      requests: 1,
      rateLimitCost: 1,
      finishedAt: NOW,
    });
    const after = await cachedOverview(handle.db, { now: NOW });
    expect(after).not.toBe(first);
    expect(after.summaries.find((row) => row.id === repo.id)?.scoreOverall).toBe(42);

    const scorecard = await cachedScorecard(handle.db, "cache", "api", { now: NOW });
    expect(scorecard).toEqual({
      ...(await getScorecard(handle.db, "cache", "api", { now: NOW })),
      activeAudit: null,
      pullRequests: [],
    });
    expect(scorecard?.history).toHaveLength(1);
    const again = await cachedScorecard(handle.db, "cache", "api", { now: NOW });
    expect(again?.history).toBe(scorecard?.history);
    const next = await createAudit(handle.db, { repositoryId: repo.id, trigger: "manual" });
    await startAudit(handle.db, next.id, NOW);
    await completeAudit(handle.db, next.id, { report: sampleReport(), requests: 1, rateLimitCost: 1, finishedAt: NOW });
    expect((await cachedScorecard(handle.db, "cache", "api", { now: NOW }))?.history).toHaveLength(2);
    expect(await cachedScorecard(handle.db, "cache", "missing", { now: NOW })).toBeNull();
  });

  it("shows a queued audit and a new PR audit on the next scorecard view, and forgets a finished audit", async () => {
    const repo = await upsertRepository(handle.db, { owner: "cache", name: "web" });
    if (!repo) throw new Error("no repository");
    const view = () => cachedScorecard(handle.db, "cache", "web", { now: NOW });
    expect((await view())?.activeAudit).toBeNull();

    const queued = await createAudit(handle.db, { repositoryId: repo.id, trigger: "manual" });
    expect((await view())?.activeAudit?.id).toBe(queued.id);
    await startAudit(handle.db, queued.id, NOW);
    expect((await view())?.activeAudit?.id).toBe(queued.id);
    await failAudit(handle.db, queued.id, { code: "upstream", message: "down" }, NOW);
    expect((await view())?.activeAudit).toBeNull();
    // A backfill point is not the audit a repository page shows progress for.
    await createAudit(handle.db, { repositoryId: repo.id, trigger: "history" });
    expect((await view())?.activeAudit).toBeNull();

    expect((await view())?.pullRequests).toEqual([]);
    await insertPrAudit(handle.db, {
      repositoryId: repo.id,
      installationId: 7,
      number: 12,
      title: "Move dev to PostgreSQL",
      baseRef: "main",
      baseSha: "a".repeat(40),
      headSha: "b".repeat(40),
      status: "succeeded",
    });
    expect((await view())?.pullRequests.map((pr) => pr.number)).toEqual([12]);
  });
});
