import type { AuditErrorCode } from "../db/queries/audits";

export interface AuditFailure {
  code: AuditErrorCode;
  /** A sentence safe to show: never a token, never a stack. */
  message: string;
  /** Worth another attempt later (rate limits and upstream hiccups), not a missing repository. */
  retryable: boolean;
}

const RETRYABLE: ReadonlySet<AuditErrorCode> = new Set(["rate_limited", "upstream", "internal"]);
const CODES: ReadonlySet<string> = new Set([
  "not_found",
  "forbidden",
  "bad_request",
  "rate_limited",
  "upstream",
  "internal",
]);

/** Reads a SourceError (or anything thrown) as a stored reason with a code. */
export function classifyFailure(error: unknown): AuditFailure {
  const e = error as { name?: unknown; code?: unknown; message?: unknown } | null;
  if (
    e &&
    e.name === "SourceError" &&
    typeof e.code === "string" &&
    CODES.has(e.code) &&
    typeof e.message === "string"
  ) {
    const code = e.code as AuditErrorCode;
    return { code, message: e.message, retryable: RETRYABLE.has(code) };
  }
  return {
    code: "internal",
    message: "The audit failed on our side; the details are in the server log.",
    retryable: true,
  };
}
