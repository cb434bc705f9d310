import { countOf } from "@/lib/parity/plural";
import { Card } from "../card";
import { CommitLink } from "../commit-link";
import type { AuditHistoryView, DeployView, TrendMarkerView } from "../dashboard-types";
import { LeadTimeChart, ScoreTrendChart } from "./lazy-trend-charts";
import { formatHours } from "./trend-model";
import { deploysView, trendView } from "./trend-views";

export function ScoreTrend({ history, markers }: { history: AuditHistoryView[]; markers: TrendMarkerView[] }) {
  const view = trendView(history, markers);
  return (
    <Card
      titleId="trend"
      title="Score per gap"
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
        <div className="px-2 py-2">
          <ScoreTrendChart series={view.series} />
          <p className="sr-only">{view.summary}</p>
        </div>
      )}
    </Card>
  );
}

export function Deploys({ repository, deploys }: { repository: string; deploys: DeployView[] }) {
  const { points, summary, chart } = deploysView(deploys);
  const recent = points.slice(-8).reverse();
  return (
    <Card
      titleId="deploys"
      title="Production deploys"
      aside={
        points.length > 0
          ? `${countOf(summary.count, "deploy")} · median lead time ${formatHours(summary.medianLeadHours)}`
          : null
      }
    >
      {points.length === 0 ? (
        <p className="px-4 py-3 text-sm text-neutral-600 dark:text-neutral-400">
          No deploy signal found. Parity reads GitHub deployments, releases and deploy workflow runs; without them the
          time gap is unknown.
        </p>
      ) : (
        <div className="space-y-2 py-2">
          <div className="px-2">
            <LeadTimeChart points={chart} />
          </div>
          <ol className="divide-y divide-neutral-100 text-xs dark:divide-neutral-900" aria-label="Latest deploys">
            {recent.map((deploy) => (
              <li key={deploy.id} className="flex flex-wrap items-baseline gap-x-3 px-4 py-1.5">
                <time dateTime={deploy.date} className="tabular-nums">
                  {deploy.date.slice(0, 16).replace("T", " ")}
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
