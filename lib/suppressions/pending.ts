import { appSettings } from "../bot/app-client";
import type { Database } from "../db/client";
import { installationOf, listSuppressionRequests } from "../db/queries/suppressions";
import type { Finding } from "../parity/types";
import { type SuppressionView, suppressionView } from "./status";

/** The scorecard's pending suppressions by fingerprint: asked for, not yet read by an audit. */
export async function pendingSuppressionsOf(
  db: Database,
  repositoryId: number,
  findings: readonly Finding[],
): Promise<Record<string, SuppressionView>> {
  const rows = await listSuppressionRequests(db, repositoryId);
  const views = rows.map((row) => suppressionView(row, findings)).filter((view) => view.status === "pending");
  return Object.fromEntries(views.map((view) => [view.fingerprint, view]));
}

/** Whether the GitHub App is configured and installed on the repository (it can open the PR). */
export async function pullRequestsOffered(db: Database, fullName: string): Promise<boolean> {
  if (!appSettings()) return false;
  return (await installationOf(db, fullName)) !== null;
}
