import type { Database } from "../db/client";
import { repositoriesWithOpenFindings, scoredPartsOf } from "../db/queries/fix-first";
import { type FindingGain, findingGains } from "./gain";
import type { RepositoryGains } from "./rank";

/**
 * Gains per audit, memoised in this process: an audit's report never changes, so its findings'
 * gains are computed once per audit id. A list view then costs one query for the repositories
 * and one for the reports of audits not seen before (their scoring parts only).
 */
const MAX_AUDITS = 20_000;
const gainsByAudit = new Map<number, readonly FindingGain[]>();

function remember(auditId: number, gains: readonly FindingGain[]): void {
  gainsByAudit.set(auditId, gains);
  for (const oldest of gainsByAudit.keys()) {
    if (gainsByAudit.size <= MAX_AUDITS) break;
    gainsByAudit.delete(oldest);
  }
}

/**
 * Every connected repository with open findings and each finding's gain. `visible` narrows the
 * repositories to the viewer's before any report is read.
 */
export async function repositoryGains(
  db: Database,
  visible: <T extends { owner: string; name: string }>(rows: readonly T[]) => Promise<T[]>,
): Promise<RepositoryGains[]> {
  const repositories = await visible(await repositoriesWithOpenFindings(db));
  const missing = repositories.map((row) => row.auditId).filter((id) => !gainsByAudit.has(id));
  const parts = await scoredPartsOf(db, missing);
  for (const [auditId, report] of parts) remember(auditId, findingGains(report));
  return repositories.map((row) => ({
    fullName: row.fullName,
    owner: row.owner,
    name: row.name,
    gains: gainsByAudit.get(row.auditId) ?? [],
  }));
}
