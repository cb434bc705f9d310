import path from "node:path";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as applyPglite } from "drizzle-orm/pglite/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate as applyPostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "drizzle");

/** Arbitrary constant: the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK_ID = 7_340_112;

/** Applies pending migrations from drizzle/ to the embedded database (idempotent). */
export async function migratePglite<T extends Record<string, unknown>>(db: PgliteDatabase<T>): Promise<void> {
  await applyPglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

/**
 * Applies pending migrations to a PostgreSQL server (idempotent). Several web and worker
 * processes may start at once: an advisory lock held on a dedicated connection makes them
 * migrate one after the other.
 */
export async function migratePostgres(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await applyPostgres(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
