import { countOf } from "@/lib/parity/plural";
/**
 * A tiny inline SVG trend: hundreds of rows render it, so it is plain markup rather than a chart
 * library instance. Gaps (weeks without an audit) break the line.
 */
export function Sparkline({
  values,
  label,
  width = 96,
  height = 24,
}: {
  values: readonly (number | null)[];
  label: string;
  width?: number;
  height?: number;
}) {
  const known = values.filter((value): value is number => value !== null);
  if (known.length === 0) {
    return <span className="text-xs text-neutral-500 dark:text-neutral-400">no history</span>;
  }
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const y = (value: number) => height - 2 - (Math.max(0, Math.min(100, value)) / 100) * (height - 4);
  const segments: string[] = [];
  let current = "";
  values.forEach((value, index) => {
    if (value === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    const x = values.length > 1 ? index * step : width / 2;
    current += `${current ? "L" : "M"}${x.toFixed(1)},${y(value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const last = known[known.length - 1] ?? 0;
  const lastIndex = values.lastIndexOf(last);
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
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" />
      ))}
      <circle
        cx={values.length > 1 ? lastIndex * step : width / 2}
        cy={Number(y(last).toFixed(1))}
        r={2}
        className="fill-neutral-900 dark:fill-neutral-100"
      />
    </svg>
  );
}

export function trendLabel(values: readonly (number | null)[]): string {
  const known = values.filter((value): value is number => value !== null);
  if (known.length === 0) return "No score history";
  const first = Math.round(known[0] ?? 0);
  const last = Math.round(known[known.length - 1] ?? 0);
  const change = last - first;
  const direction = change > 0 ? `up ${change}` : change < 0 ? `down ${-change}` : "unchanged";
  return `Score over ${countOf(values.length, "week")}: ${first} to ${last}, ${direction}`;
}
