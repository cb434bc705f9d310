import type { EtagCache } from "./cache";
import type { GitHubClient } from "./client";

/**
 * A GET with `If-None-Match` from the cache: a 304 returns the stored answer (and costs no rate
 * limit), a 200 refreshes the cache. Octokit reports a 304 as a RequestError with status 304.
 */

export interface Counter {
  requests: number;
  cost: number;
}

export interface ConditionalResult<T> {
  data: T;
  notModified: boolean;
  etag: string | null;
}

export async function conditionalGet<T>(
  client: GitHubClient,
  cache: EtagCache,
  counter: Counter,
  route: string,
  params: Record<string, unknown>,
  request: Record<string, unknown>,
): Promise<ConditionalResult<T>> {
  const key = `${route} ${JSON.stringify(params)}`;
  const cached = await cache.get(key);
  counter.requests += 1;
  try {
    const response = await client.request(route, {
      ...params,
      headers: cached ? { "if-none-match": cached.etag } : {},
      request,
    });
    counter.cost += 1;
    const data = response.data as T;
    const etag = typeof response.headers.etag === "string" ? response.headers.etag : null;
    if (etag) await cache.set(key, { etag, value: data });
    return { data, notModified: false, etag };
  } catch (error) {
    if ((error as { status?: number }).status === 304 && cached) {
      return { data: cached.value as T, notModified: true, etag: cached.etag };
    }
    throw error;
  }
}
