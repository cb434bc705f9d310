import type { Gap, Level } from "@/lib/parity/types";
import type { RepositorySummaryView } from "../dashboard-types";
import { median, SEVERITY_ORDER, toIso } from "../format";

export const SORT_KEYS = [
  "fullName",
  "level",
  "scoreOverall",
  "scoreTools",
  "scoreTime",
  "scorePersonnel",
  "worstFinding",
  "lastAuditAt",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "ascending" | "descending";

/** The overview's first order: worst overall score first, where a platform lead looks. */
export const DEFAULT_SORT = { key: "scoreOverall", direction: "ascending" } as const satisfies {
  key: SortKey;
  direction: SortDirection;
};

/**
 * Rows the server sends with the page. A thousand rows of props made the overview 700 kB and
 * slow under load; the table fetches the rest from `GET /api/repos` when it needs them.
 */
export const PAGE_SIZE = 50;

/** The page's first rows: the default order's first page. */
export function firstPage(rows: readonly RepositorySummaryView[]): RepositorySummaryView[] {
  return sortRows(rows, DEFAULT_SORT.key, DEFAULT_SORT.direction).slice(0, PAGE_SIZE);
}

export interface TableFilters {
  text: string;
  /** `all`, or the gap that is the repository's weakest. */
  gap: Gap | "all";
  level: Level | "none" | "all";
}

const LEVEL_RANK: Record<Level, number> = { bronze: 1, silver: 2, gold: 3 };

const GAP_FIELD = { tools: "scoreTools", time: "scoreTime", personnel: "scorePersonnel" } as const;

/** The gap with the lowest known score, or null when no gap score is known. */
export function weakestGap(row: RepositorySummaryView): Gap | null {
  let weakest: Gap | null = null;
  let lowest = Number.POSITIVE_INFINITY;
  for (const gap of ["tools", "time", "personnel"] as const) {
    const score = row[GAP_FIELD[gap]];
    if (score !== null && score < lowest) {
      lowest = score;
      weakest = gap;
    }
  }
  return weakest;
}

export function filterRows(rows: readonly RepositorySummaryView[], filters: TableFilters): RepositorySummaryView[] {
  const text = filters.text.trim().toLowerCase();
  return rows.filter((row) => {
    if (text && !row.fullName.toLowerCase().includes(text) && !row.worstFinding?.title.toLowerCase().includes(text)) {
      return false;
    }
    if (filters.level !== "all" && (row.level ?? "none") !== filters.level) return false;
    if (filters.gap !== "all" && weakestGap(row) !== filters.gap) return false;
    return true;
  });
}

function sortValue(row: RepositorySummaryView, key: SortKey): string | number | null {
  switch (key) {
    case "fullName":
      return row.fullName.toLowerCase();
    case "level":
      return row.level ? LEVEL_RANK[row.level] : 0;
    case "worstFinding":
      // Ascending puts the most severe first, like a triage list.
      return row.worstFinding ? SEVERITY_ORDER[row.worstFinding.severity] : null;
    case "lastAuditAt": {
      const iso = toIso(row.lastAuditAt);
      return iso ? Date.parse(iso) : null;
    }
    default:
      return row[key];
  }
}

/** Stable sort; unknown values always go last so "—" never hides the worst repository. */
export function sortRows(
  rows: readonly RepositorySummaryView[],
  key: SortKey,
  direction: SortDirection,
): RepositorySummaryView[] {
  const sign = direction === "ascending" ? 1 : -1;
  // Each row's value once, not twice per comparison: dates parse in sortValue.
  const keyed = rows.map((row) => ({ row, value: sortValue(row, key) }));
  keyed.sort(({ row: a, value: left }, { row: b, value: right }) => {
    if (left === null && right === null) return a.fullName.localeCompare(b.fullName);
    if (left === null) return 1;
    if (right === null) return -1;
    if (left < right) return -sign;
    if (left > right) return sign;
    return a.fullName.localeCompare(b.fullName);
  });
  return keyed.map(({ row }) => row);
}

export interface OverviewSummary {
  count: number;
  median: number | null;
  levels: Record<Level | "none", number>;
  lastSweep: string | null;
}

export function summarize(rows: readonly RepositorySummaryView[]): OverviewSummary {
  const levels: OverviewSummary["levels"] = { gold: 0, silver: 0, bronze: 0, none: 0 };
  let lastSweep: string | null = null;
  for (const row of rows) {
    levels[row.level ?? "none"] += 1;
    const iso = toIso(row.lastAuditAt);
    if (iso && (!lastSweep || iso > lastSweep)) lastSweep = iso;
  }
  const scores = rows.flatMap((row) => (row.scoreOverall === null ? [] : [row.scoreOverall]));
  const middle = median(scores);
  return { count: rows.length, median: middle === null ? null : Math.round(middle), levels, lastSweep };
}

/**
 * `compute(rows)` once per array: the overview's rows are memoised between requests
 * (lib/db/queries/dashboard-cache.ts) and never mutated, so their first page and summary are too.
 */
function oncePerArray<T>(compute: (rows: readonly RepositorySummaryView[]) => T) {
  const results = new WeakMap<readonly RepositorySummaryView[], T>();
  return (rows: readonly RepositorySummaryView[]): T => {
    const known = results.get(rows);
    if (known !== undefined) return known;
    const result = compute(rows);
    results.set(rows, result);
    return result;
  };
}

export const summaryOf = oncePerArray(summarize);
export const firstPageOf = oncePerArray(firstPage);
