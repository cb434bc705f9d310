import { cachedRepositorySummaries } from "../db/queries/dashboard-cache";
import { apiContext } from "../http/context";
import { exportRepositories } from "../http/export";
import { apiViewer } from "./api";
import { onlyVisible } from "./viewer";

/** `GET /api/export/repositories`: the overview's export, only the repositories the viewer may see. */
export async function exportVisibleRepositories(request: Request): Promise<Response> {
  const viewer = await apiViewer(request);
  const db = await apiContext().db();
  const now = new Date();
  const rows = await onlyVisible(db, viewer, await cachedRepositorySummaries(db, { now }), now);
  return exportRepositories(request, rows, now);
}
