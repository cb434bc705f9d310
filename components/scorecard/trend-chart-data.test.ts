import { describe, expect, it } from "vitest";
import { leadTimeChartPoints, seriesPoints, type TrendPoint, trendSeries, trendSummary } from "./trend-model";

const point = (date: string, overall: number | null, appeared = 0, resolved = 0): TrendPoint => ({
  auditId: 7,
  date,
  overall,
  tools: 40,
  time: null,
  personnel: 90,
  appeared,
  resolved,
});

describe("chart data crossing to the browser", () => {
  it("sends the trend as columns without ids, dates to the minute, and rebuilds the points", () => {
    const series = trendSeries([point("2026-06-01T10:35:00.590Z", 79, 1), point("2026-06-02T10:35:00Z", null, 0, 2)]);
    expect(series).toEqual({
      date: ["2026-06-01T10:35", "2026-06-02T10:35"],
      overall: [79, null],
      tools: [40, 40],
      time: [null, null],
      personnel: [90, 90],
      appeared: [1, 0],
      resolved: [0, 2],
    });
    expect(seriesPoints(series)).toEqual([
      { date: "2026-06-01T10:35", overall: 79, tools: 40, time: null, personnel: 90, appeared: 1, resolved: 0 },
      { date: "2026-06-02T10:35", overall: null, tools: 40, time: null, personnel: 90, appeared: 0, resolved: 2 },
    ]);
    const deploy = {
      id: 1,
      date: "2026-06-02T11:35:00.590Z",
      environment: "production",
      sha: "abc",
      leadTimeHours: 3.5,
      trigger: "automatic",
    };
    expect(leadTimeChartPoints([deploy])).toEqual([{ date: "2026-06-02T11:35", leadTimeHours: 3.5 }]);
  });

  it.each([
    [[], "No audits yet."],
    [
      [point("2026-06-01T10:35:00Z", 60.4, 2), point("2026-07-01T10:35:00Z", 71.6, 1, 3)],
      "Scores over 2 audits from 2026-06-01 to 2026-07-01: overall 60 to 72, tools 40 to 40, time unknown to unknown, people 90 to 90. Findings appeared 3 times and were resolved 3 times.",
    ],
  ])("summarises the trend in words (%#)", (points, expected) => {
    expect(trendSummary(points)).toBe(expected);
  });
});
