import type PgBoss from "pg-boss";
import { afterAll, beforeAll } from "vitest";
import type { Database, DatabaseHandle } from "../db/client";
import { openTestDatabase } from "../db/test-database";
import { createBoss } from "../jobs/boss";
import { useApiContext } from "./context";

/**
 * For a test file that calls the API's route handlers: one test database (PGlite, or the server
 * `DATABASE_URL` names) and its queue behind the handlers' context for the whole file, closed
 * after it. Read `db` and `boss` inside tests, once `beforeAll` has run.
 */
export function openTestApiContext(): { readonly db: Database; readonly boss: PgBoss } {
  let handle: (DatabaseHandle & { url?: string }) | undefined;
  let boss: PgBoss | undefined;
  let restore = () => {};
  beforeAll(async () => {
    const opened = await openTestDatabase();
    handle = opened;
    const queue = await createBoss(opened, { url: opened.url });
    boss = queue;
    restore = useApiContext({ db: async () => opened.db, boss: async () => queue });
  });
  afterAll(async () => {
    restore();
    await boss?.stop({ graceful: false, wait: true });
    await handle?.close();
  });
  return {
    get db() {
      if (!handle) throw new Error("the test database opens in beforeAll: read db inside a test");
      return handle.db;
    },
    get boss() {
      if (!boss) throw new Error("the queue starts in beforeAll: read boss inside a test");
      return boss;
    },
  };
}
