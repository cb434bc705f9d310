import { and, asc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { Report } from "../../parity/types";
import type { Database } from "../client";
import { audits, repositories } from "../schema";

/** A connected repository whose latest audit has open findings, with that audit's id. */
export interface RepositoryWithFindings {
  id: number;
  fullName: string;
  owner: string;
  name: string;
  auditId: number;
}

/**
 * The repositories the "Fix these first" list draws from: connected, audited, with at least one
 * open finding (the overview's denormalised counts say so without reading reports).
 */
export async function repositoriesWithOpenFindings(db: Database): Promise<RepositoryWithFindings[]> {
  const rows = await db
    .select({
      id: repositories.id,
      fullName: repositories.fullName,
      owner: repositories.owner,
      name: repositories.name,
      auditId: audits.id,
    })
    .from(repositories)
    .innerJoin(audits, eq(audits.id, repositories.latestAuditId))
    .where(
      and(
        isNull(repositories.disconnectedAt),
        or(gt(audits.findingsTools, 0), gt(audits.findingsTime, 0), gt(audits.findingsPersonnel, 0)),
      ),
    )
    .orderBy(asc(repositories.fullName));
  return rows;
}

export type ScoredParts = Pick<Report, "checks" | "findings" | "scores" | "nextLevel">;

/** The parts of each audit's report that scoring needs (not its inventory or files), by audit id. */
export async function scoredPartsOf(db: Database, auditIds: readonly number[]): Promise<Map<number, ScoredParts>> {
  if (auditIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: audits.id,
      checks: sql<Report["checks"]>`${audits.report}->'checks'`,
      findings: sql<Report["findings"]>`${audits.report}->'findings'`,
      scores: sql<Report["scores"]>`${audits.report}->'scores'`,
      nextLevel: sql<Report["nextLevel"]>`${audits.report}->'nextLevel'`,
    })
    .from(audits)
    .where(inArray(audits.id, [...auditIds]));
  return new Map(
    rows.map((row) => [
      row.id,
      {
        checks: parsed(row.checks) ?? [],
        findings: parsed(row.findings) ?? [],
        scores: parsed(row.scores) ?? { overall: null, tools: null, time: null, personnel: null },
        nextLevel: parsed(row.nextLevel) ?? null,
      },
    ]),
  );
}

/** A jsonb sub-value arrives parsed from one driver and as text from another. */
function parsed<T>(value: T | string | null): T | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? (JSON.parse(value) as T) : value;
}
