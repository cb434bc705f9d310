import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "../env";
import { acquireDirectoryLock } from "./directory-lock";
import { migratePglite, migratePostgres } from "./migrate";
import * as schema from "./schema";

/** Both drivers share drizzle's PostgreSQL query builder; code is written against this type. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  driver: "pglite" | "postgres";
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded PGlite database is used. */
  url?: string;
  /** PGlite data directory, or `memory://` for a throw-away database (tests). */
  dataDir?: string;
  /** Apply migrations from drizzle/ (idempotent). Default true. */
  migrate?: boolean;
}

/** Opens a database and applies pending migrations. Prefer `getDatabase()` in the app. */
export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  const migrate = options.migrate !== false;
  return options.url ? openPostgres(options.url, migrate) : openPglite(options.dataDir ?? ".data/pglite", migrate);
}

async function openPostgres(url: string, migrate: boolean): Promise<DatabaseHandle> {
  if (migrate) await migratePostgres(url);
  // `onnotice` silenced: "relation already exists, skipping" notices from idempotent DDL are noise.
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema });
  return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
}

async function openPglite(dataDir: string, migrate: boolean): Promise<DatabaseHandle> {
  let releaseLock = () => {};
  if (!dataDir.startsWith("memory://")) {
    const absolute = path.resolve(dataDir);
    mkdirSync(absolute, { recursive: true });
    // PGlite is single-process: a second process on the same directory corrupts it.
    releaseLock = acquireDirectoryLock(absolute);
  }
  const client = new PGlite(dataDir);
  await client.waitReady;
  const db = drizzlePglite(client, { schema });
  if (migrate) await migratePglite(db);
  return {
    db,
    driver: "pglite",
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/* One database per process, kept on globalThis so Next's module reloading never opens a second
 * PGlite on the same directory. */
const GLOBAL_KEY = Symbol.for("parity.database");
type GlobalWithDatabase = typeof globalThis & { [GLOBAL_KEY]?: Promise<DatabaseHandle> };

/** The process-wide database, opened (and migrated) on first use from the validated env. */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  const holder = globalThis as GlobalWithDatabase;
  if (!holder[GLOBAL_KEY]) {
    const settings = env();
    holder[GLOBAL_KEY] = openDatabase({ url: settings.DATABASE_URL, dataDir: settings.PARITY_DATA_DIR }).catch(
      (error: unknown) => {
        delete holder[GLOBAL_KEY];
        throw error;
      },
    );
  }
  return holder[GLOBAL_KEY];
}

export async function getDatabase(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}
