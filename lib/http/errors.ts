/**
 * The one error type of the HTTP layer and its one mapper to responses. A user sees `message`
 * (always safe: no secrets, no stack); the cause goes to the log only.
 */

export const ERROR_STATUS = {
  bad_request: 400,
  /** Team mode: no live session (lib/auth). */
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  /** A request body over the route's cap (lib/http/body.ts). */
  too_large: 413,
  /** A request body that is not the content type the route reads. */
  unsupported_media_type: 415,
  rate_limited: 429,
  upstream: 502,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && value in ERROR_STATUS;
}

/** Any thrown value as an AppError: coded errors (AppError, SourceError) keep their code. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const coded = error as { code?: unknown; message?: unknown; name?: unknown } | null;
  if (coded && coded.name === "SourceError" && isErrorCode(coded.code) && typeof coded.message === "string") {
    return new AppError(coded.code, coded.message, { cause: error });
  }
  return new AppError("internal", "Something went wrong on our side; the details are in the server log.", {
    cause: error,
  });
}

/** `{ error: { code, message } }` with the code's status; internal causes are logged. */
export function errorResponse(error: unknown, log: (message: string, cause: unknown) => void = logError): Response {
  const appError = toAppError(error);
  if (appError.code === "internal") log(appError.message, appError.cause ?? error);
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (appError.code === "rate_limited") headers["retry-after"] = "60";
  return Response.json(
    { error: { code: appError.code, message: appError.message } },
    { status: ERROR_STATUS[appError.code], headers },
  );
}

function logError(message: string, cause: unknown): void {
  console.error(`[api] ${message}`, cause);
}
