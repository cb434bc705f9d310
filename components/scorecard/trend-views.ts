import type { AuditHistoryView, DeployView, TrendMarkerView } from "../dashboard-types";
import {
  type DeployPoint,
  deployPoints,
  deploySummary,
  type LeadTimeChartPoint,
  leadTimeChartPoints,
  type TrendSeries,
  trendPoints,
  trendSeries,
  trendSummary,
} from "./trend-model";

/**
 * What the trend and deploy cards derive from their props, computed once per input array: the
 * scorecard's data is memoised between requests (lib/db/queries/dashboard-cache.ts) and never
 * mutated, so the same arrays come back until an audit changes them. Fresh arrays (tests, team
 * mode, another repository) simply compute again.
 */

export interface TrendView {
  count: number;
  appeared: number;
  resolved: number;
  series: TrendSeries;
  summary: string;
}

const trendViews = new WeakMap<readonly AuditHistoryView[], WeakMap<readonly TrendMarkerView[], TrendView>>();

export function trendView(history: readonly AuditHistoryView[], markers: readonly TrendMarkerView[]): TrendView {
  const byMarkers = trendViews.get(history) ?? new WeakMap<readonly TrendMarkerView[], TrendView>();
  trendViews.set(history, byMarkers);
  const known = byMarkers.get(markers);
  if (known) return known;
  const points = trendPoints(history, markers);
  const view = {
    count: points.length,
    appeared: points.reduce((sum, point) => sum + point.appeared, 0),
    resolved: points.reduce((sum, point) => sum + point.resolved, 0),
    series: trendSeries(points),
    summary: trendSummary(points),
  };
  byMarkers.set(markers, view);
  return view;
}

export interface DeploysView {
  points: DeployPoint[];
  summary: { count: number; medianLeadHours: number | null };
  chart: LeadTimeChartPoint[];
}

const deploysViews = new WeakMap<readonly DeployView[], DeploysView>();

export function deploysView(deploys: readonly DeployView[]): DeploysView {
  const known = deploysViews.get(deploys);
  if (known) return known;
  const points = deployPoints(deploys);
  const view = { points, summary: deploySummary(points), chart: leadTimeChartPoints(points) };
  deploysViews.set(deploys, view);
  return view;
}
