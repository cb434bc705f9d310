/**
 * The HTTP layer's errors are the project's (lib/errors): route handlers throw AppError and answer
 * with errorResponse, which gives every code its status and the one body shape.
 */
export { AppError, type ErrorCode, errorResponse, isErrorCode, toAppError } from "../errors/index";
