/** The progress JSON of `GET /api/audits/[id]` (lib/db/queries/dashboard.ts `AuditProgress`). */
export interface AuditProgressView {
  status: "queued" | "running" | "succeeded" | "failed" | string;
  phase: string | null;
  done: number | null;
  total: number | null;
  error: string | null;
  /** The stored reason's code (`not_found`, `rate_limited`...), said as a sentence by failureSentence. */
  errorCode?: string | null;
  /** The backfill of 26 weekly audits that follows a repository's first audit. */
  history?: { status: string; done: number; total: number; error: string | null } | null;
}

const HISTORY_ACTIVE = new Set(["queued", "running"]);

/** The scorecard can be shown: the audit succeeded (history may still be filling in). */
export function isReady(progress: AuditProgressView | undefined): boolean {
  return progress?.status === "succeeded";
}

/** Nothing more will change: the audit failed, or it succeeded and the history backfill is not running. */
export function isFinished(progress: AuditProgressView | undefined): boolean {
  if (!progress) return false;
  if (progress.status === "failed") return true;
  if (progress.status !== "succeeded") return false;
  return !progress.history || !HISTORY_ACTIVE.has(progress.history.status);
}

function counted(done: number | null | undefined, total: number | null | undefined): string {
  return done !== null && done !== undefined && total !== null && total !== undefined && total > 0
    ? ` ${done}/${total}`
    : "";
}

/** "fetching files 12/40", "auditing", "history 8/26 weeks": the words of design/ui.md. */
export function describeProgress(progress: AuditProgressView): string {
  if (progress.status === "failed") return "audit failed";
  if (progress.status === "succeeded") {
    const history = progress.history;
    if (history && HISTORY_ACTIVE.has(history.status)) {
      const count = counted(history.done, history.total);
      return `history${count}${count ? " weeks" : ""}`;
    }
    if (history?.status === "failed") return "scorecard ready (history incomplete)";
    return "scorecard ready";
  }
  if (progress.status === "queued") return "waiting for a worker";
  const count = counted(progress.done, progress.total);
  switch (progress.phase) {
    case "fetching":
      return `fetching files${count}`;
    case "auditing":
      return "auditing";
    case "saving":
      return "saving the report";
    case "history":
      return `history${count}${count ? " weeks" : ""}`;
    case "queued":
    case null:
    case "":
      return "starting";
    default:
      return `${progress.phase}${count}`;
  }
}

/** 0-1 when the current step is counted, else null (an indeterminate bar). */
export function progressFraction(progress: AuditProgressView): number | null {
  const history = progress.history;
  if (progress.status === "succeeded") {
    if (history && HISTORY_ACTIVE.has(history.status) && history.total > 0) return history.done / history.total;
    return 1;
  }
  if (progress.done === null || progress.total === null || progress.total <= 0) return null;
  return Math.max(0, Math.min(1, progress.done / progress.total));
}

/** Reads an API error body (`{ error: { message } }` or `{ error: "..." }`) into one sentence. */
export function errorMessage(body: unknown, fallback: string): string {
  if (body && typeof body === "object" && "error" in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === "string" && error) return error;
    if (error && typeof error === "object" && "message" in error) {
      const message = (error as { message: unknown }).message;
      if (typeof message === "string" && message) return message;
    }
  }
  if (body && typeof body === "object" && "message" in body) {
    const message = (body as { message: unknown }).message;
    if (typeof message === "string" && message) return message;
  }
  return fallback;
}

/**
 * Why an audit failed, in words a person can act on, by the stored reason's code. The reason itself
 * (GitHub's words, such as `GET /repos/acme/x: not found (404)`) is shown beside it, smaller.
 */
export function failureSentence(code: string | null | undefined): string {
  switch (code) {
    case "not_found":
      return "GitHub did not find the repository, or Parity's token cannot see it.";
    case "forbidden":
      return "GitHub refused Parity's credentials for this repository.";
    case "rate_limited":
      return "GitHub's rate limit stopped the audit. Re-audit once the limit resets (within the hour).";
    case "upstream":
      return "GitHub did not answer in time. Re-audit in a few minutes.";
    case "bad_request":
      return "GitHub rejected a request the audit made.";
    default:
      return "The audit failed on Parity's side; the server log says why.";
  }
}
