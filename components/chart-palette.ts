import type { Gap } from "@/lib/parity/types";

/**
 * The colours the charts tell series apart by: the Okabe-Ito palette (designed to stay distinct for
 * the common forms of colour blindness), a darker shade on white and a lighter one on the dark
 * background, each at least 3:1 against its background (WCAG 1.4.11, graphics). Colour is never
 * the only cue: each series keeps its own dash style, and the legend and the direct label at the
 * end of each line name it.
 *
 * Charts draw in `currentColor`, and these classes set `color` on each series' group, so one
 * class list serves both themes (an SVG presentation attribute cannot follow the `dark` class).
 */
export interface SeriesStyle {
  /** The word in the legend, the direct label and the tooltip. */
  label: string;
  /** Tailwind classes that set the series' colour in light and dark mode. */
  colorClass: string;
  /** SVG `stroke-dasharray`; undefined for a solid line. */
  dash: string | undefined;
}

export type SeriesKey = Gap | "overall";

export const SERIES: Record<SeriesKey, SeriesStyle> = {
  // Okabe-Ito blue (#0072b2) / sky blue (#56b4e9).
  tools: { label: "tools", colorClass: "text-[#0072b2] dark:text-[#56b4e9]", dash: undefined },
  // Okabe-Ito vermillion (#d55e00) / orange (#e69f00).
  time: { label: "time", colorClass: "text-[#d55e00] dark:text-[#e69f00]", dash: "6 3" },
  // Okabe-Ito bluish green (#009e73), a lighter tint on the dark background.
  personnel: { label: "people", colorClass: "text-[#009e73] dark:text-[#3cc39b]", dash: "2 3" },
  // The headline series: the text colour, thicker than the gaps.
  overall: { label: "overall", colorClass: "text-neutral-900 dark:text-neutral-100", dash: undefined },
};

/**
 * Score axes run 0-100 with room above and below, so a series at exactly 100 (or 0) is drawn
 * whole instead of half-clipped under the plot's edge (recharts `YAxis.padding`, in pixels).
 */
export const SCORE_AXIS = {
  domain: [0, 100] as [number, number],
  ticks: [0, 25, 50, 75, 100],
  padding: { top: 10, bottom: 6 },
};
