import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding, Level, Report } from "../../parity/types";
import type { DatabaseHandle } from "../client";
import { repositories } from "../schema";
import { openTestDatabase } from "../test-database";
import { cacheFinding, dbEngineFinding, sampleReport, suppressedFinding } from "./__fixtures__/reports";
import { completeAudit, createAudit, failAudit, startAudit } from "./audits";
import { cachedOverviewPage } from "./overview-cache";
import { likePattern, overviewPage, overviewSummary } from "./overview-page";
import { DEFAULT_OVERVIEW_QUERY, type OverviewQuery } from "./overview-query";
import { upsertRepository } from "./repositories";

/**
 * The overview's table in SQL: every filter, the search over open findings, the sort (unknown
 * values last either way), paging and the summary, on PGlite and on PostgreSQL.
 */

let handle: DatabaseHandle;
const NOW = new Date("2026-11-20T12:00:00Z");
const days = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const ids: Record<string, number> = {};

async function repository(name: string, isPrivate = false) {
  const repo = await upsertRepository(handle.db, { owner: "acme", name });
  if (!repo) throw new Error("no repository");
  if (isPrivate) await handle.db.update(repositories).set({ isPrivate }).where(eq(repositories.id, repo.id));
  ids[name] = repo.id;
  return repo.id;
}

async function audited(
  repositoryId: number,
  at: Date,
  scores: Report["scores"],
  level: Level | null,
  findings: Finding[],
): Promise<void> {
  const audit = await createAudit(handle.db, { repositoryId, trigger: "manual" });
  await startAudit(handle.db, audit.id, at);
  await completeAudit(handle.db, audit.id, {
    report: sampleReport({ scores, level, findings }),
    requests: 1,
    rateLimitCost: 1,
    finishedAt: at,
  });
}

const query = (partial: Partial<OverviewQuery>): OverviewQuery => ({ ...DEFAULT_OVERVIEW_QUERY, ...partial });
const names = (page: { rows: { name: string }[] }) => page.rows.map((row) => row.name);

beforeAll(async () => {
  handle = await openTestDatabase();
  // shop: worst finding the database, the cache finding (Redis) open too, a suppressed one.
  await audited(await repository("shop"), days(1), { overall: 48, tools: 31, time: 62, personnel: 70 }, "bronze", [
    dbEngineFinding,
    cacheFinding,
    suppressedFinding,
  ]);
  // ledger (private): Redis was a finding last week only; now only the database one is open.
  const ledger = await repository("ledger", true);
  await audited(ledger, days(8), { overall: 60, tools: 50, time: 70, personnel: 60 }, "bronze", [cacheFinding]);
  await audited(ledger, days(2), { overall: 90, tools: 95, time: 85, personnel: 88 }, "gold", [dbEngineFinding]);
  // billing: weakest gap time, silver.
  await audited(
    await repository("billing"),
    days(3),
    { overall: 75, tools: 80, time: 40, personnel: 90 },
    "silver",
    [],
  );
  // new-service: never audited (no scores, no level).
  await repository("new-service");
  // broken: its only audit failed.
  const broken = await repository("broken");
  const failed = await createAudit(handle.db, { repositoryId: broken, trigger: "manual" });
  await failAudit(handle.db, failed.id, { code: "not_found", message: "acme/broken: repository not found" }, days(0));
});
afterAll(async () => {
  await handle?.close();
});

