import { countOf } from "@/lib/parity/plural";
/**
 * A tiny inline SVG trend: hundreds of rows render it, so it is plain markup rather than a chart
 * library instance. One point per week that has an audit, oldest first, evenly spaced: the query
 * (lib/db/queries/dashboard.ts) leaves weeks without an audit out, so the line joins across them.
 */
export function Sparkline({
  values,
  label,
  width = 96,
  height = 24,
}: {
  values: readonly number[];
  label: string;
  width?: number;
  height?: number;
}) {
  if (values.length === 0) {
    return <span className="text-xs text-neutral-500 dark:text-neutral-400">no history</span>;
  }
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const x = (index: number) => (values.length > 1 ? index * step : width / 2);
  const y = (value: number) => height - 2 - (Math.max(0, Math.min(100, value)) / 100) * (height - 4);
  const path = values
    .map((value, index) => `${index ? "L" : "M"}${x(index).toFixed(1)},${y(value).toFixed(1)}`)
    .join("");
  const lastIndex = values.length - 1;
  const last = values[lastIndex] ?? 0;
  return (
    <svg
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className="overflow-visible text-neutral-500 dark:text-neutral-400"
    >
      <title>{label}</title>
      <path d={path} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" />
      <circle
        cx={x(lastIndex)}
        cy={Number(y(last).toFixed(1))}
        r={2}
        className="fill-neutral-900 dark:fill-neutral-100"
      />
    </svg>
  );
}

/** What the sparkline says to a screen reader: its first and last scores over the weeks it has. */
export function trendLabel(values: readonly number[]): string {
  if (values.length === 0) return "No score history";
  const first = Math.round(values[0] ?? 0);
  const last = Math.round(values[values.length - 1] ?? 0);
  const change = last - first;
  const direction = change > 0 ? `up ${change}` : change < 0 ? `down ${-change}` : "unchanged";
  return `Score over ${countOf(values.length, "audited week")}: ${first} to ${last}, ${direction}`;
}
