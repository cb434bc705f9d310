import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";

/**
 * The core tables: repositories, their audits and findings, and the history read from them. The
 * other schema files reference `repositories` from here; lib/db/schema.ts gathers them all.
 */

export const HISTORY_STATUSES = ["none", "queued", "running", "done", "failed"] as const;
export type HistoryStatus = (typeof HISTORY_STATUSES)[number];

export const repositories = pgTable(
  "repositories",
  {
    id: serial("id").primaryKey(),
    /** `owner/name` as GitHub spells it. */
    fullName: text("full_name").notNull(),
    owner: text("owner").notNull(),
    name: text("name").notNull(),
    defaultBranch: text("default_branch"),
    isPrivate: boolean("is_private").notNull().default(false),
    addedAt: timestamptz("added_at").notNull().defaultNow(),
    /** The succeeded audit that represents the repository now (newest `audited_at`). Kept here so
     *  the overview reads one row per repository instead of searching 365 audits for each. */
    latestAuditId: integer("latest_audit_id").references((): AnyPgColumn => audits.id, { onDelete: "set null" }),
    /** The most recently queued audit, whatever its status (the overview shows "running", "failed"). */
    lastAuditId: integer("last_audit_id").references((): AnyPgColumn => audits.id, { onDelete: "set null" }),
    /** Backfill of the 26-week trend on connect. */
    historyStatus: text("history_status", { enum: HISTORY_STATUSES }).notNull().default("none"),
    historyDone: integer("history_done").notNull().default(0),
    historyTotal: integer("history_total").notNull().default(0),
    historyError: text("history_error"),
    /** Disconnected with its history kept: hidden from the overview, its pages and the API, not
     *  swept; connecting it again clears this and brings the history back. */
    disconnectedAt: timestamptz("disconnected_at"),
    /**
     * A hash of what the overview shows of this row, kept by PostgreSQL itself (a stored generated
     * column), so the dashboard's version token sums one integer per repository instead of hashing
     * every row's text on every request (lib/db/queries/dashboard-cache.ts).
     */
    versionHash: integer("version_hash")
      .notNull()
      .generatedAlwaysAs(
        sql`hashtext(id::text || ':' || full_name || ':' || coalesce(latest_audit_id::text, '') || ':' || coalesce(last_audit_id::text, '') || ':' || history_status || ':' || history_done::text || ':' || history_total::text || ':' || (disconnected_at is null)::text || ':' || is_private::text)`,
      ),
  },
  (table) => [uniqueIndex("repositories_full_name_lower_idx").on(sql`lower(${table.fullName})`)],
);

export const AUDIT_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

export const AUDIT_PHASES = ["queued", "fetching", "auditing", "saving", "history", "done", "failed"] as const;
export type AuditPhase = (typeof AUDIT_PHASES)[number];

export const audits = pgTable(
  "audits",
  {
    id: serial("id").primaryKey(),
    repositoryId: integer("repository_id")
      .notNull()
      .references(() => repositories.id, { onDelete: "cascade" }),
    commitSha: text("commit_sha"),
    /** What started it: `manual`, `connect`, `schedule`, `push`, `pull_request`, `history`. */
    trigger: text("trigger").notNull(),
    status: text("status", { enum: AUDIT_STATUSES }).notNull().default("queued"),
    phase: text("phase", { enum: AUDIT_PHASES }).notNull().default("queued"),
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    queuedAt: timestamptz("queued_at").notNull().defaultNow(),
    startedAt: timestamptz("started_at"),
    finishedAt: timestamptz("finished_at"),
    /** The moment the audit describes: `finished_at` for a live audit, the weekly point for a
     *  history backfill. Trends are drawn on this axis. */
    auditedAt: timestamptz("audited_at"),
    /** `not_found`, `rate_limited`, `upstream`, `forbidden`, `bad_request`, `internal`. */
    errorCode: text("error_code"),
    error: text("error"),
    requests: integer("requests"),
    rateLimitCost: integer("rate_limit_cost"),
    engineVersion: text("engine_version"),
    scoreOverall: real("score_overall"),
    scoreTools: real("score_tools"),
    scoreTime: real("score_time"),
    scorePersonnel: real("score_personnel"),
    level: text("level"),
    /** Open (unsuppressed) findings per gap, and the worst one: denormalised for the overview. */
    findingsTools: integer("findings_tools"),
    findingsTime: integer("findings_time"),
    findingsPersonnel: integer("findings_personnel"),
    worstSeverity: text("worst_severity"),
    worstTitle: text("worst_title"),
    /** The engine's Report (schemaVersion inside), secrets already redacted by the engine. */
    report: jsonb("report"),
    /** The verified fix plans the audit offers (lib/parity/fixes/offer.ts): edits and scrubbed diffs. */
    fixes: jsonb("fixes"),
  },
  (table) => [
    index("audits_repository_finished_idx").on(table.repositoryId, table.finishedAt.desc()),
    index("audits_repository_audited_idx").on(table.repositoryId, table.auditedAt.desc()),
    index("audits_active_idx").on(table.repositoryId).where(sql`${table.status} in ('queued', 'running')`),
  ],
);

