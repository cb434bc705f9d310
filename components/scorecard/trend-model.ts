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
      const iso = toIso(audit.auditedAt ?? audit.finishedAt);
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

export interface DeployPoint {
  id: string | number;
  date: string;
  environment: string;
  sha: string;
  leadTimeHours: number | null;
  trigger: string | null;
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
          leadTimeHours: deploy.leadTimeHours ?? null,
          trigger: deploy.trigger ?? null,
        },
      ];
    })
    .sort((a, b) => a.date.localeCompare(b.date));
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
