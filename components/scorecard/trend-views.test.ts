import { describe, expect, it } from "vitest";
import type { AuditHistoryView, DeployView, TrendMarkerView } from "../dashboard-types";
import { deployRow } from "./test-rows";
import { deploysView, trendView } from "./trend-views";

const audit = (auditId: number, day: number): AuditHistoryView => ({
  auditId,
  finishedAt: new Date(`2026-06-${String(day).padStart(2, "0")}T10:00:00Z`),
  auditedAt: new Date(`2026-06-${String(day).padStart(2, "0")}T10:00:00Z`),
  commitSha: null,
  scores: { overall: 50 + day, tools: 40, time: null, personnel: 60 },
  level: "bronze",
  trigger: "schedule",
});

describe("trend and deploy views", () => {
  it("derives once per pair of arrays and again for new arrays", () => {
    const history = [audit(1, 1), audit(2, 2)];
    const markers: TrendMarkerView[] = [
      {
        auditId: 2,
        finishedAt: null,
        auditedAt: new Date("2026-06-02T10:00:00Z"),
        appeared: ["a", "b"],
        resolved: ["c"],
      },
    ];
    const view = trendView(history, markers);
    expect(view).toMatchObject({ count: 2, appeared: 2, resolved: 1 });
    expect(view.series.overall).toEqual([51, 52]);
    expect(trendView(history, markers)).toBe(view);
    expect(trendView(history, [])).toMatchObject({ appeared: 0, resolved: 0 });
    expect(trendView([...history], markers)).not.toBe(view);
  });

  it("keeps the deploys' points, summary and chart together", () => {
    const deploys: DeployView[] = [
      deployRow({ id: 2, sha: "b", deployedAt: new Date("2026-06-03T10:00:00Z"), leadTimeHours: 4 }),
      deployRow({ id: 1, sha: "a", deployedAt: new Date("2026-06-01T10:00:00Z"), leadTimeHours: 2 }),
    ];
    const view = deploysView(deploys);
    expect(view.points.map((point) => point.id)).toEqual([1, 2]);
    expect(view.summary).toEqual({ count: 2, medianLeadHours: 3 });
    expect(view.chart).toEqual([
      { date: "2026-06-01T10:00", leadTimeHours: 2 },
      { date: "2026-06-03T10:00", leadTimeHours: 4 },
    ]);
    expect(deploysView(deploys)).toBe(view);
  });
});
