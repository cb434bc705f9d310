/**
 * A fixed-window rate limiter kept in this process's memory: one counter per key per window.
 * Good enough for one web process (several processes each allow the limit; put a shared limit in
 * front of Parity if you run many). Memory stays bounded: expired windows are dropped when the
 * table grows past `maxKeys`, and if every window is live the oldest are dropped.
 */

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  ok: boolean;
  remaining: number;
  /** Seconds until the window resets (for `Retry-After`). */
  retryAfter: number;
}

export interface RateLimiter {
  take(key: string, now: number): RateLimitResult;
  readonly size: number;
}

export function createRateLimiter(rule: RateLimitRule, maxKeys = 10_000): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();

  function prune(now: number): void {
    for (const [key, window] of windows) if (now - window.start >= rule.windowMs) windows.delete(key);
    // Still full: forget the oldest (Map keeps insertion order) rather than grow without bound.
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(key);
    }
  }

  return {
    take(key, now) {
      let window = windows.get(key);
      if (!window || now - window.start >= rule.windowMs) {
        if (!window && windows.size >= maxKeys) prune(now);
        windows.delete(key);
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      const retryAfter = Math.max(1, Math.ceil((window.start + rule.windowMs - now) / 1000));
      return { ok: window.count <= rule.limit, remaining: Math.max(0, rule.limit - window.count), retryAfter };
    },
    get size() {
      return windows.size;
    },
  };
}

/** Sign-in (two requests each) is tried by people a few times a minute; the UI polls the API. */
export const RATE_LIMITS = {
  auth: { limit: 30, windowMs: 60_000 },
  api: { limit: 600, windowMs: 60_000 },
} as const satisfies Record<string, RateLimitRule>;

const LIMITERS = Symbol.for("parity.rate-limiters");
type GlobalWithLimiters = typeof globalThis & { [LIMITERS]?: Record<keyof typeof RATE_LIMITS, RateLimiter> };

/** The process's limiters, on globalThis so every bundle of the server shares them. */
export function processLimiters(): Record<keyof typeof RATE_LIMITS, RateLimiter> {
  const holder = globalThis as GlobalWithLimiters;
  holder[LIMITERS] ??= { auth: createRateLimiter(RATE_LIMITS.auth), api: createRateLimiter(RATE_LIMITS.api) };
  return holder[LIMITERS];
}
