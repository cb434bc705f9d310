import type { ReactNode } from "react";

/** The one container style: a bordered section with a heading; wide content scrolls inside it. */
export function Card({
  title,
  titleId,
  aside,
  children,
  className = "",
}: {
  title: ReactNode;
  titleId?: string;
  aside?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={titleId}
      className={`min-w-0 rounded-lg border border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-950 ${className}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-neutral-200 px-4 py-2.5 dark:border-neutral-800">
        <h2 id={titleId} className="text-sm font-semibold">
          {title}
        </h2>
        {aside ? <div className="text-xs text-neutral-600 dark:text-neutral-400">{aside}</div> : null}
      </div>
      <div className="min-w-0">{children}</div>
    </section>
  );
}

/**
 * A horizontally scrollable, keyboard-focusable region for wide tables on narrow screens. It is
 * `relative` so visually hidden (absolutely positioned) text inside is clipped with the table
 * instead of widening the page.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe: scrollable-region-focusable).
    <section aria-label={label} tabIndex={0} className="relative overflow-x-auto">
      {children}
    </section>
  );
}
