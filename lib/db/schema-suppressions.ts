import { integer, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";
import { repositories } from "./schema-core";

/**
 * Suppressions asked for from the scorecard (docs/api.md, `POST …/suppressions`). The finding is
 * suppressed by `.parity.yml` in the repository, never by this table: a row only remembers what
 * was asked, the lines given and any pull request opened, so the scorecard can say "pending"
 * until an audit reads the file. Whether it has landed is read from the latest audit, not stored.
 */
export const suppressionRequests = pgTable(
  "suppression_requests",
  {
    id: serial("id").primaryKey(),
    repositoryId: integer("repository_id")
      .notNull()
      .references(() => repositories.id, { onDelete: "cascade" }),
    fingerprint: text("fingerprint").notNull(),
    check: text("check").notNull(),
    /** `suppress` (not a problem here) or `accept` (a known risk the team keeps). */
    kind: text("kind", { enum: ["suppress", "accept"] }).notNull(),
    /** As written to the file (an accepted risk starts "Accepted risk:"). */
    reason: text("reason").notNull(),
    /** The `.parity.yml` lines shown to commit. */
    lines: text("lines").notNull(),
    /** The GitHub login that asked (team mode); null in local mode. */
    requestedBy: text("requested_by"),
    requestedAt: timestamptz("requested_at").notNull().defaultNow(),
    /** The pull request the App opened with the lines, when it did. */
    pullRequestUrl: text("pull_request_url"),
    /** Why no pull request could be opened (shown; the lines still work by hand). */
    pullRequestError: text("pull_request_error"),
  },
  (table) => [uniqueIndex("suppression_requests_repository_fingerprint_idx").on(table.repositoryId, table.fingerprint)],
);

export type SuppressionRequestRow = typeof suppressionRequests.$inferSelect;
