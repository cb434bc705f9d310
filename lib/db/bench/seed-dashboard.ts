/**
 * Seeds the dashboard benchmark: `repositories` repositories with one audit a day for `days` days,
 * each with a few findings, the weekly rollup, the latest pointers and the commits and deploys behind
 * the scorecard's deploy timeline. Scores drift like real ones (a random walk per gap); findings
 * appear and get resolved along the way. Rows go in with `bulkInsert` (one jsonb parameter per
 * table and batch of repositories), with every index in place, so what the bench measures is the
 * database the app itself would have written. Here in lib/db, not in bench/, because it writes the
 * tables itself: drizzle and the schema stay in lib/db (lib/floors.test.ts).
 */
import { max, sql } from "drizzle-orm";
import type { Gap, Level, Severity } from "../../parity/types";
import type { Database } from "../client";
import { sampleReport } from "../queries/__fixtures__/reports";
import { weekStart } from "../queries/weeks";
import { audits, commits, deploys, findings, repositories, weeklyScores } from "../schema";
import { bulkInsert, syncSequence } from "./bulk-insert";

export interface SeedOptions {
  repositories: number;
  days: number;
  /** The last day seeded (default now). */
  now?: Date;
  /** Repositories per batch of inserts (default 25: ~9,000 audits, a few MB of JSON). */
  batch?: number;
}

const DAY_MS = 86_400_000;
const CATALOG: { check: string; gap: Gap; severity: Severity; title: string; message: string }[] = [
  {
    check: "db-engine",
    gap: "tools",
    severity: "high",
    title: "Different database engines",
    message: "SQLite in dev, PostgreSQL 16 in prod",
  },
  {
    check: "service-version",
    gap: "tools",
    severity: "medium",
    title: "Service versions differ",
    message: "Redis 6.2 in dev, 7.1 in prod",
  },
  {
    check: "unpinned-image",
    gap: "tools",
    severity: "low",
    title: "Floating image tag",
    message: "postgres:latest in docker-compose.yml",
  },
  {
    check: "lead-time",
    gap: "time",
    severity: "medium",
    title: "Slow lead time",
    message: "median 6.2 days from commit to prod",
  },
  {
    check: "deploy-frequency",
    gap: "time",
    severity: "high",
    title: "Infrequent deploys",
    message: "0.4 deploy-days a week",
  },
  {
    check: "self-deploy",
    gap: "personnel",
    severity: "medium",
    title: "Authors rarely deploy",
    message: "12% of changes deployed by their author",
  },
];

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));
const levelOf = (score: number): Level | null =>
  score >= 85 ? "gold" : score >= 70 ? "silver" : score >= 50 ? "bronze" : null;

export interface SeedResult {
  repositories: number;
  audits: number;
  findings: number;
  deploys: number;
  commits: number;
}

type AuditInsert = typeof audits.$inferInsert;
type FindingInsert = typeof findings.$inferInsert;
type WeeklyInsert = typeof weeklyScores.$inferInsert;
type DeployInsert = typeof deploys.$inferInsert;
type CommitInsert = typeof commits.$inferInsert;

interface Batch {
  repos: (typeof repositories.$inferInsert)[];
  audits: AuditInsert[];
  findings: FindingInsert[];
  weekly: WeeklyInsert[];
  deploys: DeployInsert[];
  commits: CommitInsert[];
}

const SEVERITY_ORDER = ["high", "medium", "low"];

/** Repositories already in the database: a bench reuses a database seeded as large as it needs. */
export async function seededRepositories(db: Database): Promise<number> {
  return db.$count(repositories);
}

export async function seedDashboard(db: Database, options: SeedOptions): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const rand = random(42);
  const batchSize = options.batch ?? 25;
  // Ids are assigned here (after whatever the database holds) so audits, findings and the rollup
  // of a whole batch go in without a round trip for `returning`.
  const [repoMax] = await db.select({ id: max(repositories.id) }).from(repositories);
  const [auditMax] = await db.select({ id: max(audits.id) }).from(audits);
  const ids = { repository: repoMax?.id ?? 0, audit: auditMax?.id ?? 0 };
  const totals: SeedResult = { repositories: 0, audits: 0, findings: 0, deploys: 0, commits: 0 };
  for (let start = 0; start < options.repositories; start += batchSize) {
    const batch: Batch = { repos: [], audits: [], findings: [], weekly: [], deploys: [], commits: [] };
    const count = Math.min(batchSize, options.repositories - start);
    for (let i = 0; i < count; i += 1) {
      ids.repository += 1;
      seedRepository(batch, { id: ids.repository, index: start + i, days: options.days, now, rand, ids });
    }
    // Repositories first without their pointers (the audits reference them), then the pointers.
    await bulkInsert(
      db,
      repositories,
      batch.repos.map(({ latestAuditId: _l, lastAuditId: _a, ...repo }) => repo),
    );
    await bulkInsert(db, audits, batch.audits);
    // Independent of each other: on a server they go in over separate connections at once.
    await Promise.all([
      bulkInsert(db, findings, batch.findings),
      bulkInsert(db, weeklyScores, batch.weekly),
      bulkInsert(db, deploys, batch.deploys),
      bulkInsert(db, commits, batch.commits),
    ]);
    await db.execute(
      sql`update repositories set latest_audit_id = x.audit, last_audit_id = x.audit from jsonb_to_recordset(${JSON.stringify(
        batch.repos.map((r) => ({ id: r.id, audit: r.latestAuditId })),
      )}::jsonb) as x(id integer, audit integer) where repositories.id = x.id`,
    );
    totals.repositories += batch.repos.length;
    totals.audits += batch.audits.length;
    totals.findings += batch.findings.length;
    totals.deploys += batch.deploys.length;
    totals.commits += batch.commits.length;
  }
  await syncSequence(db, "repositories");
  await syncSequence(db, "audits");
  await db.execute(sql`analyze`);
  return totals;
}

