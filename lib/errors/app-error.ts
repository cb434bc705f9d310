import { ERRORS, type ErrorCode, type SourceErrorCode } from "./vocabulary";

/**
 * The error every layer throws when it knows what went wrong. A user sees `message` (always safe:
 * no secrets, no stack; the code's sentence when the thrower gives none); the cause goes to the
 * log only.
 */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string = ERRORS[code].sentence, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
  }
}

/**
 * An AppError from a repository source, with GitHub's HTTP status when there was one. Recognised
 * with `instanceof` (the API answers it by its code, an audit stores it as its failure).
 */
export class SourceError extends AppError {
  declare readonly code: SourceErrorCode;
  readonly status: number | null;

  constructor(code: SourceErrorCode, message: string, options: { status?: number | null; cause?: unknown } = {}) {
    super(code, message, { cause: options.cause });
    this.name = "SourceError";
    this.status = options.status ?? null;
  }
}

/** Any thrown value as an AppError: coded errors keep their code, anything else is `internal`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError("internal", ERRORS.internal.sentence, { cause: error });
}
