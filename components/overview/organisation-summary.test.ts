import { describe, expect, it } from "vitest";
import type { OrganisationWeekView } from "../dashboard-types";
import { averageScoreSummary, findingsByGapSummary } from "./organisation-summary";

const week = (date: string, averageScore: number | null, tools = 0): OrganisationWeekView => ({
  week: date,
  averageScore,
  findingsByGap: { tools, time: 1, personnel: 2 },
});

describe("organisation charts in words", () => {
  it.each([
    [[], "No average score yet."],
    [[week("2026-06-01", null)], "No average score yet."],
    [
      [week("2026-06-01", null), week("2026-06-08", 61.6), week("2026-06-15", 64.2)],
      "Average score 62 in the week of 2026-06-08, 64 in the week of 2026-06-15; 2 of 3 weeks have audits.",
    ],
  ])("average score (%#)", (weeks, expected) => {
    expect(averageScoreSummary(weeks)).toBe(expected);
  });

  it("findings by gap: first and latest week", () => {
    expect(findingsByGapSummary([])).toBe("No findings recorded yet.");
    expect(findingsByGapSummary([week("2026-06-01", 50, 4), week("2026-06-08", 50, 3)])).toBe(
      "Open findings in the week of 2026-06-01: tools 4, time 1, people 2; in the week of 2026-06-08: tools 3, time 1, people 2.",
    );
  });
});
