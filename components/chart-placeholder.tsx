/**
 * What a chart's slot shows before the chart mounts in the browser: an empty box of the chart's
 * height, so nothing below it moves when the chart appears. Charts are drawn on the client only
 * (server-rendering them cost CPU on every request and HTML the browser redraws anyway); the
 * text beside each chart (an `sr-only` summary or a table) is what assistive technology reads.
 */
export function ChartPlaceholder({ height }: { height: number }) {
  return (
    <div aria-hidden className="animate-pulse rounded bg-neutral-100/60 dark:bg-neutral-900/60" style={{ height }} />
  );
}
