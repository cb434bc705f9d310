import { Card, ScrollRegion } from "../card";
import type { AuditHistoryView, DeployView, TrendMarkerView } from "../dashboard-types";
import { formatDate, githubCommitUrl, shortSha } from "../format";
import { LevelBadge, ScoreValue } from "../score";
import { LeadTimeChart, ScoreTrendChart } from "./trend-charts";
import { deployPoints, deploySummary, formatHours, trendPoints } from "./trend-model";

export function ScoreTrend({ history, markers }: { history: AuditHistoryView[]; markers: TrendMarkerView[] }) {
  const points = trendPoints(history, markers);
  const appeared = points.reduce((sum, point) => sum + point.appeared, 0);
  const resolved = points.reduce((sum, point) => sum + point.resolved, 0);
  return (
    <Card
      titleId="trend"
      title="Score per gap"
      aside={points.length > 0 ? `${points.length} audits · ● ${appeared} appeared · ○ ${resolved} resolved` : null}
    >
      {points.length < 2 ? (
        <p className="px-4 py-3 text-sm text-neutral-600 dark:text-neutral-400">
          The trend needs two audits; the history fills in as weekly audits are added.
        </p>
      ) : (
        <div className="px-2 py-2">
          <ScoreTrendChart points={points} />
        </div>
      )}
    </Card>
  );
}

export function Deploys({ repository, deploys }: { repository: string; deploys: DeployView[] }) {
  const points = deployPoints(deploys);
  const summary = deploySummary(points);
  const recent = points.slice(-8).reverse();
  return (
    <Card
      titleId="deploys"
      title="Production deploys"
      aside={
        points.length > 0 ? `${summary.count} deploys · median lead time ${formatHours(summary.medianLeadHours)}` : null
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
            <LeadTimeChart points={points} />
          </div>
          <ol className="divide-y divide-neutral-100 text-xs dark:divide-neutral-900" aria-label="Latest deploys">
            {recent.map((deploy) => (
              <li key={deploy.id} className="flex flex-wrap items-baseline gap-x-3 px-4 py-1.5">
                <time dateTime={deploy.date} className="tabular-nums">
                  {deploy.date.slice(0, 16).replace("T", " ")}
                </time>
                <span>{deploy.environment}</span>
                <a
                  href={githubCommitUrl(repository, deploy.sha)}
                  target="_blank"
                  rel="noreferrer"
                  className="font-mono underline underline-offset-2"
                >
                  {shortSha(deploy.sha)}
                </a>
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

/** Rows of the audit history table; every audit is in the trend and in the history API. */
export const HISTORY_ROWS = 30;

export function AuditHistory({
  repository,
  history,
  markers,
}: {
  repository: string;
  history: AuditHistoryView[];
  markers: TrendMarkerView[];
}) {
  const byAudit = new Map(markers.map((marker) => [marker.auditId, marker]));
  // The newest ones: 26 weeks of daily audits as table rows tripled the page (the trend shows them all).
  const rows = [...history].reverse().slice(0, HISTORY_ROWS);
  const aside =
    history.length > rows.length ? `latest ${rows.length} of ${history.length} audits` : `${history.length} audits`;
  return (
    <Card titleId="history" title="Audit history" aside={aside}>
      {rows.length === 0 ? (
        <p className="px-4 py-3 text-sm text-neutral-600 dark:text-neutral-400">No finished audit yet.</p>
      ) : (
        <ScrollRegion label="Audit history table">
          <table className="w-full min-w-[40rem] text-sm">
            <thead className="border-b border-neutral-200 text-left text-xs text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  date
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  commit
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  trigger
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  level
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  overall
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  tools
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  time
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  people
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  findings
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100 dark:divide-neutral-900">
              {rows.map((audit) => {
                const marker = byAudit.get(audit.auditId);
                return (
                  <tr key={audit.auditId}>
                    <td className="whitespace-nowrap px-4 py-1.5 tabular-nums">
                      {formatDate(audit.auditedAt ?? audit.finishedAt)}
                    </td>
                    <td className="px-3 py-1.5 font-mono text-xs">
                      {audit.commitSha ? (
                        <a
                          href={githubCommitUrl(repository, audit.commitSha)}
                          target="_blank"
                          rel="noreferrer"
                          className="underline underline-offset-2"
                        >
                          {shortSha(audit.commitSha)}
                        </a>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="px-3 py-1.5">{audit.trigger}</td>
                    <td className="px-3 py-1.5">
                      <LevelBadge level={audit.level} />
                    </td>
                    <td className="px-3 py-1.5 text-right font-medium">
                      <ScoreValue score={audit.scores.overall} />
                    </td>
                    <td className="px-3 py-1.5 text-right">
                      <ScoreValue score={audit.scores.tools} />
                    </td>
                    <td className="px-3 py-1.5 text-right">
                      <ScoreValue score={audit.scores.time} />
                    </td>
                    <td className="px-3 py-1.5 text-right">
                      <ScoreValue score={audit.scores.personnel} />
                    </td>
                    <td className="whitespace-nowrap px-3 py-1.5 text-xs">
                      {marker && (marker.appeared.length > 0 || marker.resolved.length > 0) ? (
                        <>
                          {marker.appeared.length > 0 ? `● ${marker.appeared.length} appeared ` : ""}
                          {marker.resolved.length > 0 ? `○ ${marker.resolved.length} resolved` : ""}
                        </>
                      ) : (
                        <span className="text-neutral-500 dark:text-neutral-400">no change</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {history.length > rows.length ? (
        <p className="border-t border-neutral-100 px-4 py-2 text-xs text-neutral-600 dark:border-neutral-900 dark:text-neutral-400">
          Every audit is in the trend above and in the{" "}
          <a href={`/api/repos/${repository}/history`} className="underline underline-offset-2">
            history API
          </a>
          .
        </p>
      ) : null}
    </Card>
  );
}
