"use client";

import dynamic from "next/dynamic";
import { ChartPlaceholder } from "../chart-placeholder";

/** The scorecard's charts, drawn in the browser only (see ChartPlaceholder); same height either way. */
export const ScoreTrendChart = dynamic(() => import("./trend-charts").then((m) => m.ScoreTrendChart), {
  ssr: false,
  loading: () => <ChartPlaceholder height={220} />,
});

export const LeadTimeChart = dynamic(() => import("./trend-charts").then((m) => m.LeadTimeChart), {
  ssr: false,
  loading: () => <ChartPlaceholder height={160} />,
});
