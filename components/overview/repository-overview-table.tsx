import type { OverviewPage } from "@/lib/db/queries/overview-page";
import type { OverviewQuery } from "@/lib/db/queries/overview-query";
import type { RepositorySummaryView } from "../dashboard-types";
import { RepositoryTable } from "./repository-table";

/**
 * The repository table as a page renders it: the page of rows the server read for the view in the
 * URL, with only the fields the table shows crossing to the browser.
 */
export function RepositoryOverviewTable({
  page,
  query,
  now,
}: {
  page: OverviewPage;
  query: OverviewQuery;
  now: string;
}) {
  return (
    <RepositoryTable
      rows={page.rows.map(tableRow)}
      total={page.total}
      page={page.page}
      pageSize={page.pageSize}
      query={query}
      now={now}
    />
  );
}

function tableRow(row: OverviewPage["rows"][number]): RepositorySummaryView {
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
    isPrivate: row.isPrivate,
    matchedFinding: row.matchedFinding,
  };
}
