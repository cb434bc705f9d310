"use client";

import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { lineEnds, spreadLabels } from "../chart-labels";
import { SCORE_AXIS, SERIES } from "../chart-palette";
import { type LeadTimeChartPoint, seriesPoints, type TrendChartPoint, type TrendSeries } from "./trend-model";

const AXIS = { fontSize: 11, fill: "currentColor" };
const HEIGHT = 220;
const MARGIN = { top: 12, right: 76, left: 0, bottom: 0 };
/** Pixels per score point in the plot (height less margins, axis and padding), for label spacing. */
const PX_PER_POINT = (HEIGHT - MARGIN.top - 30 - SCORE_AXIS.padding.top - SCORE_AXIS.padding.bottom) / 100;
const LINES = ["tools", "time", "personnel", "overall"] as const;

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

interface LabelProps {
  x?: number | string;
  y?: number | string;
  index?: number;
}

/** The series' name and last value, right of its last point, moved by `shift` score points. */
function endLabel(text: string, index: number, shift: number) {
  return function drawEndLabel({ x, y, index: at }: LabelProps) {
    if (at !== index || typeof x !== "number" || typeof y !== "number") return <g />;
    return (
      <text
        x={x + 6}
        y={y - shift * PX_PER_POINT}
        dy={4}
        fontSize={11}
        fontWeight={600}
        fill="currentColor"
        data-direct-label={text}
      >
        {text}
      </text>
    );
  };
}

export function ScoreTrendChart({ series }: { series: TrendSeries }) {
  const points = useMemo(() => seriesPoints(series), [series]);
  const labels = useMemo(() => {
    const ends = lineEnds(points, LINES);
    const spread = spreadLabels(ends, 12 / PX_PER_POINT);
    return new Map(
      ends.map((end) => [
        end.key,
        endLabel(
          `${SERIES[end.key].label} ${Math.round(end.value)}`,
          end.index,
          (spread.get(end.key) ?? end.value) - end.value,
        ),
      ]),
    );
  }, [points]);
  return (
    <div className="text-neutral-600 dark:text-neutral-400" aria-hidden data-chart="score-trend">
      <LineChart
        accessibilityLayer={false}
        responsive
        style={{ width: "100%", height: HEIGHT }}
        data={points}
        margin={MARGIN}
      >
        <CartesianGrid strokeDasharray="2 4" stroke="currentColor" strokeOpacity={0.25} vertical={false} />
        <XAxis dataKey="date" tickFormatter={day} tick={AXIS} stroke="currentColor" minTickGap={24} />
        <YAxis {...SCORE_AXIS} tick={AXIS} stroke="currentColor" width={32} />
        <Tooltip labelFormatter={(label) => `${String(label).slice(0, 10)} (UTC)`} contentStyle={{ fontSize: 12 }} />
        {LINES.map((key) => {
          const style = SERIES[key];
          const overall = key === "overall";
          return (
            <Line
              key={key}
              dataKey={key}
              name={style.label}
              stroke="currentColor"
              className={style.colorClass}
              strokeDasharray={style.dash}
              strokeWidth={overall ? 2.5 : 2}
              dot={overall ? MarkerDot : false}
              label={labels.get(key) ?? false}
              connectNulls
              isAnimationActive={false}
            />
          );
        })}
      </LineChart>
    </div>
  );
}

export function LeadTimeChart({ points }: { points: LeadTimeChartPoint[] }) {
  const data = points.map((point) => ({ ...point, leadTimeHours: point.leadTimeHours ?? 0 }));
  return (
    <div className="text-neutral-600 dark:text-neutral-400" aria-hidden data-chart="lead-time">
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
          labelFormatter={(label) => `${String(label).slice(0, 16).replace("T", " ")} UTC`}
          contentStyle={{ fontSize: 12 }}
        />
        <Bar
          dataKey="leadTimeHours"
          name="median lead time of the commits it shipped (h)"
          fill="currentColor"
          className={SERIES.time.colorClass}
          isAnimationActive={false}
        />
      </BarChart>
    </div>
  );
}