export const findings = pgTable(
  "findings",
  {
    id: serial("id").primaryKey(),
    auditId: integer("audit_id")
      .notNull()
      .references(() => audits.id, { onDelete: "cascade" }),
    repositoryId: integer("repository_id")
      .notNull()
      .references(() => repositories.id, { onDelete: "cascade" }),
    fingerprint: text("fingerprint").notNull(),
    check: text("check").notNull(),
    gap: text("gap").notNull(),
    severity: text("severity").notNull(),
    title: text("title").notNull(),
    message: text("message").notNull(),
    service: text("service"),
    /** Evidence[] from the engine (file, line, redacted value). */
    evidence: jsonb("evidence").notNull(),
    suppressed: boolean("suppressed").notNull().default(false),
    suppressionReason: text("suppression_reason"),
  },
  (table) => [
    index("findings_audit_idx").on(table.auditId),
    index("findings_repository_fingerprint_idx").on(table.repositoryId, table.fingerprint),
  ],
);

export const inventoryUses = pgTable(
  "inventory_uses",
  {
    id: serial("id").primaryKey(),
    auditId: integer("audit_id")
      .notNull()
      .references(() => audits.id, { onDelete: "cascade" }),
    environment: text("environment").notNull(),
    kind: text("kind").notNull(),
    engine: text("engine").notNull(),
    version: text("version"),
    pinned: boolean("pinned"),
    file: text("file").notNull(),
    line: integer("line").notNull(),
    raw: text("raw").notNull(),
    via: text("via").notNull(),
    format: text("format").notNull(),
    name: text("name"),
    emulator: text("emulator"),
  },
  (table) => [index("inventory_uses_audit_idx").on(table.auditId)],
);

/** Default-branch commits behind the time and personnel metrics. People are ids, never tokens. */
export const commits = pgTable(
  "commits",
  {
    id: serial("id").primaryKey(),
    repositoryId: integer("repository_id")
      .notNull()
      .references(() => repositories.id, { onDelete: "cascade" }),
    sha: text("sha").notNull(),
    authoredAt: timestamptz("authored_at").notNull(),
    committedAt: timestamptz("committed_at").notNull(),
    authorId: text("author_id"),
    authorIsBot: boolean("author_is_bot").notNull().default(false),
    pullRequestNumber: integer("pull_request_number"),
    mergedById: text("merged_by_id"),
  },
  (table) => [
    uniqueIndex("commits_repository_sha_idx").on(table.repositoryId, table.sha),
    index("commits_repository_committed_idx").on(table.repositoryId, table.committedAt.desc()),
  ],
);

export const deploys = pgTable(
  "deploys",
  {
    id: serial("id").primaryKey(),
    repositoryId: integer("repository_id")
      .notNull()
      .references(() => repositories.id, { onDelete: "cascade" }),
    /** The source's id (`deployment:123`, `run:456`, `release:v1.2.0`). */
    externalId: text("external_id").notNull(),
    environment: text("environment").notNull(),
    sha: text("sha").notNull(),
    deployedAt: timestamptz("deployed_at").notNull(),
    creatorId: text("creator_id"),
    creatorIsBot: boolean("creator_is_bot").notNull().default(false),
    source: text("source").notNull(),
    trigger: text("trigger").notNull(),
    integration: text("integration"),
  },
  (table) => [
    uniqueIndex("deploys_repository_external_idx").on(table.repositoryId, table.externalId),
    index("deploys_repository_deployed_idx").on(table.repositoryId, table.deployedAt.desc()),
  ],
);

/**
 * One row per repository and ISO week (Monday, UTC): the last succeeded audit of that week.
 * Maintained when an audit succeeds, so the overview's sparklines and the organisation trend read
 * 26 rows per repository instead of scanning every daily audit.
 */
export const weeklyScores = pgTable(
  "weekly_scores",
  {
    repositoryId: integer("repository_id")
      .notNull()
      .references(() => repositories.id, { onDelete: "cascade" }),
    week: date("week", { mode: "string" }).notNull(),
    auditId: integer("audit_id")
      .notNull()
      .references(() => audits.id, { onDelete: "cascade" }),
    auditedAt: timestamptz("audited_at").notNull(),
    scoreOverall: real("score_overall"),
    scoreTools: real("score_tools"),
    scoreTime: real("score_time"),
    scorePersonnel: real("score_personnel"),
    level: text("level"),
    findingsTools: integer("findings_tools").notNull().default(0),
    findingsTime: integer("findings_time").notNull().default(0),
    findingsPersonnel: integer("findings_personnel").notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.repositoryId, table.week] }),
    index("weekly_scores_week_idx").on(table.week),
  ],
);

export type RepositoryRow = typeof repositories.$inferSelect;
export type AuditRow = typeof audits.$inferSelect;
export type FindingRow = typeof findings.$inferSelect;
export type InventoryUseRow = typeof inventoryUses.$inferSelect;
export type CommitRow = typeof commits.$inferSelect;
export type DeployRow = typeof deploys.$inferSelect;
export type WeeklyScoreRow = typeof weeklyScores.$inferSelect;
