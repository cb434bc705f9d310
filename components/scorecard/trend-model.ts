import { countOf } from "@/lib/parity/plural";
import type { AuditHistoryView, DeployView, TrendMarkerView } from "../dashboard-types";
import { median, toIso } from "../format";

export interface TrendPoint {
  auditId: number;
  date: string;
  overall: number | null;
  tools: number | null;
  time: number | null;
  personnel: number | null;
  appeared: number;
  resolved: number;
}

/** Audit history as chart points, oldest first, with counts of findings appeared/resolved at each. */
export function trendPoints(history: readonly AuditHistoryView[], markers: readonly TrendMarkerView[]): TrendPoint[] {
  const byAudit = new Map(markers.map((marker) => [marker.auditId, marker]));
  return history
    .flatMap((audit) => {
      const iso = toIso(audit.auditedAt);
      if (!iso) return [];
      const marker = byAudit.get(audit.auditId);
      return [
        {
          auditId: audit.auditId,
          date: iso,
          overall: audit.scores.overall,
          tools: audit.scores.tools,
          time: audit.scores.time,
          personnel: audit.scores.personnel,
          appeared: marker?.appeared.length ?? 0,
          resolved: marker?.resolved.length ?? 0,
        },
      ];
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** What the trend chart draws: no ids, dates to the minute. */
export type TrendChartPoint = Omit<TrendPoint, "auditId">;

/**
 * The trend chart's points as columns: they cross to the browser as JSON, and half a year of
 * daily audits as objects repeated every key 180 times (17 kB of a 20 kB payload line).
 */
export interface TrendSeries {
  date: string[];
  overall: (number | null)[];
  tools: (number | null)[];
  time: (number | null)[];
  personnel: (number | null)[];
  appeared: number[];
  resolved: number[];
}

export function trendSeries(points: readonly TrendPoint[]): TrendSeries {
  return {
    date: points.map((point) => point.date.slice(0, 16)),
    overall: points.map((point) => point.overall),
    tools: points.map((point) => point.tools),
    time: points.map((point) => point.time),
    personnel: points.map((point) => point.personnel),
    appeared: points.map((point) => point.appeared),
    resolved: points.map((point) => point.resolved),
  };
}

/** Back to one object per point, in the browser, for the chart library. */
export function seriesPoints(series: TrendSeries): TrendChartPoint[] {
  return series.date.map((date, index) => ({
    date,
    overall: series.overall[index] ?? null,
    tools: series.tools[index] ?? null,
    time: series.time[index] ?? null,
    personnel: series.personnel[index] ?? null,
    appeared: series.appeared[index] ?? 0,
    resolved: series.resolved[index] ?? 0,
  }));
}

export interface DeployPoint {
  id: number;
  date: string;
  environment: string;
  sha: string;
  leadTimeHours: number | null;
  trigger: string;
}

export function deployPoints(deploys: readonly DeployView[]): DeployPoint[] {
  return deploys
    .flatMap((deploy) => {
      const iso = toIso(deploy.deployedAt);
      if (!iso) return [];
      return [
        {
          id: deploy.id,
          date: iso,
          environment: deploy.environment,
          sha: deploy.sha,
          leadTimeHours: deploy.leadTimeHours,
          trigger: deploy.trigger,
        },
      ];
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** What the lead-time chart draws: a date to the minute and the hours, nothing else. */
export type LeadTimeChartPoint = Pick<DeployPoint, "date" | "leadTimeHours">;

export function leadTimeChartPoints(points: readonly DeployPoint[]): LeadTimeChartPoint[] {
  return points.map((point) => ({ date: point.date.slice(0, 16), leadTimeHours: point.leadTimeHours }));
}

export function deploySummary(points: readonly DeployPoint[]): { count: number; medianLeadHours: number | null } {
  const leads = points.flatMap((point) => (point.leadTimeHours === null ? [] : [point.leadTimeHours]));
  return { count: points.length, medianLeadHours: median(leads) };
}

export function formatHours(hours: number | null): string {
  if (hours === null) return "—";
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${hours.toFixed(hours < 10 ? 1 : 0)} h`;
  return `${(hours / 24).toFixed(1)} days`;
}

function rounded(score: number | null): string {
  return score === null ? "unknown" : String(Math.round(score));
}

/** The trend chart in words, for screen readers (the chart itself is hidden from them). */
export function trendSummary(points: readonly TrendPoint[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return "No audits yet.";
  const gaps = (["overall", "tools", "time", "personnel"] as const).map(
    (key) => `${key === "personnel" ? "people" : key} ${rounded(first[key])} to ${rounded(last[key])}`,
  );
  const appeared = points.reduce((sum, point) => sum + point.appeared, 0);
  const resolved = points.reduce((sum, point) => sum + point.resolved, 0);
  return `Scores over ${countOf(points.length, "audit")} from ${first.date.slice(0, 10)} to ${last.date.slice(0, 10)}: ${gaps.join(", ")}. Findings appeared ${countOf(appeared, "time")} and were resolved ${countOf(resolved, "time")}.`;
}
