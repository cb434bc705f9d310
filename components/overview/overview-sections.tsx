import type { Gap, Level } from "@/lib/parity/types";
import { Card } from "../card";
import { ChartLegend } from "../chart-legend";
import type { OrganisationWeekView } from "../dashboard-types";
import { formatRelative } from "../format";
import { InfoTip } from "../info-tip";
import { OverallScoreExplained } from "../score-explained";
import { AverageScoreChart, FindingsByGapChart } from "./lazy-organisation-charts";
import { averageScoreSummary, findingsByGapSummary } from "./organisation-summary";

/** The summary line's figures, counted in the database over every repository the viewer sees. */
export interface OverviewSummary {
  count: number;
  median: number | null;
  levels: Record<Level | "none", number>;
  /** ISO time the newest latest audit finished. */
  lastSweep: string | null;
}

export function SummaryLine({ summary, now }: { summary: OverviewSummary; now: Date }) {
  const parts = [
    `${summary.count} ${summary.count === 1 ? "repository" : "repositories"}`,
    `median ${summary.median ?? "—"}`,
    `${summary.levels.gold} Gold`,
    `${summary.levels.silver} Silver`,
    `${summary.levels.bronze} Bronze`,
    `${summary.levels.none} Not yet`,
  ];
  return (
    <p className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1 text-sm text-neutral-700 dark:text-neutral-300">
      <span className="inline-flex flex-wrap items-center gap-1">
        {parts.join(" · ")}
        <InfoTip label="What these numbers mean" align="left">
          <OverallScoreExplained />
          <span className="block">The median is the middle overall score of the repositories listed.</span>
        </InfoTip>
      </span>
      <span className="text-neutral-600 dark:text-neutral-400">
        last sweep{" "}
        {summary.lastSweep ? (
          <time dateTime={summary.lastSweep} title={summary.lastSweep}>
            {formatRelative(summary.lastSweep, now)}
          </time>
        ) : (
          "never"
        )}
      </span>
    </p>
  );
}

const GAP_LABEL: Record<Gap, string> = { tools: "tools", time: "time", personnel: "people" };

export function OrganisationTrends({ weeks }: { weeks: OrganisationWeekView[] }) {
  const scored = weeks.filter((week) => week.averageScore !== null);
  const firstWeek = scored[0];
  const first = firstWeek?.averageScore ?? null;
  const last = scored[scored.length - 1]?.averageScore ?? null;
  const change = first !== null && last !== null && scored.length > 1 ? Math.round(last) - Math.round(first) : null;
  const latest = weeks[weeks.length - 1]?.findingsByGap ?? { tools: 0, time: 0, personnel: 0 };
  if (scored.length === 0) {
    // Nothing to draw yet: one line across the page, not two half-empty cards.
    return (
      <p className="rounded-lg border border-neutral-200 px-4 py-3 text-sm text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
        The organisation&apos;s trends (average score and open findings per week, last {weeks.length} weeks) appear
        after the first audits finish.
      </p>
    );
  }
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card
        title={`Average score, last ${weeks.length} weeks`}
        titleId="average-score"
        aside={
          <span className="inline-flex items-center gap-1">
            <span className="text-sm font-semibold text-neutral-900 tabular-nums dark:text-neutral-100">
              {Math.round(last ?? 0)}
            </span>
            {change !== null && firstWeek ? (
              <span className="tabular-nums" data-note="score-change">
                {change >= 0 ? "+" : "−"}
                {Math.abs(change)} since the week of {firstWeek.week}
              </span>
            ) : null}
            <InfoTip label="What the average score and its change mean">
              <span className="block">
                The mean overall score of the repositories audited each week (weeks start on Monday, UTC). The change
                compares the latest week with the first week that has audits in the chart.
              </span>
              <OverallScoreExplained />
            </InfoTip>
          </span>
        }
      >
        <div className="px-2 py-2">
          <AverageScoreChart weeks={weeks} />
          <p className="sr-only">{averageScoreSummary(weeks)}</p>
        </div>
      </Card>
      <Card
        title={`Open findings by gap, last ${weeks.length} weeks`}
        titleId="findings-by-gap"
        aside={
          <span className="tabular-nums">
            this week:{" "}
            {(["tools", "time", "personnel"] as const).map((gap) => `${GAP_LABEL[gap]} ${latest[gap]}`).join(" · ")}
          </span>
        }
      >
        <div className="space-y-1 px-2 py-2">
          <FindingsByGapChart weeks={weeks} />
          <ChartLegend series={["tools", "time", "personnel"]} note="stacked" />
          <p className="sr-only">{findingsByGapSummary(weeks)}</p>
        </div>
      </Card>
    </div>
  );
}
