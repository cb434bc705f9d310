import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * The database schema. Migrations in drizzle/ are generated from this file by
 * `npm run db:generate` and never edited by hand; CI fails when the two drift apart.
 */

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
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("repositories_full_name_lower_idx").on(sql`lower(${table.fullName})`)],
);

export const AUDIT_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

export const audits = pgTable(
  "audits",
  {
    id: serial("id").primaryKey(),
    repositoryId: integer("repository_id")
      .notNull()
      .references(() => repositories.id, { onDelete: "cascade" }),
    commitSha: text("commit_sha"),
    /** What started it: `manual`, `schedule`, `push`, `pull_request`, `history`. */
    trigger: text("trigger").notNull(),
    status: text("status", { enum: AUDIT_STATUSES }).notNull().default("queued"),
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    error: text("error"),
    requests: integer("requests"),
    rateLimitCost: integer("rate_limit_cost"),
    engineVersion: text("engine_version"),
    scoreOverall: real("score_overall"),
    scoreTools: real("score_tools"),
    scoreTime: real("score_time"),
    scorePersonnel: real("score_personnel"),
    level: text("level"),
    /** The engine's Report (schemaVersion inside), secrets already redacted by the engine. */
    report: jsonb("report"),
  },
  (table) => [index("audits_repository_finished_idx").on(table.repositoryId, table.finishedAt.desc())],
);

export type RepositoryRow = typeof repositories.$inferSelect;
export type AuditRow = typeof audits.$inferSelect;
