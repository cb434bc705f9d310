/**
 * The database schema. Migrations in drizzle/ are generated from this file by
 * `npm run db:generate` and never edited by hand; CI fails when the two drift apart.
 * Jobs live in pg-boss's own schema (`pgboss`), created by pg-boss itself (see docs/jobs.md).
 *
 * The tables are split by subject into the files below; this file only gathers them, so that
 * drizzle-kit (drizzle.config.ts) and every query see one schema. The split files import
 * `repositories` from schema-core.ts, never from here, so no two of them import each other.
 */

// Team mode: sessions and the repository access cache (lib/auth).
export * from "./schema-auth";
// The PR bot: webhook deliveries, installation repositories, PR audits (lib/bot, lib/webhooks).
export * from "./schema-bot";
// Repositories, audits, findings, inventory uses, commits, deploys, weekly scores.
export * from "./schema-core";

// Suppressions asked for from the scorecard, pending until `.parity.yml` lands (lib/suppressions).
export * from "./schema-suppressions";
