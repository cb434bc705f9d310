import { countOf } from "@/lib/parity/plural";
import type { OrganisationWeekView } from "../dashboard-types";

/** The average-score chart in words, for screen readers (the chart itself is hidden from them). */
export function averageScoreSummary(weeks: readonly OrganisationWeekView[]): string {
  const scored = weeks.filter((week) => week.averageScore !== null);
  const first = scored[0];
  const last = scored[scored.length - 1];
  if (!first || !last) return "No average score yet.";
  return `Average score ${Math.round(first.averageScore ?? 0)} in the week of ${first.week}, ${Math.round(last.averageScore ?? 0)} in the week of ${last.week}; ${scored.length} of ${countOf(weeks.length, "week")} ${scored.length === 1 ? "has" : "have"} audits.`;
}

/** The findings-by-gap chart in words: the first and the latest week. */
export function findingsByGapSummary(weeks: readonly OrganisationWeekView[]): string {
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (!first || !last) return "No findings recorded yet.";
  const counts = (week: OrganisationWeekView) =>
    `tools ${week.findingsByGap.tools}, time ${week.findingsByGap.time}, people ${week.findingsByGap.personnel}`;
  return `Open findings in the week of ${first.week}: ${counts(first)}; in the week of ${last.week}: ${counts(last)}.`;
}
