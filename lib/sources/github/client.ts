import { createAppAuth } from "@octokit/auth-app";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import Bottleneck from "bottleneck";

/**
 * The one GitHub client: a token, a GitHub App installation, or nobody (public repositories, 60
 * requests an hour). Throttling waits out `Retry-After`, secondary limits and a reset primary
 * limit; retry backs off on 5xx. Every wait is bounded by the request's deadline (see
 * `withDeadline`), so an audit fails with a clear error instead of hanging.
 */

export type GitHubAuth =
  | { type: "token"; token: string }
  | { type: "app"; appId: number | string; privateKey: string; installationId: number }
  | { type: "none" };

export interface GitHubClientConfig {
  /** `https://api.github.com`, a GHES `/api/v3` URL, or the GitHub double. */
  baseUrl: string;
  auth: GitHubAuth;
  /** Upper bound of retries of one request (rate limits and 5xx each). */
  maxRetries?: number;
  /** Base of the 5xx backoff (1x, 4x, 9x this); GitHub's plugins use 1 s. Tests shorten it. */
  retryBaseMs?: number;
  /** Longest single wait for a rate limit to lift before giving up, in ms (default 60 s). */
  maxWaitMs?: number;
  userAgent?: string;
  /**
   * Minimum gap between GraphQL calls and writes of this client. The throttling plugin's default
   * (1 s) suits api.github.com, whose secondary limits count content creation per minute; keep it
   * there. GitHub Enterprise Server (rate limits off unless the admin enables them) and the local
   * double have no such limit, so an org sweep against them may lower it (the bench uses 0).
   * Secondary-limit 403/429 answers are still waited out either way.
   */
  writeIntervalMs?: number;
  /**
   * Minimum gap between writes that notify people (comments, reviews, issues). The plugin's
   * default, 3 s, follows GitHub's guidance for api.github.com; keep it there. Only for GHES
   * without rate limits and the double (the webhook bench uses 0).
   */
  commentIntervalMs?: number;
}

export type GitHubClient = InstanceType<ReturnType<typeof clientClass>> & { parity: { anonymous: boolean } };

function clientClass() {
  return Octokit.plugin(throttling, retry);
}

const DEADLINE_KEY = "parityDeadline";

/** Request options that carry the audit's deadline to the throttling handlers and abort fetches. */
export function withDeadline(deadline: number, signal: AbortSignal): { signal: AbortSignal; [DEADLINE_KEY]: number } {
  return { signal, [DEADLINE_KEY]: deadline };
}

export function createGitHubClient(config: GitHubClientConfig): GitHubClient {
  const maxRetries = config.maxRetries ?? 4;
  const maxWaitMs = config.maxWaitMs ?? 60_000;
  const mayWait = (retryAfterSeconds: number, options: unknown, retryCount: number): boolean => {
    const request = (options as { request?: Record<string, unknown> }).request ?? {};
    const deadline = typeof request[DEADLINE_KEY] === "number" ? request[DEADLINE_KEY] : Number.POSITIVE_INFINITY;
    const waitMs = retryAfterSeconds * 1000;
    return retryCount < maxRetries && waitMs <= maxWaitMs && Date.now() + waitMs < deadline;
  };
  const Client = clientClass();
  const writeIntervalMs = config.writeIntervalMs ?? 1000;
  const commentIntervalMs = config.commentIntervalMs ?? 3000;
  const auth =
    config.auth.type === "token"
      ? { auth: config.auth.token }
      : config.auth.type === "app"
        ? {
            authStrategy: createAppAuth,
            auth: {
              appId: config.auth.appId,
              privateKey: config.auth.privateKey,
              installationId: config.auth.installationId,
            },
          }
        : {};
  const octokit = new Client({
    ...auth,
    baseUrl: config.baseUrl.replace(/\/+$/, ""),
    userAgent: config.userAgent ?? "parity-audit",
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    throttle: {
      // A distinct id per client keeps one client's waits from stalling another's requests.
      id: `parity-${Math.random().toString(36).slice(2)}`,
      ...(writeIntervalMs === 1000
        ? {}
        : { write: new Bottleneck.Group({ maxConcurrent: 1, minTime: Math.max(0, writeIntervalMs) }) }),
      ...(commentIntervalMs === 3000
        ? {}
        : { notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: Math.max(0, commentIntervalMs) }) }),
      onRateLimit: (retryAfter: number, options: unknown, _octokit: unknown, retryCount: number) =>
        mayWait(retryAfter, options, retryCount),
      onSecondaryRateLimit: (retryAfter: number, options: unknown, _octokit: unknown, retryCount: number) =>
        mayWait(retryAfter, options, retryCount),
    },
    retry: { retries: maxRetries, retryAfterBaseValue: config.retryBaseMs ?? 1000 },
  });
  return Object.assign(octokit, { parity: { anonymous: config.auth.type === "none" } });
}
