/**
 * Faults a test can switch on: each rule matches requests by method and path and fires `times`
 * times (default: every matching request), so "fails twice, then succeeds" is one rule.
 */

export type Fault =
  /** GitHub's secondary rate limit: 403 (or 429) with `Retry-After` and the documented message. */
  | { kind: "secondary-limit"; retryAfter?: number; status?: 403 | 429 }
  /** The primary limit exhausted: 403 with `x-ratelimit-remaining: 0` and a reset `resetIn` s away. */
  | { kind: "primary-limit"; resetIn?: number }
  | { kind: "status"; status: 404 | 429 | 451 | 500 | 502 | 503 }
  | { kind: "slow"; delayMs: number }
  /** Trees answer `truncated: true` with at most `maxEntries` entries (GitHub: 100,000 / 7 MB). */
  | { kind: "truncate-tree"; maxEntries: number };

export interface FaultRule {
  fault: Fault;
  method?: string;
  /** Substring of the pathname, or a RegExp tested against it (`/graphql`, `/git/trees/`). */
  path?: string | RegExp;
  times?: number;
}

export class Faults {
  private rules: { rule: FaultRule; left: number }[] = [];

  inject(rule: FaultRule): void {
    this.rules.push({ rule, left: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  /** Consumes and returns the faults that apply to this request. */
  take(method: string, pathname: string): Fault[] {
    const out: Fault[] = [];
    for (const entry of this.rules) {
      if (entry.left <= 0) continue;
      const { rule } = entry;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (rule.path !== undefined) {
        const hit = typeof rule.path === "string" ? pathname.includes(rule.path) : rule.path.test(pathname);
        if (!hit) continue;
      }
      entry.left -= 1;
      out.push(rule.fault);
    }
    return out;
  }
}