interface RepositorySeed {
  id: number;
  index: number;
  days: number;
  now: Date;
  rand: () => number;
  ids: { audit: number };
}

function seedRepository(batch: Batch, seed: RepositorySeed): void {
  const { rand, now } = seed;
  const name = `service-${String(seed.index).padStart(4, "0")}`;
  const fullName = `bench/${name}`;
  const gaps = { tools: 30 + rand() * 60, time: 30 + rand() * 60, personnel: 30 + rand() * 60 };
  const open = new Set(CATALOG.filter(() => rand() < 0.5).map((f) => f.check));
  const weekly = new Map<string, WeeklyInsert>();
  let latest = 0;
  for (let day = seed.days - 1; day >= 0; day -= 1) {
    const at = new Date(now.getTime() - day * DAY_MS);
    for (const gap of ["tools", "time", "personnel"] as const)
      gaps[gap] = Math.max(5, Math.min(100, gaps[gap] + (rand() - 0.48) * 4));
    if (rand() < 0.03) {
      const f = CATALOG[Math.floor(rand() * CATALOG.length)];
      if (f) open.has(f.check) ? open.delete(f.check) : open.add(f.check);
    }
    const list = CATALOG.filter((f) => open.has(f.check));
    const overall = clamp((gaps.tools * 2 + gaps.time + gaps.personnel) / 4);
    const scores = { overall, tools: clamp(gaps.tools), time: clamp(gaps.time), personnel: clamp(gaps.personnel) };
    const worst = [...list].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity))[0];
    seed.ids.audit += 1;
    const id = seed.ids.audit;
    latest = id;
    const counts = {
      findingsTools: list.filter((f) => f.gap === "tools").length,
      findingsTime: list.filter((f) => f.gap === "time").length,
      findingsPersonnel: list.filter((f) => f.gap === "personnel").length,
    };
    batch.audits.push({
      id,
      repositoryId: seed.id,
      commitSha: (day * 7919 + seed.id).toString(16).padStart(40, "0"),
      trigger: day === 0 ? "manual" : "schedule",
      status: "succeeded",
      phase: "done",
      queuedAt: at,
      startedAt: at,
      finishedAt: at,
      auditedAt: at,
      requests: 3,
      rateLimitCost: 2,
      engineVersion: "0.1.0",
      scoreOverall: overall,
      scoreTools: scores.tools,
      scoreTime: scores.time,
      scorePersonnel: scores.personnel,
      level: levelOf(overall),
      ...counts,
      worstSeverity: worst?.severity ?? null,
      worstTitle: worst?.message ?? null,
      // Only the latest audit carries the full report (the scorecard reads it); history reads columns.
      report: day === 0 ? { ...sampleReport(), repository: fullName, scores, level: levelOf(overall) } : null,
    });
    for (const f of list) {
      batch.findings.push({
        auditId: id,
        repositoryId: seed.id,
        fingerprint: `${f.check}:${f.gap}`,
        check: f.check,
        gap: f.gap,
        severity: f.severity,
        title: f.title,
        message: f.message,
        evidence: [],
        suppressed: false,
      });
    }
    // Weekly rollup: the last audit of each week.
    weekly.set(weekStart(at), {
      repositoryId: seed.id,
      week: weekStart(at),
      auditId: id,
      auditedAt: at,
      scoreOverall: overall,
      scoreTools: scores.tools,
      scoreTime: scores.time,
      scorePersonnel: scores.personnel,
      level: levelOf(overall),
      ...counts,
    });
    seedActivity(batch, seed, day, at);
  }
  batch.weekly.push(...weekly.values());
  batch.repos.push({
    id: seed.id,
    fullName,
    owner: "bench",
    name,
    // One in five private, as in an organisation's mix: the overview marks them.
    isPrivate: seed.index % 5 === 4,
    historyStatus: "done",
    latestAuditId: latest,
    lastAuditId: latest,
  });
}

/** A commit a working day and a production deploy about twice a week, for the deploy timeline. */
function seedActivity(batch: Batch, seed: RepositorySeed, day: number, at: Date): void {
  const weekday = at.getUTCDay();
  if (weekday === 0 || weekday === 6) return;
  const sha = (day * 104_729 + seed.id * 31).toString(16).padStart(40, "0");
  const authored = new Date(at.getTime() - (2 + seed.rand() * 70) * 3_600_000);
  batch.commits.push({
    repositoryId: seed.id,
    sha,
    authoredAt: authored,
    committedAt: at,
    authorId: `user-${Math.floor(seed.rand() * 8)}`,
    authorIsBot: false,
  });
  if (weekday === 2 || weekday === 4) {
    batch.deploys.push({
      repositoryId: seed.id,
      externalId: `deployment:${seed.id}-${day}`,
      environment: "production",
      sha,
      deployedAt: new Date(at.getTime() + 3_600_000),
      creatorId: `user-${Math.floor(seed.rand() * 8)}`,
      creatorIsBot: false,
      source: "deployment",
      trigger: "manual",
    });
  }
}
