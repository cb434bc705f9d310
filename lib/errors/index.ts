export { AppError, SourceError, toAppError } from "./app-error";
export { type ErrorBody, errorBody, errorHeaders, errorResponse, refuse } from "./response";
export {
  AUDIT_FAILURE_CODES,
  type AuditFailureCode,
  ERRORS,
  type ErrorCode,
  type ErrorMeaning,
  errorStatus,
  isErrorCode,
  SOURCE_ERROR_CODES,
  type SourceErrorCode,
} from "./vocabulary";
