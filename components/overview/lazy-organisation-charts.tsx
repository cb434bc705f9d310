"use client";

import dynamic from "next/dynamic";
import { ChartPlaceholder } from "../chart-placeholder";

/** The organisation charts, drawn in the browser only (see ChartPlaceholder); same height either way. */
export const AverageScoreChart = dynamic(() => import("./organisation-charts").then((m) => m.AverageScoreChart), {
  ssr: false,
  loading: () => <ChartPlaceholder height={140} />,
});

export const FindingsByGapChart = dynamic(() => import("./organisation-charts").then((m) => m.FindingsByGapChart), {
  ssr: false,
  loading: () => <ChartPlaceholder height={140} />,
});
