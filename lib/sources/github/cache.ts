/**
 * Where a source keeps ETags and the answers they stand for, so a re-audit can send
 * `If-None-Match` and reuse the stored answer on a 304 (which costs no rate limit). The caller
 * provides it (a database table in production); `memoryCache()` is the default.
 */
export interface CacheEntry {
  etag: string;
  value: unknown;
}

export interface EtagCache {
  get(key: string): CacheEntry | undefined | Promise<CacheEntry | undefined>;
  set(key: string, entry: CacheEntry): void | Promise<void>;
}

export function memoryCache(): EtagCache & { size(): number } {
  const entries = new Map<string, CacheEntry>();
  return {
    get: (key) => entries.get(key),
    set: (key, entry) => {
      entries.set(key, entry);
    },
    size: () => entries.size,
  };
}
