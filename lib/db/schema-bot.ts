import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
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
import { repositories } from "./schema-core";

/**
 * The PR bot's tables (docs/github-app.md). GitHub's comment and check-run ids passed 2^31 long
 * ago, hence bigint columns (read as JS numbers: still far below 2^53).
 */

const githubId = (name: string) => bigint(name, { mode: "number" });

/** Every webhook GitHub sent us, by `X-GitHub-Delivery`: a redelivery hits the unique index. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: serial("id").primaryKey(),
    deliveryId: text("delivery_id").notNull(),
    event: text("event").notNull(),
    action: text("action"),
    installationId: githubId("installation_id"),
    /** `owner/name` of the payload's repository, when it has one. */
    repository: text("repository"),
    pullNumber: integer("pull_number"),
    /** What the router made of it (lib/webhooks/route-event.ts): a task, or why it was ignored. */
    task: jsonb("task"),
    /** `queued`, `coalesced` (a queued job already covers it), `ignored`, `done`, `failed`. */
    status: text("status").notNull(),
    note: text("note"),
    receivedAt: timestamptz("received_at").notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("webhook_deliveries_delivery_idx").on(table.deliveryId),
    index("webhook_deliveries_received_idx").on(table.receivedAt.desc()),
    index("webhook_deliveries_pull_idx").on(sql`lower(${table.repository})`, table.pullNumber, table.id.desc()),
    // The sweep's question: which deliveries were never worked (a crash between record and enqueue)?
    index("webhook_deliveries_queued_idx").on(table.receivedAt).where(sql`${table.status} = 'queued'`),
  ],
);

/** Which repositories each installation of the App can see (installation events keep it current). */
export const installationRepositories = pgTable(
  "installation_repositories",
  {
    installationId: githubId("installation_id").notNull(),
    /** Lower-cased `owner/name`. */
    fullName: text("full_name").notNull(),
    githubId: githubId("github_id"),
    repositoryId: integer("repository_id").references(() => repositories.id, { onDelete: "set null" }),
    /** True when the installation connected it (so removing it from the App removes it here). */
    connectedByApp: boolean("connected_by_app").notNull().default(true),
    addedAt: timestamptz("added_at").notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.installationId, table.fullName] })],
);

/** One row per PR audit: the delta between base and head, and what the bot sent GitHub. */
export const prAudits = pgTable(
  "pr_audits",
  {
    id: serial("id").primaryKey(),
    repositoryId: integer("repository_id")
      .notNull()
      .references(() => repositories.id, { onDelete: "cascade" }),
    installationId: githubId("installation_id").notNull(),
    number: integer("number").notNull(),
    title: text("title"),
    baseRef: text("base_ref").notNull(),
    baseSha: text("base_sha").notNull(),
    headSha: text("head_sha").notNull(),
    /** `owner/name` of the head repository (a fork's differs from the base). */
    headRepository: text("head_repository"),
    status: text("status").notNull(),
    conclusion: text("conclusion"),
    newFindings: integer("new_findings").notNull().default(0),
    resolvedFindings: integer("resolved_findings").notNull().default(0),
    scoreBefore: real("score_before"),
    scoreAfter: real("score_after"),
    levelBefore: text("level_before"),
    levelAfter: text("level_after"),
    /** The PrDelta (lib/bot/delta.ts): findings by fingerprint, scores, matrix changes; redacted. */
    delta: jsonb("delta"),
    commentId: githubId("comment_id"),
    /** sha256 of the comment body last sent, so an unchanged text costs no request. */
    commentHash: text("comment_hash"),
    /** `created`, `updated`, `unchanged`, `skipped`. */
    commentAction: text("comment_action"),
    checkRunId: githubId("check_run_id"),
    annotations: integer("annotations").notNull().default(0),
    requests: integer("requests").notNull().default(0),
    error: text("error"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    finishedAt: timestamptz("finished_at"),
  },
  (table) => [
    index("pr_audits_repository_number_idx").on(table.repositoryId, table.number, table.id.desc()),
    index("pr_audits_repository_created_idx").on(table.repositoryId, table.createdAt.desc()),
  ],
);

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type PrAuditRow = typeof prAudits.$inferSelect;

/**
 * One row while a PR audit runs: at most one audit per pull request at a time, across processes,
 * without holding a transaction during GitHub calls. A delivery that arrives meanwhile marks the
 * row `dirty`, and the holder audits again (the newest delivery) before letting go.
 */
export const pullRequestLocks = pgTable("pull_request_locks", {
  /** `owner/name#number`, lower-cased (prAuditKey in lib/jobs/bot-queue.ts). */
  key: text("key").primaryKey(),
  holder: text("holder").notNull(),
  dirty: boolean("dirty").notNull().default(false),
  /** A crashed holder's lock lapses here; the next delivery or the sweep takes over. */
  leaseUntil: timestamptz("lease_until").notNull(),
});
