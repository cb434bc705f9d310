import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAcme } from "../../github-double/seed";
import { type GitHubDouble, startGitHubDouble } from "../../github-double/server";
import type { DatabaseHandle } from "../db/client";
import { createAudit } from "../db/queries/audits";
import { getAuditProgress, getScorecard, listRepositorySummaries } from "../db/queries/dashboard";
import { upsertRepository } from "../db/queries/repositories";
import { audits, commits, deploys, findings } from "../db/schema";
import { openTestDatabase } from "../db/test-database";
import { createGitHubClient, memoryCache } from "../sources/github/index";
import { headAt, historyAt, runHistoryBackfill, weeklyPoints } from "./backfill";
import { runLiveAudit } from "./run-audit";

const NOW = new Date("2026-11-20T12:00:00Z");
let handle: DatabaseHandle;
let double: GitHubDouble;

beforeAll(async () => {
  handle = await openTestDatabase();
  double = await startGitHubDouble({ world: seedAcme({ now: NOW }) });
});
afterAll(async () => {
  await double?.close();
  await handle?.close();
});

function deps() {
  const client = createGitHubClient({
    baseUrl: double.url,
    auth: { type: "token", token: "t-parity" },
    retryBaseMs: 10,
    maxRetries: 1,
  });
  return { db: handle.db, client, now: () => NOW, cache: memoryCache(), timeoutMs: 20_000 };
}

describe("audit service against the GitHub double", () => {
  it("audits a repository and stores the report, findings, commits and deploys", async () => {
    const repo = await upsertRepository(handle.db, { owner: "acme", name: "storefront" });
    if (!repo) throw new Error("no repository");
    const row = await createAudit(handle.db, { repositoryId: repo.id, trigger: "connect" });
    const outcome = await runLiveAudit(deps(), row.id);
    expect(outcome.ok).toBe(true);
    const progress = await getAuditProgress(handle.db, row.id);
    expect(progress).toMatchObject({ status: "succeeded", phase: "done", error: null });
    const [stored] = await handle.db.select().from(audits).where(eq(audits.id, row.id));
    expect(stored?.commitSha).toMatch(/^[0-9a-f]{40}$/);
    expect(stored?.requests).toBeGreaterThan(0);
    expect(stored?.engineVersion).toBeTruthy();
    const card = await getScorecard(handle.db, "acme", "storefront", { now: NOW });
    expect(card?.latestAudit?.report.repository).toBe("acme/storefront");
    expect(card?.latestAudit?.report.inventory.length).toBeGreaterThan(0);
    const stored_findings = await handle.db.select().from(findings).where(eq(findings.auditId, row.id));
    expect(stored_findings.length).toBe(card?.latestAudit?.report.findings.length);
    expect((await handle.db.select().from(commits).where(eq(commits.repositoryId, repo.id))).length).toBeGreaterThan(
      10,
    );
    expect((await handle.db.select().from(deploys).where(eq(deploys.repositoryId, repo.id))).length).toBeGreaterThan(0);
  });

  it("stores a clear reason when the repository does not exist, and no partial result", async () => {
    const repo = await upsertRepository(handle.db, { owner: "acme", name: "does-not-exist" });
    if (!repo) throw new Error("no repository");
    const row = await createAudit(handle.db, { repositoryId: repo.id, trigger: "connect" });
    const outcome = await runLiveAudit(deps(), row.id);
    expect(outcome).toMatchObject({ ok: false, failure: { code: "not_found", retryable: false } });
    expect(await getAuditProgress(handle.db, row.id)).toMatchObject({ status: "failed", errorCode: "not_found" });
    expect(await handle.db.select().from(findings).where(eq(findings.auditId, row.id))).toEqual([]);
  });

  it("records a retryable failure as queued again until the last attempt", async () => {
    const repo = await upsertRepository(handle.db, { owner: "acme", name: "ledger" });
    if (!repo) throw new Error("no repository");
    const row = await createAudit(handle.db, { repositoryId: repo.id, trigger: "manual" });
    double.inject({ fault: { kind: "status", status: 502 }, path: "/git/trees/" });
    const outcome = await runLiveAudit(deps(), row.id, { finalAttempt: false });
    double.clearFaults();
    expect(outcome).toMatchObject({ ok: false, failure: { code: "upstream", retryable: true } });
    expect(await getAuditProgress(handle.db, row.id)).toMatchObject({ status: "queued", errorCode: "upstream" });
    const retried = await runLiveAudit(deps(), row.id);
    expect(retried.ok).toBe(true);
  });

  it("backfills 25 past weekly points within the request budget, and a rerun adds nothing", async () => {
    const repo = await upsertRepository(handle.db, { owner: "acme", name: "checkout-api" });
    if (!repo) throw new Error("no repository");
    const before = double.requestCount;
    const result = await runHistoryBackfill(deps(), repo.id, { maxRequests: 60 });
    expect(double.requestCount - before).toBeLessThanOrEqual(60);
    expect(result.audited + result.skipped).toBe(25);
    expect(result.audited).toBeGreaterThan(20);
    expect(
      (await handle.db.query.repositories.findFirst({ where: (r, { eq: is }) => is(r.id, repo.id) }))?.historyDone,
    ).toBe(25);
    const progress = (await handle.db.select().from(audits).where(eq(audits.repositoryId, repo.id))).length;
    expect(progress).toBe(result.audited);
    const card = await getScorecard(handle.db, "acme", "checkout-api", { now: NOW });
    expect(card?.history.length).toBe(result.audited);
    expect(card?.history.every((h) => h.trigger === "history")).toBe(true);
    const summary = (await listRepositorySummaries(handle.db, { now: NOW })).find((r) => r.name === "checkout-api");
    expect(summary?.trend.length).toBe(result.audited);
    expect(summary?.historyStatus).toBe("done");
    const again = await runHistoryBackfill(deps(), repo.id, { maxRequests: 60 });
    expect(again.audited).toBe(0);
  });
});

describe("weekly points", () => {
  it("are the ends of the 26 complete weeks before now, fixed whatever the hour", () => {
    const points = weeklyPoints(NOW, 26);
    expect(points).toHaveLength(26);
    expect(points[25]?.toISOString()).toBe("2026-11-15T23:59:59.999Z");
    expect(weeklyPoints(new Date("2026-11-16T00:00:01Z"), 26)).toEqual(points);
  });

  it("finds the branch head at a moment and cuts the history there", () => {
    const commit = (sha: string, at: string) => ({ sha, parents: [], author: null, authoredAt: at, committedAt: at });
    const list = [
      commit("c", "2026-11-10T00:00:00Z"),
      commit("b", "2026-11-03T00:00:00Z"),
      commit("a", "2026-10-27T00:00:00Z"),
    ];
    expect(headAt(list, new Date("2026-11-05T00:00:00Z"))?.sha).toBe("b");
    expect(headAt(list, new Date("2026-10-01T00:00:00Z"))).toBeNull();
    const cut = historyAt({ commits: list, deploys: [], complete: true }, new Date("2026-11-05T00:00:00Z"));
    expect(cut.commits.map((c) => c.sha)).toEqual(["b", "a"]);
  });
});
