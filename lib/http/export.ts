import { getLatestReport, type RepositorySummary } from "../db/queries/dashboard";
import { toCsv } from "../export/csv";
import { type ExportTable, findingsTable, overviewTable, tableObjects } from "../export/tables";
import { apiContext } from "./context";
import { AppError } from "./errors";
import type { RepoParams } from "./handlers";

/**
 * Downloads: `GET /api/export/repositories?format=csv|json` (the overview, only the repositories
 * the viewer may see) and `GET /api/repos/{owner}/{repo}/findings?format=csv|json` (a scorecard's
 * findings, behind withRepositoryAccess). docs/api.md lists both.
 */

type ExportFormat = "csv" | "json";

function formatOf(request: Request): ExportFormat {
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (format !== "csv" && format !== "json") {
    throw new AppError("bad_request", "Query parameter format must be csv or json.");
  }
  return format;
}

/** A file name safe in a Content-Disposition header: letters, digits, `.`, `_`, `-` only. */
export function downloadName(stem: string, format: ExportFormat, day: Date): string {
  const safe = stem.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "") || "parity";
  return `${safe}-${day.toISOString().slice(0, 10)}.${format}`;
}

function download(body: string, format: ExportFormat, filename: string): Response {
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

function csvOf(table: ExportTable): string {
  return toCsv(table.columns, table.rows);
}

/** The overview's rows the caller already narrowed to what the viewer may see (lib/auth/export.ts). */
export function exportRepositories(request: Request, rows: readonly RepositorySummary[], now: Date): Response {
  const format = formatOf(request);
  const table = overviewTable(rows);
  const body =
    format === "csv"
      ? csvOf(table)
      : `${JSON.stringify({ exportedAt: now.toISOString(), repositories: tableObjects(table) }, null, 2)}\n`;
  return download(body, format, downloadName("parity-overview", format, now));
}

/** Runs behind withRepositoryAccess: the repository exists and the viewer may see it. */
export async function exportFindings(request: Request, params: RepoParams): Promise<Response> {
  const format = formatOf(request);
  const latest = await getLatestReport(await apiContext().db(), params.owner, params.repo);
  if (!latest) throw new AppError("not_found", `Repository ${params.owner}/${params.repo} is not connected to Parity.`);
  if (!latest.report) throw new AppError("not_found", `${latest.repository.fullName} has no finished audit yet.`);
  const report = latest.report;
  const now = new Date();
  const body =
    format === "csv"
      ? csvOf(findingsTable(report))
      : `${JSON.stringify(
          {
            repository: report.repository,
            commit: report.commit,
            auditedAt: report.auditedAt,
            exportedAt: now.toISOString(),
            // The engine's findings as the CLI's JSON has them (evidence values already redacted).
            findings: report.findings,
          },
          null,
          2,
        )}\n`;
  return download(body, format, downloadName(`${latest.repository.fullName}-findings`, format, now));
}
