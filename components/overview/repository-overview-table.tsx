import type { RepositorySummaryView } from "../dashboard-types";
import { RepositoryTable } from "./repository-table";
import { firstPageOf, PAGE_SIZE } from "./table-model";

/**
 * The repository table as a page renders it: every row is read on the server (the summary line
 * and the averages need them) but only the first page crosses to the browser, with only the
 * fields the table shows; the table loads the rest from the API when the user sorts, filters or
 * asks for more.
 */
export function RepositoryOverviewTable({ rows, now }: { rows: readonly RepositorySummaryView[]; now: string }) {
  const first = rows.length > PAGE_SIZE ? firstPageOf(rows) : rows;
  return <RepositoryTable rows={first.map(tableRow)} total={rows.length} now={now} />;
}

function tableRow(row: RepositorySummaryView): RepositorySummaryView {
  return {
    id: row.id,
    fullName: row.fullName,
    owner: row.owner,
    name: row.name,
    level: row.level,
    scoreOverall: row.scoreOverall,
    scoreTools: row.scoreTools,
    scoreTime: row.scoreTime,
    scorePersonnel: row.scorePersonnel,
    worstFinding: row.worstFinding,
    trend: row.trend,
    lastAuditAt: row.lastAuditAt,
    lastAuditStatus: row.lastAuditStatus,
    lastAuditError: row.lastAuditError ?? null,
  };
}
