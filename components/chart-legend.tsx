import { SERIES, type SeriesKey } from "./chart-palette";

/**
 * A chart's legend as page text: a swatch drawn like the series (colour and dash) and its name.
 * It sits outside the chart's SVG so it wraps on a phone and reads the same in both themes.
 */
export function ChartLegend({ series, note }: { series: readonly SeriesKey[]; note?: string }) {
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 px-2 text-xs text-neutral-700 dark:text-neutral-300">
      {series.map((key) => {
        const style = SERIES[key];
        return (
          <li key={key} className="inline-flex items-center gap-1.5" data-series={key}>
            <svg width="22" height="8" aria-hidden className={style.colorClass}>
              <line
                x1="1"
                y1="4"
                x2="21"
                y2="4"
                stroke="currentColor"
                strokeWidth={key === "overall" ? 3 : 2}
                strokeDasharray={style.dash}
              />
            </svg>
            {style.label}
          </li>
        );
      })}
      {note ? <li className="text-neutral-600 dark:text-neutral-400">{note}</li> : null}
    </ul>
  );
}
