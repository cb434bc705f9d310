import type { RepositorySummaryView } from "../dashboard-types";
import { RepositoryTable } from "./repository-table";
import { firstPage, PAGE_SIZE } from "./table-model";

/**
 * The repository table as a page renders it: every row is read on the server (the summary line
 * and the averages need them) but only the first page crosses to the browser; the table loads
 * the rest from the API when the user sorts, filters or asks for more.
 */
export function RepositoryOverviewTable({ rows, now }: { rows: RepositorySummaryView[]; now: string }) {
  const first = rows.length > PAGE_SIZE ? firstPage(rows) : rows;
  return <RepositoryTable rows={first} total={rows.length} now={now} />;
}
