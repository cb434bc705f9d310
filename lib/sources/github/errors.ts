import { SourceError } from "../../errors/index";

/**
 * GitHub's failures read as the project's error codes (lib/errors): the job runner, the audit
 * service and the API map a SourceError by its code without reading messages; `message` is safe
 * to show.
 */
export { SourceError, type SourceErrorCode } from "../../errors/index";

interface HttpishError {
  status?: number;
  name?: string;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
  errors?: { type?: string; message?: string }[];
}

/** Maps an octokit (or fetch/abort) failure to a SourceError with a sentence a user can act on. */
export function toSourceError(error: unknown, what: string): SourceError {
  if (error instanceof SourceError) return error;
  const e = (error ?? {}) as HttpishError;
  if (e.name === "AbortError" || e.name === "TimeoutError") {
    return new SourceError("upstream", `GitHub did not answer ${what} within the time limit`, { cause: error });
  }
  const graphqlTypes = (e.errors ?? []).map((x) => x.type);
  if (graphqlTypes.includes("NOT_FOUND")) {
    return new SourceError("not_found", `${what}: repository not found or not visible with these credentials`, {
      status: 404,
      cause: error,
    });
  }
  if (graphqlTypes.includes("RATE_LIMITED") || /rate limit/i.test(e.message ?? "")) {
    return new SourceError("rate_limited", `GitHub's rate limit stopped ${what}; retry after the limit resets`, {
      status: e.status ?? 403,
      cause: error,
    });
  }
  const status = e.status ?? 0;
  if (status === 404) return new SourceError("not_found", `${what}: not found (404)`, { status, cause: error });
  if (status === 401)
    return new SourceError("forbidden", `${what}: the credentials were refused (401)`, { status, cause: error });
  if (status === 451) {
    return new SourceError("forbidden", `${what}: access blocked for legal reasons (451)`, { status, cause: error });
  }
  if (status === 403 || status === 429) {
    const remaining = e.response?.headers?.["x-ratelimit-remaining"];
    if (remaining === "0" || status === 429) {
      return new SourceError("rate_limited", `GitHub's rate limit stopped ${what}; retry after the limit resets`, {
        status,
        cause: error,
      });
    }
    return new SourceError("forbidden", `${what}: access denied (403)`, { status, cause: error });
  }
  if (status === 400 || status === 422) {
    return new SourceError("bad_request", `${what}: GitHub rejected the request (${status})`, { status, cause: error });
  }
  return new SourceError("upstream", `${what}: GitHub failed${status ? ` (${status})` : ""}`, { status, cause: error });
}
