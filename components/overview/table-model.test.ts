import { describe, expect, it } from "vitest";
import type { RepositorySummaryView } from "../dashboard-types";
import {
  filterRows,
  firstPage,
  firstPageOf,
  PAGE_SIZE,
  sortRows,
  summarize,
  summaryOf,
  weakestGap,
} from "./table-model";

function row(
  partial: Partial<RepositorySummaryView> & Pick<RepositorySummaryView, "id" | "fullName">,
): RepositorySummaryView {
  const [owner = "", name = ""] = partial.fullName.split("/");
  return {
    owner,
    name,
    level: null,
    scoreOverall: null,
    scoreTools: null,
    scoreTime: null,
    scorePersonnel: null,
    worstFinding: null,
    trend: [],
    lastAuditAt: null,
    lastAuditStatus: null,
    ...partial,
  };
}

const ROWS = [
  row({
    id: 1,
    fullName: "acme/checkout",
    level: "bronze",
    scoreOverall: 48,
    scoreTools: 31,
    scoreTime: 62,
    scorePersonnel: 70,
    worstFinding: { title: "SQLite in dev, PostgreSQL in prod", severity: "high" },
    lastAuditAt: "2025-11-24T09:57:00Z",
  }),
  row({
    id: 2,
    fullName: "acme/search",
    level: "silver",
    scoreOverall: 77,
    scoreTools: 80,
    scoreTime: 71,
    scorePersonnel: 75,
    worstFinding: { title: "elasticsearch 7 vs opensearch 2", severity: "medium" },
    lastAuditAt: new Date("2025-11-24T09:00:00Z"),
  }),
  row({ id: 3, fullName: "acme/new-thing" }),
  row({
    id: 4,
    fullName: "beta/api",
    level: "gold",
    scoreOverall: 93,
    scoreTools: 95,
    scoreTime: 90,
    scorePersonnel: 94,
  }),
];

describe("weakestGap", () => {
  it.each([
    [0, "tools"],
    [1, "time"],
    [2, null],
    [3, "time"],
  ] as const)("row %i is weakest on %s", (index, gap) => {
    expect(weakestGap(ROWS[index] as RepositorySummaryView)).toBe(gap);
  });
});

describe("filterRows", () => {
  it.each([
    [{ text: "", gap: "all", level: "all" }, [1, 2, 3, 4]],
    [{ text: "SEARCH", gap: "all", level: "all" }, [2]],
    [{ text: "sqlite", gap: "all", level: "all" }, [1]],
    [{ text: "", gap: "time", level: "all" }, [2, 4]],
    [{ text: "", gap: "all", level: "none" }, [3]],
    [{ text: "acme", gap: "all", level: "silver" }, [2]],
  ] as const)("%j keeps %j", (filters, ids) => {
    expect(filterRows(ROWS, filters).map((r) => r.id)).toEqual(ids);
  });
});

describe("sortRows", () => {
  it.each([
    ["scoreOverall", "ascending", [1, 2, 4, 3]],
    ["scoreOverall", "descending", [4, 2, 1, 3]],
    ["fullName", "ascending", [1, 3, 2, 4]],
    ["level", "descending", [4, 2, 1, 3]],
    ["worstFinding", "ascending", [1, 2, 3, 4]],
    ["lastAuditAt", "descending", [1, 2, 3, 4]],
  ] as const)("by %s %s, unknown last", (key, direction, ids) => {
    expect(sortRows(ROWS, key, direction).map((r) => r.id)).toEqual(ids);
  });
});

describe("summarize", () => {
  it("counts levels, takes the median of known scores and the latest audit", () => {
    expect(summarize(ROWS)).toEqual({
      count: 4,
      median: 77,
      levels: { gold: 1, silver: 1, bronze: 1, none: 1 },
      lastSweep: "2025-11-24T09:57:00.000Z",
    });
  });
  it("has no median or sweep without audits", () => {
    expect(summarize([row({ id: 9, fullName: "a/b" })])).toMatchObject({ median: null, lastSweep: null });
  });
});

describe("firstPage", () => {
  it("sends the worst-scored page first, unscored repositories after every scored one", () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      row({ id: i, fullName: `bench/r${String(i).padStart(3, "0")}`, scoreOverall: i === 7 ? null : (i * 37) % 101 }),
    );
    const page = firstPage(many);
    expect(page).toHaveLength(PAGE_SIZE);
    const scores = page.map((r) => r.scoreOverall ?? Number.POSITIVE_INFINITY);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(Math.max(...scores)).toBeLessThanOrEqual(
      Math.min(...many.filter((r) => !page.includes(r)).map((r) => r.scoreOverall ?? Number.POSITIVE_INFINITY)),
    );
    expect(page.some((r) => r.id === 7)).toBe(false);
  });
});

describe("firstPageOf / summaryOf", () => {
  it("computes once per array and again for a different array", () => {
    const rows = Array.from({ length: PAGE_SIZE + 5 }, (_, i) =>
      row({ id: i, fullName: `acme/r${String(i).padStart(3, "0")}`, scoreOverall: i }),
    );
    const page = firstPageOf(rows);
    expect(page).toHaveLength(PAGE_SIZE);
    expect(firstPageOf(rows)).toBe(page);
    expect(firstPageOf([...rows])).not.toBe(page);
    expect(firstPageOf([...rows])).toEqual(page);
    expect(summaryOf(rows)).toBe(summaryOf(rows));
    expect(summaryOf(rows)).toEqual(summarize(rows));
  });
});
