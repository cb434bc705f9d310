/**
 * The one list of error codes, shared by every layer: the HTTP API, Next's proxy, the webhook
 * endpoint, repository sources and the audit failures stored in the database. Each code has the
 * HTTP status that answers it and the sentence a user reads when the thrower has nothing more
 * precise to say (a thrower's own message, such as "Repository acme/x is not connected to Parity.",
 * replaces the sentence, never the code).
 *
 * The code strings are stored (audits.error_code) and read by clients: rename one only with a
 * mapping for the rows and bodies that carry the old string.
 */

export interface ErrorMeaning {
  status: number;
  sentence: string;
}

export const ERRORS = {
  bad_request: { status: 400, sentence: "Parity could not read the request." },
  /** No session (team mode), or a webhook whose signature does not match. */
  unauthorized: { status: 401, sentence: "Sign in to Parity with GitHub first." },
  forbidden: { status: 403, sentence: "The request was refused." },
  not_found: { status: 404, sentence: "Parity has nothing at this address." },
  /** Local mode reached under a host name that is not loopback (DNS rebinding). */
  misdirected: { status: 421, sentence: "Parity in local mode answers on 127.0.0.1 only." },
  /** A request body over the route's cap (lib/http/body.ts, the webhook's 5 MB). */
  too_large: { status: 413, sentence: "The request body is larger than Parity accepts." },
  /** A request body that is not the content type the route reads. */
  unsupported_media_type: { status: 415, sentence: "Send the body as JSON (Content-Type: application/json)." },
  /** What the request would change moved since Parity read it (a fix whose file changed on GitHub). */
  conflict: { status: 409, sentence: "The repository changed since Parity read it; audit it again." },
  rate_limited: { status: 429, sentence: "Too many requests; wait a minute and try again." },
  internal: { status: 500, sentence: "Something went wrong on our side; the details are in the server log." },
  /** GitHub failed, refused in a way that is not the user's to fix, or did not answer in time. */
  upstream: { status: 502, sentence: "GitHub did not answer in time; try again in a few minutes." },
  /** A feature this server was not set up for (the webhook endpoint without its secret). */
  not_configured: { status: 503, sentence: "This part of Parity is not set up on this server." },
} as const satisfies Record<string, ErrorMeaning>;

export type ErrorCode = keyof typeof ERRORS;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERRORS, value);
}

export function errorStatus(code: ErrorCode): number {
  return ERRORS[code].status;
}

/** What a repository source reports: GitHub's answers read as the project's codes. */
export const SOURCE_ERROR_CODES = ["rate_limited", "not_found", "forbidden", "upstream", "bad_request"] as const;
export type SourceErrorCode = (typeof SOURCE_ERROR_CODES)[number];

/**
 * The reasons an audit fails, as stored in audits.error_code: a source's codes, and `internal`
 * for anything else. Rows written before this list was shared hold the same strings.
 */
export const AUDIT_FAILURE_CODES = [...SOURCE_ERROR_CODES, "internal"] as const satisfies readonly ErrorCode[];
export type AuditFailureCode = (typeof AUDIT_FAILURE_CODES)[number];
