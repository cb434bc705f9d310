/**
 * Seeds the dashboard benchmark: `repositories` repositories with one audit a day for `days` days,
 * each with a few findings, the weekly rollup and the latest pointers, in batched inserts. Scores
 * drift like real ones (a random walk per gap); findings appear and get resolved along the way.
 */
import { eq, sql } from "drizzle-orm";
import type { Database } from "../lib/db/client";
import { sampleReport } from "../lib/db/queries/__fixtures__/reports";
import { insertChunked } from "../lib/db/queries/history-rows";
import { weekStart } from "../lib/db/queries/weeks";
import { audits, findings, repositories, weeklyScores } from "../lib/db/schema";
import type { Gap, Level, Severity } from "../lib/parity/types";

export interface SeedOptions {
  repositories: number;
  days: number;
  /** The last day seeded (default now). */
  now?: Date;
  /** Repositories seeded per transaction batch. */
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

export async function seedDashboard(db: Database, options: SeedOptions): Promise<{ audits: number; findings: number }> {
  const now = options.now ?? new Date();
  const rand = random(42);
  const batch = options.batch ?? 10;
  let auditCount = 0;
  let findingCount = 0;
  for (let start = 0; start < options.repositories; start += batch) {
    const names = Array.from(
      { length: Math.min(batch, options.repositories - start) },
      (_, i) => `service-${String(start + i).padStart(4, "0")}`,
    );
    const repos = await db
      .insert(repositories)
      .values(
        names.map((name) => ({ fullName: `bench/${name}`, owner: "bench", name, historyStatus: "done" as const })),
      )
      .returning({ id: repositories.id, fullName: repositories.fullName });
    for (const repo of repos) {
      const gaps = { tools: 30 + rand() * 60, time: 30 + rand() * 60, personnel: 30 + rand() * 60 };
      const open = new Set(CATALOG.filter(() => rand() < 0.5).map((f) => f.check));
      const rows: (typeof audits.$inferInsert)[] = [];
      const openByDay: string[][] = [];
      for (let day = options.days - 1; day >= 0; day -= 1) {
        const at = new Date(now.getTime() - day * DAY_MS);
        for (const gap of ["tools", "time", "personnel"] as const)
          gaps[gap] = Math.max(5, Math.min(100, gaps[gap] + (rand() - 0.48) * 4));
        if (rand() < 0.03) {
          const f = CATALOG[Math.floor(rand() * CATALOG.length)];
          if (f) open.has(f.check) ? open.delete(f.check) : open.add(f.check);
        }
        const list = CATALOG.filter((f) => open.has(f.check));
        const overall = clamp((gaps.tools * 2 + gaps.time + gaps.personnel) / 4);
        const worst = [...list].sort(
          (a, b) => ["high", "medium", "low"].indexOf(a.severity) - ["high", "medium", "low"].indexOf(b.severity),
        )[0];
        rows.push({
          repositoryId: repo.id,
          commitSha: (day * 7919 + repo.id).toString(16).padStart(40, "0"),
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
          scoreTools: clamp(gaps.tools),
          scoreTime: clamp(gaps.time),
          scorePersonnel: clamp(gaps.personnel),
          level: levelOf(overall),
          findingsTools: list.filter((f) => f.gap === "tools").length,
          findingsTime: list.filter((f) => f.gap === "time").length,
          findingsPersonnel: list.filter((f) => f.gap === "personnel").length,
          worstSeverity: worst?.severity ?? null,
          worstTitle: worst?.message ?? null,
          // Only the latest audit carries the full report (the scorecard reads it); history reads columns.
          report:
            day === 0
              ? {
                  ...sampleReport(),
                  repository: repo.fullName,
                  scores: {
                    overall,
                    tools: clamp(gaps.tools),
                    time: clamp(gaps.time),
                    personnel: clamp(gaps.personnel),
                  },
                  level: levelOf(overall),
                }
              : null,
        });
        openByDay.push([...open]);
      }
      const inserted: { id: number; auditedAt: Date | null }[] = [];
      for (let i = 0; i < rows.length; i += 500) {
        inserted.push(
          ...(await db
            .insert(audits)
            .values(rows.slice(i, i + 500))
            .returning({ id: audits.id, auditedAt: audits.auditedAt })),
        );
      }
      const findingRows = inserted.flatMap((audit, i) =>
        (openByDay[i] ?? []).flatMap((check) => {
          const f = CATALOG.find((c) => c.check === check);
          return f
            ? [
                {
                  auditId: audit.id,
                  repositoryId: repo.id,
                  fingerprint: `${f.check}:${f.gap}`,
                  check: f.check,
                  gap: f.gap,
                  severity: f.severity,
                  title: f.title,
                  message: f.message,
                  evidence: [],
                  suppressed: false,
                },
              ]
            : [];
        }),
      );
      await insertChunked(db, findings, findingRows);
      // Weekly rollup: the last audit of each week.
      const weekly = new Map<string, typeof weeklyScores.$inferInsert>();
      inserted.forEach((audit, i) => {
        const row = rows[i];
        if (!row || !audit.auditedAt) return;
        weekly.set(weekStart(audit.auditedAt), {
          repositoryId: repo.id,
          week: weekStart(audit.auditedAt),
          auditId: audit.id,
          auditedAt: audit.auditedAt,
          scoreOverall: row.scoreOverall,
          scoreTools: row.scoreTools,
          scoreTime: row.scoreTime,
          scorePersonnel: row.scorePersonnel,
          level: row.level,
          findingsTools: row.findingsTools ?? 0,
          findingsTime: row.findingsTime ?? 0,
          findingsPersonnel: row.findingsPersonnel ?? 0,
        });
      });
      await insertChunked(db, weeklyScores, [...weekly.values()]);
      const last = inserted[inserted.length - 1];
      if (last)
        await db
          .update(repositories)
          .set({ latestAuditId: last.id, lastAuditId: last.id })
          .where(eq(repositories.id, repo.id));
      auditCount += inserted.length;
      findingCount += findingRows.length;
    }
  }
  await db.execute(sql`analyze`);
  return { audits: auditCount, findings: findingCount };
}
