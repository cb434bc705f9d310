import type { Database } from "../db/client";
import { readAccess, writeAccess } from "../db/queries/auth";
import { AppError } from "../errors/index";

/**
 * "May this user see owner/name?" is GitHub's question to answer: `GET /repos/{owner}/{repo}`
 * with the user's own token answers 200 only for repositories they can read. Answers are cached
 * in the database for ACCESS_TTL_MS so a page of twenty repositories costs no GitHub request on
 * the next load. The anonymous visitor (user 0, no token) is how the badge asks "is it public?".
 */

export const ACCESS_TTL_MS = 5 * 60 * 1000;
export const ANONYMOUS_USER = 0;

export interface AccessDeps {
  db: Database;
  apiUrl: string;
  now: Date;
  fetch?: typeof fetch;
}

export interface GitHubIdentity {
  githubUserId: number;
  /** null: ask as nobody (public repositories only). */
  token: string | null;
}

export interface Access {
  visible: boolean;
  isPrivate: boolean | null;
}

export async function checkRepositoryAccess(
  deps: AccessDeps,
  who: GitHubIdentity,
  owner: string,
  name: string,
): Promise<Access> {
  const fullName = `${owner}/${name}`;
  const cached = await readAccess(deps.db, who.githubUserId, fullName, new Date(deps.now.getTime() - ACCESS_TTL_MS));
  if (cached) return { visible: cached.visible, isPrivate: cached.isPrivate };
  const access = await askGitHub(deps, who.token, owner, name);
  await writeAccess(deps.db, { githubUserId: who.githubUserId, fullName, ...access, checkedAt: deps.now });
  return access;
}

async function askGitHub(
  deps: Pick<AccessDeps, "apiUrl" | "fetch">,
  token: string | null,
  owner: string,
  name: string,
): Promise<Access> {
  const doFetch = deps.fetch ?? fetch;
  const headers: Record<string, string> = { accept: "application/vnd.github+json" };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await doFetch(`${deps.apiUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`, {
      headers,
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new AppError("upstream", "GitHub could not be reached to check access.", { cause: error });
  }
  if (response.status === 200) {
    const json = (await response.json().catch(() => null)) as { private?: unknown } | null;
    return { visible: true, isPrivate: typeof json?.private === "boolean" ? json.private : null };
  }
  if (response.status === 401) throw new AppError("unauthorized", "Your GitHub sign-in has expired. Sign in again.");
  if (response.status === 429 || (response.status === 403 && response.headers.get("x-ratelimit-remaining") === "0")) {
    throw new AppError("rate_limited", "GitHub's rate limit stopped the access check. Try again in a minute.");
  }
  // 404 (no such repository, or not yours to see) and 403 (SSO, blocked): not visible, like GitHub shows it.
  if (response.status === 404 || response.status === 403 || response.status === 451) {
    return { visible: false, isPrivate: null };
  }
  throw new AppError("upstream", `GitHub answered ${response.status} to an access check.`);
}

/**
 * Local mode's "does owner/name exist?" before connecting it: GitHub asked with the server's own
 * token (GITHUB_TOKEN, or anonymously), uncached, so a repository created a moment ago is found.
 */
export async function repositoryOnGitHub(
  deps: Pick<AccessDeps, "apiUrl" | "fetch">,
  token: string | null,
  owner: string,
  name: string,
): Promise<boolean> {
  try {
    return (await askGitHub(deps, token, owner, name)).visible;
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") {
      throw new AppError("forbidden", "GitHub refused GITHUB_TOKEN: check the token Parity is configured with.");
    }
    throw error;
  }
}

/** The repositories among `names` the user may see, checked at most `concurrency` at a time. */
export async function filterVisible<T extends { owner: string; name: string }>(
  deps: AccessDeps,
  who: GitHubIdentity,
  items: readonly T[],
  concurrency = 8,
): Promise<T[]> {
  const visible = new Array<boolean>(items.length).fill(false);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      const item = items[index];
      if (!item) continue;
      visible[index] = (await checkRepositoryAccess(deps, who, item.owner, item.name)).visible;
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return items.filter((_, index) => visible[index]);
}
