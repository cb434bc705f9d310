import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client";
import { findings, inventoryUses } from "../schema";
import { openTestDatabase } from "../test-database";
import { cacheFinding, dbEngineFinding, sampleHistory, sampleReport, suppressedFinding } from "./__fixtures__/reports";
import { completeAudit, createAudit, failAudit, findActiveAudit, startAudit } from "./audits";
import {
  getAuditProgress,
  getScorecard,
  listAuditHistory,
  listRepositorySummaries,
  organisationTrend,
} from "./dashboard";
import { upsertRepository } from "./repositories";

let handle: DatabaseHandle;
const NOW = new Date("2026-11-20T12:00:00Z");
const days = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

async function auditedRepository(owner: string, name: string) {
  const repo = await upsertRepository(handle.db, { owner, name });
  if (!repo) throw new Error("no repository");
  return repo;
}

async function finishedAudit(
  repositoryId: number,
  at: Date,
  overrides: Parameters<typeof sampleReport>[0] = {},
  trigger = "manual",
) {
  const audit = await createAudit(handle.db, { repositoryId, trigger, auditedAt: trigger === "history" ? at : null });
  await startAudit(handle.db, audit.id, at);
  await completeAudit(handle.db, audit.id, {
    report: sampleReport(overrides),
    requests: 3,
    rateLimitCost: 2,
    finishedAt: at,
  });
  return audit.id;
}

