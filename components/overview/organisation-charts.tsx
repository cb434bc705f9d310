"use client";

import { Area, AreaChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { axisTop, spreadLabels } from "../chart-labels";
import { SCORE_AXIS, SERIES } from "../chart-palette";
import type { OrganisationWeekView } from "../dashboard-types";

const AXIS = { fontSize: 11, fill: "currentColor" };
const GAPS = ["tools", "time", "personnel"] as const;

function shortWeek(week: string): string {
  return week.slice(5, 10);
}

interface LabelProps {
  x?: number | string;
  y?: number | string;
  index?: number;
  value?: unknown;
}

/** A direct label (`text` and the point's value) at point `index` only. */
function labelAt(index: number, text: string) {
  return function drawLabel({ x, y, index: at, value }: LabelProps) {
    if (at !== index || typeof x !== "number" || typeof y !== "number") return <g />;
    return (
      <text x={x + 6} y={y} dy={4} fontSize={11} fontWeight={600} fill="currentColor" data-direct-label={text}>
        {text} {Math.round(Number(value))}
      </text>
    );
  };
}

const STACK_HEIGHT = 140;
const STACK_MARGIN = { top: 8, right: 72, left: 0, bottom: 5 };
/** The plot's height in pixels: the chart less its margins and the x axis (30 px). */
const STACK_PLOT = STACK_HEIGHT - STACK_MARGIN.top - STACK_MARGIN.bottom - 30;

/**
 * A stacked band's label, in the right margin beside the middle of its band at the last week;
 * `center` is where spreadLabels put it (count units), so thin bands' labels do not overlap.
 */
function bandLabel(index: number, text: string, count: number, top: number, center: number, pxPerUnit: number) {
  return function drawBandLabel({ x, y, index: at }: LabelProps) {
    if (at !== index || typeof x !== "number" || typeof y !== "number") return <g />;
    // `y` is the top of this series' band; `top` the stacked count there.
    return (
      <text
        x={x + 6}
        y={y + (top - center) * pxPerUnit}
        dy={4}
        fontSize={11}
        fontWeight={600}
        fill="currentColor"
        data-direct-label={text}
      >
        {text} {count}
      </text>
    );
  };
}

function lastIndexWith(weeks: readonly OrganisationWeekView[], has: (week: OrganisationWeekView) => boolean): number {
  for (let index = weeks.length - 1; index >= 0; index -= 1) {
    const week = weeks[index];
    if (week && has(week)) return index;
  }
  return -1;
}

/** Average overall score per week across the organisation. */
export function AverageScoreChart({ weeks }: { weeks: OrganisationWeekView[] }) {
  const last = lastIndexWith(weeks, (week) => week.averageScore !== null);
  return (
    <div className="text-neutral-600 dark:text-neutral-400" aria-hidden data-chart="average-score">
      <LineChart
        accessibilityLayer={false}
        responsive
        style={{ width: "100%", height: 140 }}
        data={weeks}
        margin={{ top: 8, right: 56, left: 0 }}
      >
        <CartesianGrid strokeDasharray="2 4" stroke="currentColor" strokeOpacity={0.25} vertical={false} />
        <XAxis dataKey="week" tickFormatter={shortWeek} tick={AXIS} stroke="currentColor" minTickGap={24} />
        <YAxis {...SCORE_AXIS} ticks={[0, 50, 100]} tick={AXIS} stroke="currentColor" width={32} />
        <Tooltip labelFormatter={(week) => `week of ${String(week)} (UTC)`} contentStyle={{ fontSize: 12 }} />
        <Line
          type="monotone"
          dataKey="averageScore"
          name="average score"
          stroke="currentColor"
          className={SERIES.overall.colorClass}
          strokeWidth={2}
          dot={false}
          label={labelAt(last, "avg")}
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
  const last = data.length - 1;
  const top = axisTop(Math.max(0, ...data.map((week) => week.tools + week.time + week.personnel)));
  const pxPerUnit = STACK_PLOT / top;
  const final = data[last] ?? { tools: 0, time: 0, personnel: 0 };
  const tops = new Map<(typeof GAPS)[number], number>();
  let bottom = 0;
  const ends = GAPS.map((gap) => {
    const center = bottom + final[gap] / 2;
    bottom += final[gap];
    tops.set(gap, bottom);
    return { key: gap, index: last, value: center };
  });
  const centers = spreadLabels(ends, 12 / pxPerUnit, top);
  return (
    <div className="text-neutral-600 dark:text-neutral-400" aria-hidden data-chart="findings-by-gap">
      <AreaChart
        accessibilityLayer={false}
        responsive
        style={{ width: "100%", height: STACK_HEIGHT }}
        data={data}
        margin={STACK_MARGIN}
      >
        <CartesianGrid strokeDasharray="2 4" stroke="currentColor" strokeOpacity={0.25} vertical={false} />
        <XAxis dataKey="week" tickFormatter={shortWeek} tick={AXIS} stroke="currentColor" minTickGap={24} />
        <YAxis domain={[0, top]} allowDecimals={false} tick={AXIS} stroke="currentColor" width={32} />
        <Tooltip labelFormatter={(week) => `week of ${String(week)} (UTC)`} contentStyle={{ fontSize: 12 }} />
        {GAPS.map((gap) => {
          const style = SERIES[gap];
          return (
            <Area
              key={gap}
              dataKey={gap}
              name={style.label}
              stackId="gap"
              stroke="currentColor"
              strokeDasharray={style.dash}
              strokeWidth={1.5}
              fill="currentColor"
              fillOpacity={0.35}
              className={style.colorClass}
              label={bandLabel(last, style.label, final[gap], tops.get(gap) ?? 0, centers.get(gap) ?? 0, pxPerUnit)}
              isAnimationActive={false}
            />
          );
        })}
      </AreaChart>
    </div>
  );
}
