import type { Gap } from "@/lib/parity/types";
import { Card } from "../card";
import type { OrganisationWeekView, RepositorySummaryView } from "../dashboard-types";
import { formatRelative } from "../format";
import { AverageScoreChart, FindingsByGapChart } from "./lazy-organisation-charts";
import { averageScoreSummary, findingsByGapSummary } from "./organisation-summary";
import { summaryOf } from "./table-model";

export function SummaryLine({ rows, now }: { rows: readonly RepositorySummaryView[]; now: Date }) {
  const summary = summaryOf(rows);
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
      <span>{parts.join(" · ")}</span>
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
  const first = scored[0]?.averageScore ?? null;
  const last = scored[scored.length - 1]?.averageScore ?? null;
  const change = first !== null && last !== null ? Math.round(last) - Math.round(first) : null;
  const latest = weeks[weeks.length - 1]?.findingsByGap ?? { tools: 0, time: 0, personnel: 0 };
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card
        title={`Average score, ${weeks.length} weeks`}
        titleId="average-score"
        aside={
          last === null ? (
            "no audits yet"
          ) : (
            <span className="text-sm font-semibold text-neutral-900 tabular-nums dark:text-neutral-100">
              {Math.round(last)}
              {change !== null ? (
                <span className="ml-1 font-normal text-neutral-600 dark:text-neutral-400">
                  ({change >= 0 ? "+" : "−"}
                  {Math.abs(change)})
                </span>
              ) : null}
            </span>
          )
        }
      >
        <div className="px-2 py-2">
          {scored.length > 0 ? (
            <>
              <AverageScoreChart weeks={weeks} />
              <p className="sr-only">{averageScoreSummary(weeks)}</p>
            </>
          ) : (
            <p className="px-2 py-6 text-sm text-neutral-600 dark:text-neutral-400">
              The trend appears after the first audits finish.
            </p>
          )}
        </div>
      </Card>
      <Card
        title="Open findings by gap"
        titleId="findings-by-gap"
        aside={
          <span className="tabular-nums">
            {(["tools", "time", "personnel"] as const).map((gap) => `${GAP_LABEL[gap]} ${latest[gap]}`).join(" · ")}
          </span>
        }
      >
        <div className="px-2 py-2">
          {weeks.length > 0 ? (
            <>
              <FindingsByGapChart weeks={weeks} />
              <p className="sr-only">{findingsByGapSummary(weeks)}</p>
            </>
          ) : (
            <p className="px-2 py-6 text-sm text-neutral-600 dark:text-neutral-400">No findings recorded yet.</p>
          )}
        </div>
      </Card>
    </div>
  );
}
