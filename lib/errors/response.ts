import { AppError, toAppError } from "./app-error";
import { type ErrorCode, errorStatus } from "./vocabulary";

/** The one shape of every error body: the API's, the proxy's and the webhook endpoint's. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export function errorBody(error: AppError): ErrorBody {
  return { error: { code: error.code, message: error.message } };
}

/** Headers of every error answer: never cached; a rate limit says when to come back. */
export function errorHeaders(error: AppError, retryAfterSeconds = 60): Record<string, string> {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (error.code === "rate_limited") headers["retry-after"] = String(retryAfterSeconds);
  return headers;
}

/** `{ error: { code, message } }` with the code's status; internal causes are logged. */
export function errorResponse(error: unknown, log: (message: string, cause: unknown) => void = logError): Response {
  const appError = toAppError(error);
  if (appError.code === "internal") log(appError.message, appError.cause ?? error);
  return Response.json(errorBody(appError), { status: errorStatus(appError.code), headers: errorHeaders(appError) });
}

/** Shorthand for an answer that is an error from the start (no exception thrown). */
export function refuse(code: ErrorCode, message?: string): Response {
  return errorResponse(new AppError(code, message));
}

function logError(message: string, cause: unknown): void {
  console.error(`[api] ${message}`, cause);
}
