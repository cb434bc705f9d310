import { formatUtcMinute } from "../format";

/**
 * The windows the scorecard's numbers are read over, said where the numbers are shown
 * (docs/scoring.md): trends and deploy lists cover the last 26 weeks (lib/db/queries/dashboard.ts),
 * the time and people checks the last 90 days before the audit.
 */
export const TREND_WEEKS = 26;
export const CHECK_WINDOW = "last 90 days";

/** A deploy list starting a week or more after its window began, when the source was cut short. */
export function deployListCut(
  firstDeploy: string | undefined,
  windowStart: string,
  coverage: unknown,
): { from: string } | null {
  if (!firstDeploy || coverage !== "partial") return null;
  const late = Date.parse(firstDeploy) - Date.parse(`${windowStart}T00:00:00Z`);
  return late >= 7 * 86_400_000 ? { from: formatUtcMinute(firstDeploy).slice(0, 10) } : null;
}