describe("overview page in SQL", () => {
  it("searches every open finding of the latest audit, not only the worst one, and says which matched", async () => {
    const page = await overviewPage(handle.db, query({ text: "redis" }), { now: NOW });
    // shop's worst finding is the database; Redis is its second open finding. ledger had it last week only.
    expect(names(page)).toEqual(["shop"]);
    expect(page.total).toBe(1);
    expect(page.rows[0]?.worstFinding?.title).toBe("SQLite in dev, PostgreSQL 16 in prod");
    expect(page.rows[0]?.matchedFinding).toEqual({
      title: "in-memory cache in dev, Redis 7.1 in prod",
      severity: "medium",
    });
    // By title and by check id too; a suppressed finding is not open.
    expect(names(await overviewPage(handle.db, query({ text: "Different cache" }), { now: NOW }))).toEqual(["shop"]);
    expect(names(await overviewPage(handle.db, query({ text: "service-engine" }), { now: NOW }))).toEqual(["shop"]);
    expect((await overviewPage(handle.db, query({ text: "deploy-days" }), { now: NOW })).total).toBe(0);
  });

  it("matches repository names case-insensitively, and takes % and _ literally", async () => {
    const page = await overviewPage(handle.db, query({ text: "LEDG" }), { now: NOW });
    expect(names(page)).toEqual(["ledger"]);
    expect(page.rows[0]?.matchedFinding).toBeNull();
    expect((await overviewPage(handle.db, query({ text: "%" }), { now: NOW })).total).toBe(0);
    expect((await overviewPage(handle.db, query({ text: "new_service" }), { now: NOW })).total).toBe(0);
    expect(likePattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });

  it("sorts in the database with unknown values last in both directions, and pages", async () => {
    const ascending = await overviewPage(handle.db, query({}), { now: NOW });
    expect(names(ascending)).toEqual(["shop", "billing", "ledger", "broken", "new-service"]);
    const descending = await overviewPage(handle.db, query({ direction: "descending" }), { now: NOW });
    expect(names(descending)).toEqual(["ledger", "billing", "shop", "broken", "new-service"]);
    const byName = await overviewPage(handle.db, query({ sort: "fullName", direction: "ascending" }), { now: NOW });
    expect(names(byName)).toEqual(["billing", "broken", "ledger", "new-service", "shop"]);
    const bySeverity = await overviewPage(handle.db, query({ sort: "worstFinding" }), { now: NOW });
    expect(names(bySeverity).slice(0, 2)).toEqual(["ledger", "shop"]);

    const second = await overviewPage(handle.db, query({ sort: "fullName", page: 2 }), { now: NOW, pageSize: 2 });
    expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(names(second)).toEqual(["ledger", "new-service"]);
    // A page past the end shows the last one.
    const past = await overviewPage(handle.db, query({ sort: "fullName", page: 99 }), { now: NOW, pageSize: 2 });
    expect(past.page).toBe(3);
    expect(names(past)).toEqual(["shop"]);
  });

  it("filters by level (Not yet included) and by weakest gap", async () => {
    expect(names(await overviewPage(handle.db, query({ level: "gold" }), { now: NOW }))).toEqual(["ledger"]);
    expect(names(await overviewPage(handle.db, query({ level: "none" }), { now: NOW }))).toEqual([
      "broken",
      "new-service",
    ]);
    // ledger's weakest is time too (85 against 95 and 88), whatever its level.
    expect(names(await overviewPage(handle.db, query({ gap: "time" }), { now: NOW }))).toEqual(["billing", "ledger"]);
    expect(names(await overviewPage(handle.db, query({ gap: "tools" }), { now: NOW }))).toEqual(["shop"]);
    expect(names(await overviewPage(handle.db, query({ gap: "personnel" }), { now: NOW }))).toEqual([]);
  });

  it("carries what a row shows: private, the failure's reason, the sparkline", async () => {
    const page = await overviewPage(handle.db, query({ sort: "fullName" }), { now: NOW });
    const row = (name: string) => page.rows.find((r) => r.name === name);
    expect(row("ledger")?.isPrivate).toBe(true);
    expect(row("shop")?.isPrivate).toBe(false);
    expect(row("broken")).toMatchObject({
      lastAuditStatus: "failed",
      lastAuditError: "acme/broken: repository not found",
    });
    expect(row("ledger")?.trend).toEqual([60, 90]);
    expect(row("new-service")?.trend).toEqual([]);
  });

  it("narrows everything to the given repositories (a team-mode viewer's)", async () => {
    const visible = [ids.shop ?? 0, ids.billing ?? 0];
    expect(names(await overviewPage(handle.db, query({}), { now: NOW, ids: visible }))).toEqual(["shop", "billing"]);
    expect((await overviewPage(handle.db, query({}), { now: NOW, ids: [] })).total).toBe(0);
    expect(await overviewSummary(handle.db, visible)).toMatchObject({ count: 2, median: 62 });
  });

  it("counts the summary line in one aggregate", async () => {
    expect(await overviewSummary(handle.db)).toEqual({
      count: 5,
      median: 75,
      levels: { gold: 1, silver: 1, bronze: 1, none: 2 },
      lastSweep: days(1).toISOString(),
    });
  });

  it("memoises per version: a repository made private shows at once", async () => {
    const before = await cachedOverviewPage(handle.db, query({ text: "billing" }), { now: NOW });
    expect(before.page.rows[0]?.isPrivate).toBe(false);
    expect(await cachedOverviewPage(handle.db, query({ text: "billing" }), { now: NOW })).toEqual(before);
    await handle.db
      .update(repositories)
      .set({ isPrivate: true })
      .where(eq(repositories.id, ids.billing ?? 0));
    const after = await cachedOverviewPage(handle.db, query({ text: "billing" }), { now: NOW });
    expect(after.page.rows[0]?.isPrivate).toBe(true);
    expect(after.summary.count).toBe(5);
  });
});
