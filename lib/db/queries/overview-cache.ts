import type { Database } from "../client";
import { organisationTrendOf } from "./auth";
import { type OrganisationWeek, organisationTrend } from "./dashboard";
import { createTokenMemo, overviewVersion } from "./dashboard-cache";
import { type OverviewPage, type OverviewSummaryCounts, overviewPage, overviewSummary } from "./overview-page";
import type { OverviewQuery } from "./overview-query";
import { lastWeeks } from "./weeks";

/**
 * The overview page's reads: the table's page, the summary line and the organisation trend.
 * For every repository (local mode) they are memoised per version of the data, like the rest of
 * the dashboard (lib/db/queries/dashboard-cache.ts): the summary and trend once per version, each
 * page (query, sort, filter, page number) as its own entry. For a team-mode viewer (`ids`: the
 * repositories GitHub lets them see) they are read each time.
 */

export interface OverviewPageData {
  page: OverviewPage;
  summary: OverviewSummaryCounts;
  weeks: OrganisationWeek[];
}

const pages = createTokenMemo<OverviewPage>(64);
const headers = createTokenMemo<{ summary: OverviewSummaryCounts; weeks: OrganisationWeek[] }>(4);

export async function cachedOverviewPage(
  db: Database,
  query: OverviewQuery,
  options: { now?: Date; weeks?: number; ids?: readonly number[] } = {},
): Promise<OverviewPageData> {
  const now = options.now ?? new Date();
  const weeks = options.weeks ?? 26;
  if (options.ids) {
    const ids = options.ids;
    const [page, summary, trend] = await Promise.all([
      overviewPage(db, query, { now, weeks, ids }),
      overviewSummary(db, ids),
      organisationTrendOf(db, ids, weeks, now),
    ]);
    return { page, summary, weeks: trend };
  }
  // The first week moves every Monday: part of the key, so a new week never shows last week's axis.
  const week = `${lastWeeks(now, weeks)[0]}:${weeks}`;
  const version = await overviewVersion(db);
  const [page, header] = await Promise.all([
    pages.get(`${week}:${JSON.stringify(query)}`, version, () => overviewPage(db, query, { now, weeks })),
    headers.get(week, version, async () => {
      const [summary, trend] = await Promise.all([overviewSummary(db), organisationTrend(db, weeks, now)]);
      return { summary, weeks: trend };
    }),
  ]);
  return { page, ...header };
}
