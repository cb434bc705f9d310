import { env } from "../env";
import { createGitHubClient, type EtagCache, type GitHubClient, memoryCache } from "../sources/github/index";

/** The process's GitHub client from the validated environment (`GITHUB_API_URL`, `GITHUB_TOKEN`). */
export function githubClientFromEnv(): GitHubClient {
  const settings = env();
  return createGitHubClient({
    baseUrl: settings.GITHUB_API_URL,
    auth: settings.GITHUB_TOKEN ? { type: "token", token: settings.GITHUB_TOKEN } : { type: "none" },
  });
}

const CACHE_KEY = Symbol.for("parity.etag-cache");
type GlobalWithCache = typeof globalThis & { [CACHE_KEY]?: EtagCache };

/** One ETag cache per process: a re-audit of an unchanged repository is answered by 304s. */
export function processEtagCache(): EtagCache {
  const holder = globalThis as GlobalWithCache;
  holder[CACHE_KEY] ??= memoryCache();
  return holder[CACHE_KEY];
}
