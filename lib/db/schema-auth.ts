import { bigint, boolean, index, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";

/**
 * Team mode: sessions and the short-lived cache of what GitHub lets each user see.
 * A session row is keyed by the SHA-256 of the cookie's token, so a copy of this table cannot be
 * replayed as a cookie; the user's GitHub token is stored encrypted (AES-256-GCM, see lib/auth/crypto.ts).
 */

export const sessions = pgTable(
  "sessions",
  {
    /** hex SHA-256 of the random token in the cookie. */
    id: text("id").primaryKey(),
    githubUserId: bigint("github_user_id", { mode: "number" }).notNull(),
    login: text("login").notNull(),
    /** The user's OAuth token, encrypted with a key derived from PARITY_SESSION_SECRET. */
    tokenCiphertext: text("token_ciphertext").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    expiresAt: timestamptz("expires_at").notNull(),
    lastSeenAt: timestamptz("last_seen_at").notNull().defaultNow(),
  },
  (table) => [index("sessions_expires_idx").on(table.expiresAt)],
);

/**
 * GitHub's answer to "may this user see owner/name", kept for a few minutes. `githubUserId` 0 is
 * the anonymous visitor (is the repository public?), which the badge asks.
 */
export const repositoryAccess = pgTable(
  "repository_access",
  {
    githubUserId: bigint("github_user_id", { mode: "number" }).notNull(),
    /** `owner/name`, lower-cased: GitHub's names compare case-insensitively. */
    fullName: text("full_name").notNull(),
    visible: boolean("visible").notNull(),
    isPrivate: boolean("is_private"),
    checkedAt: timestamptz("checked_at").notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.githubUserId, table.fullName] })],
);

export type SessionRow = typeof sessions.$inferSelect;
export type RepositoryAccessRow = typeof repositoryAccess.$inferSelect;
