/** Weeks are ISO weeks starting on Monday, in UTC, written as `YYYY-MM-DD` (a `date` column). */

const DAY_MS = 86_400_000;

/** The Monday (UTC) of the week containing `at`. */
export function weekStart(at: Date): string {
  const day = at.getUTCDay();
  const sinceMonday = (day + 6) % 7;
  const monday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()) - sinceMonday * DAY_MS);
  return monday.toISOString().slice(0, 10);
}

/** The `count` Mondays ending with the week of `now`, oldest first. */
export function lastWeeks(now: Date, count: number): string[] {
  const current = Date.parse(`${weekStart(now)}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(current - (count - 1 - i) * 7 * DAY_MS).toISOString().slice(0, 10),
  );
}
