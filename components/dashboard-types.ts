import type { getScorecardOf, organisationTrend } from "@/lib/db/queries/dashboard";
import type { OverviewPage } from "@/lib/db/queries/overview-page";
import type { Environment } from "@/lib/parity/types";

/**
 * The shapes the dashboard's components render, derived from what the queries in lib/db/queries
 * return (type-only imports: no database code reaches a component), so a view can never drift
 * from its rows again. Components take plain props: renderable and testable without a database.
 */

type ScorecardRead = Awaited<ReturnType<typeof getScorecardOf>>;

/** A date as the queries return it: null when the moment is not known (an unfinished audit). */
export type When = Date | null;

/** One repository of the overview's table: the fields it shows, and only those cross to the browser. */
export type RepositorySummaryView = Pick<
  OverviewPage["rows"][number],
  | "id"
  | "fullName"
  | "owner"
  | "name"
  | "level"
  | "scoreOverall"
  | "scoreTools"
  | "scoreTime"
  | "scorePersonnel"
  | "worstFinding"
  | "trend"
  | "lastAuditAt"
  | "lastAuditStatus"
  | "lastAuditError"
  | "isPrivate"
  | "matchedFinding"
>;

export type OrganisationWeekView = Pick<
  Awaited<ReturnType<typeof organisationTrend>>[number],
  "week" | "averageScore" | "findingsByGap"
>;

export type AuditHistoryView = ScorecardRead["history"][number];

export type TrendMarkerView = ScorecardRead["trendMarkers"][number];

export type DeployView = ScorecardRead["deploys"][number];

export type ScorecardRepositoryView = Pick<
  ScorecardRead["repository"],
  "fullName" | "owner" | "name" | "defaultBranch"
>;

/*
 * The service matrix is built in the component layer from the report (matrix-model.ts): its
 * shapes have no query row to derive from.
 */

export interface MatrixCellUse {
  file: string;
  line: number;
  href: string;
  raw: string;
}

/** One engine (at one version) an environment's files name for a service, with where. */
export interface MatrixEntryView {
  label: string;
  uses: MatrixCellUse[];
}

export interface MatrixCellView {
  environment: Environment;
  /** The one entry the cell shows (the one that differs from the reference, when one does). */
  text: string;
  uses: MatrixCellUse[];
  /** Other engines the files name for this environment: which one runs depends on configuration. */
  alternatives: MatrixEntryView[];
  /** Differs from the reference environment (production when it has one). */
  drift: boolean;
}

export interface MatrixRowView {
  label: string;
  cells: MatrixCellView[];
}
