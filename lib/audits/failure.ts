import { type AuditFailureCode, SourceError } from "../errors/index";

export interface AuditFailure {
  code: AuditFailureCode;
  /** A sentence safe to show: never a token, never a stack. */
  message: string;
  /** Worth another attempt later (rate limits and upstream hiccups), not a missing repository. */
  retryable: boolean;
}

const RETRYABLE: ReadonlySet<AuditFailureCode> = new Set(["rate_limited", "upstream", "internal"]);

/** Reads a SourceError (or anything thrown) as a stored reason with a code. */
export function classifyFailure(error: unknown): AuditFailure {
  if (error instanceof SourceError) {
    return { code: error.code, message: error.message, retryable: RETRYABLE.has(error.code) };
  }
  return {
    code: "internal",
    message: "The audit failed on our side; the details are in the server log.",
    retryable: true,
  };
}
