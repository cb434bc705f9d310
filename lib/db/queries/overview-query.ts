import type { Gap, Level } from "../../parity/types";

/**
 * What the overview's table shows: one page of repositories, sorted, filtered and searched in the
 * database (lib/db/queries/overview-page.ts). The same shape is read from and written to the page's
 * URL, so a view can be shared and survives a reload (components/overview/overview-url.ts).
 */

export const OVERVIEW_SORT_KEYS = [
  "fullName",
  "level",
  "scoreOverall",
  "scoreTools",
  "scoreTime",
  "scorePersonnel",
  "worstFinding",
  "lastAuditAt",
] as const;
export type OverviewSortKey = (typeof OVERVIEW_SORT_KEYS)[number];
export type OverviewSortDirection = "ascending" | "descending";

export const OVERVIEW_GAPS = ["all", "tools", "time", "personnel"] as const;
export const OVERVIEW_LEVELS = ["all", "gold", "silver", "bronze", "none"] as const;

export interface OverviewQuery {
  /** Matched against the repository's name and every open finding of its latest audit. */
  text: string;
  /** `all`, or the gap that is the repository's weakest (lowest known score). */
  gap: Gap | "all";
  level: Level | "none" | "all";
  sort: OverviewSortKey;
  direction: OverviewSortDirection;
  /** 1-based. */
  page: number;
}

/** Rows per page: the page's cost stays the same whatever the number of repositories. */
export const OVERVIEW_PAGE_SIZE = 50;

/** The overview's first order: worst overall score first, where a platform lead looks. */
export const DEFAULT_OVERVIEW_QUERY: OverviewQuery = {
  text: "",
  gap: "all",
  level: "all",
  sort: "scoreOverall",
  direction: "ascending",
  page: 1,
};

/** Search text longer than this is cut (a URL can carry anything; the database need not). */
export const MAX_SEARCH_LENGTH = 200;
