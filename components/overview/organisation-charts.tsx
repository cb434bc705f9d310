"use client";

import { Area, AreaChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { OrganisationWeekView } from "../dashboard-types";

const AXIS = { fontSize: 11, fill: "currentColor" };

function shortWeek(week: string): string {
  return week.slice(5, 10);
}

/** Average overall score per week across the organisation. */
export function AverageScoreChart({ weeks }: { weeks: OrganisationWeekView[] }) {
  return (
    <div className="text-neutral-500 dark:text-neutral-400" aria-hidden>
      <LineChart
        accessibilityLayer={false}
        responsive
        style={{ width: "100%", height: 140 }}
        data={weeks}
        margin={{ top: 8, right: 12, left: 0 }}
      >
        <CartesianGrid strokeDasharray="2 4" stroke="currentColor" strokeOpacity={0.25} vertical={false} />
        <XAxis dataKey="week" tickFormatter={shortWeek} tick={AXIS} stroke="currentColor" minTickGap={24} />
        <YAxis domain={[0, 100]} tick={AXIS} stroke="currentColor" width={32} />
        <Tooltip labelFormatter={(week) => `week of ${String(week)}`} contentStyle={{ fontSize: 12 }} />
        <Line
          type="monotone"
          dataKey="averageScore"
          name="average score"
          stroke="currentColor"
          className="text-neutral-900 dark:text-neutral-100"
          strokeWidth={2}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}

/** Open findings per gap per week, stacked: tools, time, people. */
export function FindingsByGapChart({ weeks }: { weeks: OrganisationWeekView[] }) {
  const data = weeks.map((week) => ({ week: week.week, ...week.findingsByGap }));
  return (
    <div className="text-neutral-500 dark:text-neutral-400" aria-hidden>
      <AreaChart
        accessibilityLayer={false}
        responsive
        style={{ width: "100%", height: 140 }}
        data={data}
        margin={{ top: 8, right: 12, left: 0 }}
      >
        <CartesianGrid strokeDasharray="2 4" stroke="currentColor" strokeOpacity={0.25} vertical={false} />
        <XAxis dataKey="week" tickFormatter={shortWeek} tick={AXIS} stroke="currentColor" minTickGap={24} />
        <YAxis allowDecimals={false} tick={AXIS} stroke="currentColor" width={32} />
        <Tooltip labelFormatter={(week) => `week of ${String(week)}`} contentStyle={{ fontSize: 12 }} />
        <Area
          dataKey="tools"
          name="tools"
          stackId="gap"
          stroke="#525252"
          fill="#525252"
          fillOpacity={0.5}
          isAnimationActive={false}
        />
        <Area
          dataKey="time"
          name="time"
          stackId="gap"
          stroke="#a3a3a3"
          fill="#a3a3a3"
          fillOpacity={0.5}
          isAnimationActive={false}
        />
        <Area
          dataKey="personnel"
          name="people"
          stackId="gap"
          stroke="#d4d4d4"
          fill="#d4d4d4"
          fillOpacity={0.5}
          isAnimationActive={false}
        />
      </AreaChart>
    </div>
  );
}
