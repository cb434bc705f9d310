import { describe, expect, it } from "vitest";
import { deployRow } from "./test-rows";
import { deployPoints, deploySummary, formatHours, trendPoints } from "./trend-model";

const scores = (overall: number) => ({ overall, tools: overall - 10, time: overall, personnel: null });

describe("trendPoints", () => {
  it("orders by the audited moment and attaches appeared/resolved counts", () => {
    const points = trendPoints(
      [
        {
          auditId: 2,
          finishedAt: new Date("2025-11-20T00:00:00Z"),
          auditedAt: new Date("2025-11-17T00:00:00Z"),
          commitSha: "b",
          scores: scores(50),
          level: "bronze",
          trigger: "history",
        },
        {
          auditId: 1,
          finishedAt: new Date("2025-11-20T00:00:00Z"),
          auditedAt: new Date("2025-11-10T00:00:00Z"),
          commitSha: "a",
          scores: scores(40),
          level: null,
          trigger: "history",
        },
      ],
      [
        {
          auditId: 2,
          finishedAt: null,
          auditedAt: new Date("2025-11-17T00:00:00Z"),
          appeared: ["x"],
          resolved: ["y", "z"],
        },
      ],
    );
    expect(points.map((p) => [p.auditId, p.overall, p.appeared, p.resolved])).toEqual([
      [1, 40, 0, 0],
      [2, 50, 1, 2],
    ]);
  });
});

describe("deploys", () => {
  it("sorts deploys and takes the median known lead time", () => {
    const points = deployPoints([
      deployRow({ id: 2, sha: "b", deployedAt: new Date("2025-11-02T00:00:00Z"), leadTimeHours: 30 }),
      deployRow({ id: 1, sha: "a", deployedAt: new Date("2025-11-01T00:00:00Z"), leadTimeHours: null }),
      deployRow({ id: 3, sha: "c", deployedAt: new Date("2025-11-03T00:00:00Z"), leadTimeHours: 10 }),
    ]);
    expect(points.map((p) => p.id)).toEqual([1, 2, 3]);
    expect(deploySummary(points)).toEqual({ count: 3, medianLeadHours: 20 });
  });
  it.each([
    [null, "—"],
    [0.25, "15 min"],
    [2.34, "2.3 h"],
    [30, "30 h"],
    [55.2, "2.3 days"],
  ])("formats %s hours as %s", (hours, text) => {
    expect(formatHours(hours)).toBe(text);
  });
});
