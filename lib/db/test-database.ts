import { env } from "../env";
import { openScratchDatabase, type ScratchDatabase } from "./scratch-database";

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or a new
 * database on the PostgreSQL server named by DATABASE_URL (dropped again by `close`). The same
 * tests run on both, so the embedded default can never drift from the server.
 */
export function openTestDatabase(): Promise<ScratchDatabase> {
  return openScratchDatabase(env().DATABASE_URL, "parity_test");
}
