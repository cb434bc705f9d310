"use client";

import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { type LeadTimeChartPoint, seriesPoints, type TrendChartPoint, type TrendSeries } from "./trend-model";

const AXIS = { fontSize: 11, fill: "currentColor" };

function day(iso: unknown): string {
  return typeof iso === "string" ? iso.slice(5, 10) : "";
}

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: TrendChartPoint;
}

/** ● where findings appeared, ○ where they were resolved (both: ● inside a ring). */
function MarkerDot({ cx, cy, payload }: DotProps) {
  if (cx === undefined || cy === undefined || !payload) return <g />;
  const { appeared, resolved } = payload;
  if (appeared === 0 && resolved === 0) return <g />;
  return (
    <g>
      {resolved > 0 ? <circle cx={cx} cy={cy} r={6} fill="none" stroke="currentColor" strokeWidth={1.5} /> : null}
      {appeared > 0 ? <circle cx={cx} cy={cy} r={3.5} fill="currentColor" /> : null}
    </g>
  );
}

export function ScoreTrendChart({ series }: { series: TrendSeries }) {
  const points = useMemo(() => seriesPoints(series), [series]);
  return (
    <div className="text-neutral-500 dark:text-neutral-400" aria-hidden>
      <LineChart
        accessibilityLayer={false}
        responsive
        style={{ width: "100%", height: 220 }}
        data={points}
        margin={{ top: 12, right: 12, left: 0 }}
      >
        <CartesianGrid strokeDasharray="2 4" stroke="currentColor" strokeOpacity={0.25} vertical={false} />
        <XAxis dataKey="date" tickFormatter={day} tick={AXIS} stroke="currentColor" minTickGap={24} />
        <YAxis domain={[0, 100]} tick={AXIS} stroke="currentColor" width={32} />
        <Tooltip labelFormatter={(label) => String(label).slice(0, 10)} contentStyle={{ fontSize: 12 }} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line
          dataKey="tools"
          name="tools"
          stroke="#525252"
          strokeWidth={1.5}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          dataKey="time"
          name="time"
          stroke="#8a8a8a"
          strokeDasharray="5 3"
          strokeWidth={1.5}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          dataKey="personnel"
          name="people"
          stroke="#a3a3a3"
          strokeDasharray="1 3"
          strokeWidth={1.5}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          dataKey="overall"
          name="overall (● appeared, ○ resolved)"
          stroke="currentColor"
          className="text-neutral-900 dark:text-neutral-100"
          strokeWidth={2.5}
          dot={MarkerDot}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}

export function LeadTimeChart({ points }: { points: LeadTimeChartPoint[] }) {
  const data = points.map((point) => ({ ...point, leadTimeHours: point.leadTimeHours ?? 0 }));
  return (
    <div className="text-neutral-500 dark:text-neutral-400" aria-hidden>
      <BarChart
        accessibilityLayer={false}
        responsive
        style={{ width: "100%", height: 160 }}
        data={data}
        margin={{ top: 8, right: 12, left: -16 }}
      >
        <CartesianGrid strokeDasharray="2 4" stroke="currentColor" strokeOpacity={0.25} vertical={false} />
        <XAxis dataKey="date" tickFormatter={day} tick={AXIS} stroke="currentColor" minTickGap={24} />
        <YAxis tick={AXIS} stroke="currentColor" width={56} unit=" h" />
        <Tooltip
          labelFormatter={(label) => String(label).slice(0, 16).replace("T", " ")}
          contentStyle={{ fontSize: 12 }}
        />
        <Bar dataKey="leadTimeHours" name="lead time (h)" fill="#737373" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
