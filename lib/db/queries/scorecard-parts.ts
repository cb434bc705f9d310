import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Database } from "../client";
import { commits, deploys } from "../schema";
import type { HistoryPoint, ScorecardDeploy, TrendMarker } from "./dashboard-rows";
import { markerFindingsQuery } from "./trend-queries";

/** Where open findings appeared and were resolved, between consecutive audits of the history. */
export async function scorecardMarkers(
  db: Database,
  repositoryId: number,
  history: readonly HistoryPoint[],
): Promise<TrendMarker[]> {
  if (history.length === 0) return [];
  const rows = await markerFindingsQuery(
    db,
    repositoryId,
    history.map((point) => point.auditId),
  );
  const byAudit = new Map<number, Set<string>>();
  for (const row of rows) {
    const set = byAudit.get(row.auditId) ?? new Set<string>();
    set.add(row.fingerprint);
    byAudit.set(row.auditId, set);
  }
  return diffMarkers(history, byAudit);
}

/** Pure: markers from each audit's set of open fingerprints (the first audit has no marker). */
export function diffMarkers(
  history: readonly HistoryPoint[],
  byAudit: ReadonlyMap<number, ReadonlySet<string>>,
): TrendMarker[] {
  const markers: TrendMarker[] = [];
  let previous: ReadonlySet<string> | null = null;
  for (const point of history) {
    const current = byAudit.get(point.auditId) ?? new Set<string>();
    if (previous) {
      const before = previous;
      const appeared = [...current].filter((f) => !before.has(f)).sort();
      const resolved = [...before].filter((f) => !current.has(f)).sort();
      if (appeared.length || resolved.length) {
        markers.push({
          auditId: point.auditId,
          finishedAt: point.finishedAt,
          auditedAt: point.auditedAt,
          appeared,
          resolved,
        });
      }
    }
    previous = current;
  }
  return markers;
}

/** Deploys since `since`, oldest first, each with the lead time of the commits it shipped. */
export async function scorecardDeploys(db: Database, repositoryId: number, since: Date): Promise<ScorecardDeploy[]> {
  const rows = await db
    .select()
    .from(deploys)
    .where(and(eq(deploys.repositoryId, repositoryId), gte(deploys.deployedAt, since)))
    .orderBy(asc(deploys.deployedAt), asc(deploys.id));
  if (rows.length === 0) return [];
  const last = rows[rows.length - 1];
  const commitRows = await db
    .select({ committedAt: commits.committedAt, authoredAt: commits.authoredAt })
    .from(commits)
    .where(
      and(
        eq(commits.repositoryId, repositoryId),
        gte(commits.committedAt, since),
        lte(commits.committedAt, last?.deployedAt ?? since),
      ),
    )
    .orderBy(asc(commits.committedAt));
  const previousByEnvironment = new Map<string, Date>();
  return rows.map((row) => {
    const previous = previousByEnvironment.get(row.environment) ?? null;
    previousByEnvironment.set(row.environment, row.deployedAt);
    // The first deploy in the window has no known predecessor: what it shipped is unknown.
    const shipped = previous
      ? commitRows.filter((c) => c.committedAt <= row.deployedAt && c.committedAt > previous)
      : [];
    const hours = shipped.map((c) => (row.deployedAt.getTime() - c.authoredAt.getTime()) / 3_600_000);
    return {
      id: row.id,
      externalId: row.externalId,
      environment: row.environment,
      sha: row.sha,
      deployedAt: row.deployedAt,
      creatorId: row.creatorId,
      source: row.source,
      trigger: row.trigger,
      integration: row.integration,
      leadTimeHours: median(hours),
    };
  });
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return value === undefined ? null : Math.round(value * 10) / 10;
}