describe("dashboard queries", () => {
  it("stores a finished audit with its findings, inventory and history, atomically and once", async () => {
    const repo = await auditedRepository("acme", "shop");
    const audit = await createAudit(handle.db, { repositoryId: repo.id, trigger: "manual" });
    const result = {
      report: sampleReport(),
      requests: 4,
      rateLimitCost: 3,
      finishedAt: days(0),
      history: sampleHistory(),
    };
    await completeAudit(handle.db, audit.id, result);
    // A retried job completing again must not duplicate anything.
    await completeAudit(handle.db, audit.id, result);
    const stored = await handle.db.select().from(findings).where(eq(findings.auditId, audit.id));
    expect(stored.map((f) => f.fingerprint).sort()).toEqual(
      [dbEngineFinding, cacheFinding, suppressedFinding].map((f) => f.fingerprint).sort(),
    );
    expect(stored.find((f) => f.suppressed)?.suppressionReason).toBe("release train agreed with the customer");
    expect(stored.find((f) => f.check === "db-engine")?.evidence).toEqual(dbEngineFinding.evidence);
    const uses = await handle.db.select().from(inventoryUses).where(eq(inventoryUses.auditId, audit.id));
    expect(uses.map((u) => `${u.environment}:${u.engine}@${u.version}:${u.file}:${u.line}`).sort()).toEqual([
      "dev:sqlite@3:config/database.yml:7",
      "prod:postgres@16:infra/rds.tf:12",
    ]);
  });

  it("summarises each repository: latest scores, worst open finding, weekly trend, last status", async () => {
    const repo = await auditedRepository("acme", "billing");
    await finishedAudit(repo.id, days(14), { scores: { overall: 40, tools: 30, time: 50, personnel: 60 } });
    await finishedAudit(repo.id, days(7), { scores: { overall: 55, tools: 45, time: 60, personnel: 70 } });
    await finishedAudit(repo.id, days(1), {
      scores: { overall: 61, tools: 50, time: 66, personnel: 72 },
      level: "silver",
    });
    // A queued re-audit shows as the last status, while the scores stay those of the last success.
    await createAudit(handle.db, { repositoryId: repo.id, trigger: "manual" });

    const rows = await listRepositorySummaries(handle.db, { now: NOW });
    const billing = rows.find((r) => r.fullName === "acme/billing");
    expect(billing).toMatchObject({
      level: "silver",
      scoreOverall: 61,
      scoreTools: 50,
      scoreTime: 66,
      scorePersonnel: 72,
      worstFinding: { title: "SQLite in dev, PostgreSQL 16 in prod", severity: "high" },
      trend: [40, 55, 61],
      lastAuditStatus: "queued",
    });
    expect(billing?.lastAuditAt?.toISOString()).toBe(days(1).toISOString());
    expect(rows.map((r) => r.fullName)).toEqual([...rows.map((r) => r.fullName)].sort());
  });

  it("keeps the last audit of a week in the trend and never lets a backfill replace the present", async () => {
    const repo = await auditedRepository("acme", "search");
    await finishedAudit(repo.id, new Date("2026-11-17T08:00:00Z"), {
      scores: { overall: 70, tools: 70, time: 70, personnel: 70 },
    });
    await finishedAudit(repo.id, new Date("2026-11-19T08:00:00Z"), {
      scores: { overall: 80, tools: 80, time: 80, personnel: 80 },
    });
    // A history backfill for an earlier moment of the same week finishes last.
    await finishedAudit(
      repo.id,
      new Date("2026-11-16T08:00:00Z"),
      { scores: { overall: 10, tools: 10, time: 10, personnel: 10 } },
      "history",
    );
    const row = (await listRepositorySummaries(handle.db, { now: NOW })).find((r) => r.fullName === "acme/search");
    expect(row?.scoreOverall).toBe(80);
    expect(row?.trend).toEqual([80]);
    // The backfill is not "the last audit" either.
    expect(row?.lastAuditStatus).toBe("succeeded");
  });

  it("averages the organisation per week with open findings per gap, every week present", async () => {
    const trend = await organisationTrend(handle.db, 4, NOW);
    expect(trend.map((w) => w.week)).toEqual(["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"]);
    const current = trend[3];
    // This week: shop 48, billing 61, search 80 (latest audit of each repository in the week).
    expect(current?.repositories).toBe(3);
    expect(current?.averageScore).toBeCloseTo((48 + 61 + 80) / 3, 5);
    // Two open tools findings each; the suppressed time finding does not count.
    expect(current?.findingsByGap).toEqual({ tools: 6, time: 0, personnel: 0 });
    expect(trend[0]).toMatchObject({ averageScore: null, repositories: 0 });
  });

  it("builds a scorecard: latest report, history, markers where findings appeared and resolved, deploys", async () => {
    const repo = await auditedRepository("acme", "checkout");
    const first = await finishedAudit(repo.id, days(20), { findings: [dbEngineFinding] });
    const second = await finishedAudit(repo.id, days(10), { findings: [dbEngineFinding, cacheFinding] });
    const third = await finishedAudit(repo.id, days(2), { findings: [cacheFinding, suppressedFinding] });
    const audit = await createAudit(handle.db, { repositoryId: repo.id, trigger: "manual" });
    await completeAudit(handle.db, audit.id, {
      report: sampleReport({ findings: [cacheFinding] }),
      requests: 1,
      rateLimitCost: 1,
      finishedAt: days(0),
      history: sampleHistory(),
    });

    const card = await getScorecard(handle.db, "ACME", "Checkout", { now: NOW });
    expect(card?.repository.fullName).toBe("acme/checkout");
    // The window the scorecard's lists start on: the Monday 26 weeks back.
    expect(card?.windowStart).toBe("2026-05-25");
    expect(card?.latestAudit?.id).toBe(audit.id);
    expect(card?.latestAudit?.report.findings.map((f) => f.fingerprint)).toEqual([cacheFinding.fingerprint]);
    expect(card?.history.map((h) => h.auditId)).toEqual([first, second, third, audit.id]);
    expect(card?.history[0]?.scores).toEqual({ overall: 48, tools: 31, time: 62, personnel: 70 });
    expect(card?.trendMarkers).toEqual([
      expect.objectContaining({ auditId: second, appeared: [cacheFinding.fingerprint], resolved: [] }),
      // The suppressed finding is not open: neither appears nor counts.
      expect.objectContaining({ auditId: third, appeared: [], resolved: [dbEngineFinding.fingerprint] }),
    ]);
    expect(card?.deploys.map((d) => [d.externalId, d.leadTimeHours])).toEqual([
      ["deployment:1", null],
      // c2 (authored 72 h before) and c3 (22 h before) shipped: median 47 h.
      ["deployment:2", 47],
    ]);
    expect(await getScorecard(handle.db, "acme", "nowhere")).toBeNull();
  });

  it("reports progress and stores a failure's reason, never a partial result", async () => {
    const repo = await auditedRepository("acme", "ledger");
    const audit = await createAudit(handle.db, { repositoryId: repo.id, trigger: "manual" });
    expect((await findActiveAudit(handle.db, repo.id))?.id).toBe(audit.id);
    await startAudit(handle.db, audit.id, NOW);
    expect(await getAuditProgress(handle.db, audit.id)).toMatchObject({
      status: "running",
      phase: "fetching",
      repository: "acme/ledger",
    });
    await failAudit(handle.db, audit.id, { code: "not_found", message: "acme/ledger: repository not found" }, NOW);
    expect(await getAuditProgress(handle.db, audit.id)).toMatchObject({
      status: "failed",
      phase: "failed",
      errorCode: "not_found",
      error: "acme/ledger: repository not found",
      history: { status: "none", done: 0, total: 0 },
    });
    expect(await findActiveAudit(handle.db, repo.id)).toBeNull();
    const summary = (await listRepositorySummaries(handle.db, { now: NOW })).find((r) => r.fullName === "acme/ledger");
    expect(summary).toMatchObject({
      scoreOverall: null,
      lastAuditStatus: "failed",
      lastAuditError: "acme/ledger: repository not found",
      trend: [],
    });
    expect(await getAuditProgress(handle.db, 999_999)).toBeNull();
  });

  it("lists audit history between two dates, newest first", async () => {
    const repo = await auditedRepository("acme", "billing");
    const all = await listAuditHistory(handle.db, repo.id);
    expect(all).toHaveLength(3);
    const recent = await listAuditHistory(handle.db, repo.id, { from: days(8), to: days(0) });
    expect(recent.map((a) => a.scoreOverall)).toEqual([61, 55]);
  });
});
