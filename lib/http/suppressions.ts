import { z } from "zod";
import { getLatestReport } from "../db/queries/dashboard";
import { listSuppressionRequests, saveSuppressionRequest } from "../db/queries/suppressions";
import type { Finding, Suppression } from "../parity/types";
import {
  CONFIG_FILE,
  MAX_REASON_LENGTH,
  SUPPRESSION_KINDS,
  suppressionEntry,
  suppressionLines,
} from "../suppressions/config-lines";
import { type SuppressionView, suppressionView } from "../suppressions/status";
import { jsonBodyOnce } from "./body";
import { apiContext } from "./context";
import { AppError } from "./errors";
import type { RepoParams } from "./handlers";

/**
 * `POST /api/repos/{owner}/{repo}/suppressions`: suppress or accept one open finding with a reason.
 * Parity never suppresses anything itself: the answer is the `.parity.yml` lines to commit, and
 * the request is remembered as pending until an audit reads them (lib/suppressions/status.ts).
 * `GET` lists the requests with where each stands. Both run behind withRepositoryAccess; the
 * proxy's CSRF check covers the POST like every mutation (docs/security.md).
 */

const NO_STORE = { "cache-control": "no-store" };

const suppressBody = z.object({
  fingerprint: z.string().regex(/^[\w:.,-]{1,200}$/, "fingerprint must be a finding's fingerprint"),
  kind: z.enum(SUPPRESSION_KINDS),
  reason: z
    .string()
    .trim()
    .min(1, "a suppression needs a reason")
    .max(MAX_REASON_LENGTH, `keep the reason under ${MAX_REASON_LENGTH} characters`),
});

async function latestOf(params: RepoParams) {
  const latest = await getLatestReport(await apiContext().db(), params.owner, params.repo);
  if (!latest) throw new AppError("not_found", `Repository ${params.owner}/${params.repo} is not connected to Parity.`);
  if (!latest.report) throw new AppError("not_found", `${latest.repository.fullName} has no finished audit yet.`);
  return { repository: latest.repository, report: latest.report };
}

/** What a suppression request answers; `pullRequest` is filled by the App's step, when it ran. */
export interface SuppressionAnswer {
  repository: string;
  suppression: SuppressionView;
}

export async function requestSuppression(
  request: Request,
  params: RepoParams,
  requestedBy: string | null = null,
): Promise<{ answer: SuppressionAnswer; requestId: number; finding: Finding; entry: Suppression }> {
  const parsed = suppressBody.safeParse(await jsonBodyOnce(request));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      "bad_request",
      issue ? `${issue.path.join(".") || "body"}: ${issue.message}.` : 'Send {"fingerprint", "kind", "reason"}.',
    );
  }
  const { fingerprint, kind, reason } = parsed.data;
  const { repository, report } = await latestOf(params);
  const matching = report.findings.filter((finding) => finding.fingerprint === fingerprint);
  const open = matching.find((finding) => !finding.suppressed);
  if (!open) {
    throw new AppError(
      "not_found",
      matching.length > 0
        ? `That finding of ${repository.fullName} is already suppressed.`
        : `${repository.fullName}'s latest audit has no finding with fingerprint ${fingerprint}.`,
    );
  }
  const entry = suppressionEntry(open, kind, reason);
  const db = await apiContext().db();
  const row = await saveSuppressionRequest(db, {
    repositoryId: repository.id,
    fingerprint,
    check: open.check,
    kind,
    reason: entry.reason,
    lines: suppressionLines(entry),
    requestedBy,
  });
  return {
    answer: { repository: repository.fullName, suppression: suppressionView(row, report.findings, CONFIG_FILE) },
    requestId: row.id,
    finding: open,
    entry,
  };
}

export function suppressionResponse(answer: SuppressionAnswer): Response {
  return Response.json(answer, { status: 201, headers: NO_STORE });
}

export async function listSuppressions(_request: Request, params: RepoParams): Promise<Response> {
  const { repository, report } = await latestOf(params);
  const rows = await listSuppressionRequests(await apiContext().db(), repository.id);
  return Response.json(
    { repository: repository.fullName, suppressions: rows.map((row) => suppressionView(row, report.findings)) },
    { headers: NO_STORE },
  );
}
