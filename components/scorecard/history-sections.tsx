import { formatDuration } from "@/lib/parity/history/time";
import { countOf } from "@/lib/parity/plural";
import { Card } from "../card";
import { ChartLegend } from "../chart-legend";
import { CommitLink } from "../commit-link";
import type { AuditHistoryView, DeployView, TrendMarkerView } from "../dashboard-types";
import type { RepoOnGitHub } from "../format";
import { formatUtcMinute } from "../format";
import { LeadTimeChart, ScoreTrendChart } from "./lazy-trend-charts";
import { CHECK_WINDOW, deployListCut, TREND_WEEKS } from "./time-window";
import { formatHours } from "./trend-model";
import { deploysView, trendView } from "./trend-views";

const NOTE = "px-4 py-2 text-xs text-neutral-600 dark:text-neutral-400";

/** Whether each history card has a chart to show: two cards side by side only when both do. */
export function historyCardsHaveCharts(
  history: readonly AuditHistoryView[],
  markers: readonly TrendMarkerView[],
  deploys: readonly DeployView[],
): { trend: boolean; deploys: boolean } {
  return { trend: trendView(history, markers).count >= 2, deploys: deploysView(deploys).points.length > 0 };
}

export function ScoreTrend({ history, markers }: { history: AuditHistoryView[]; markers: TrendMarkerView[] }) {
  const view = trendView(history, markers);
  return (
    <Card
      titleId="trend"
      title={`Score per gap, last ${TREND_WEEKS} weeks`}
      aside={
        view.count > 0
          ? `${countOf(view.count, "audit")} · ● ${view.appeared} appeared · ○ ${view.resolved} resolved`
          : null
      }
    >
      {view.count < 2 ? (
        <p className="px-4 py-3 text-sm text-neutral-600 dark:text-neutral-400">
          The trend needs two audits; the history fills in as weekly audits are added.
        </p>
      ) : (
        <div className="space-y-1 px-2 py-2">
          <ScoreTrendChart series={view.series} />
          <ChartLegend series={["overall", "tools", "time", "personnel"]} note="● findings appeared · ○ resolved" />
          <p className="sr-only">{view.summary}</p>
        </div>
      )}
    </Card>
  );
}

export interface DeploysProps {
  repository: RepoOnGitHub;
  deploys: DeployView[];
  /** `YYYY-MM-DD`: the first day of the trend's weeks, where the list should start. */
  windowStart: string;
  /** The lead-time check's median (hours per commit, last 90 days): the one that is scored. */
  scoredLeadTimeHours: number | null;
  /** The audit's history coverage (`complete` or `partial`, report metrics). */
  coverage: unknown;
}

export function Deploys({ repository, deploys, windowStart, scoredLeadTimeHours, coverage }: DeploysProps) {
  const { points, summary, chart } = deploysView(deploys);
  const recent = points.slice(-8).reverse();
  const cut = deployListCut(points[0]?.date, windowStart, coverage);
  return (
    <Card
      titleId="deploys"
      title={`Production deploys, last ${TREND_WEEKS} weeks`}
      aside={points.length > 0 ? `${countOf(summary.count, "deploy")} since ${cut ? cut.from : windowStart}` : null}
    >
      {points.length === 0 ? (
        <p className="px-4 py-3 text-sm text-neutral-600 dark:text-neutral-400">
          No deploy signal found. Parity reads GitHub deployments, releases and deploy workflow runs; without them the
          time gap is unknown.
        </p>
      ) : (
        <div className="space-y-2 py-2">
          {cut ? (
            <p
              className="mx-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
              data-note="deploys-cut"
            >
              The list starts on {cut.from}, not {windowStart}: the audit read this repository&apos;s history in part
              (an audit reads the latest 100 deployments GitHub lists), so earlier deploys are missing here and in the
              time scores of those weeks.
            </p>
          ) : null}
          <div className="px-2">
            <LeadTimeChart points={chart} />
          </div>
          <p className={NOTE} data-note="lead-time">
            Bars: each deploy&apos;s median lead time over the commits it shipped. Scored lead time (Time card):{" "}
            {scoredLeadTimeHours === null ? (
              "not measured"
            ) : (
              <>
                median <strong className="font-semibold">{formatDuration(scoredLeadTimeHours)}</strong> per commit
              </>
            )}
            , {CHECK_WINDOW}.
          </p>
          <ol className="divide-y divide-neutral-100 text-xs dark:divide-neutral-900" aria-label="Latest deploys">
            {recent.map((deploy) => (
              <li key={deploy.id} className="flex flex-wrap items-baseline gap-x-3 px-4 py-1.5">
                <time dateTime={deploy.date} className="tabular-nums">
                  {formatUtcMinute(deploy.date)}
                </time>
                <span>{deploy.environment}</span>
                <CommitLink repository={repository} sha={deploy.sha} className="font-mono" />
                {deploy.trigger ? (
                  <span className="text-neutral-600 dark:text-neutral-400">{deploy.trigger}</span>
                ) : null}
                <span className="ml-auto text-neutral-600 dark:text-neutral-400">
                  lead time {formatHours(deploy.leadTimeHours)}
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </Card>
  );
}
