import type PgBoss from "pg-boss";
import { type Database, getDatabase } from "../db/client";
import { getJobs } from "../jobs/runtime";

/**
 * What route handlers need, behind one small accessor so tests can hand them a test database and
 * queue instead of the process's own.
 */
export interface ApiContext {
  db(): Promise<Database>;
  boss(): Promise<PgBoss>;
}

const defaultContext: ApiContext = {
  db: getDatabase,
  boss: async () => (await getJobs()).boss,
};

let current: ApiContext = defaultContext;

export function apiContext(): ApiContext {
  return current;
}

/** Tests only: route handlers use `context` until the returned function restores the default. */
export function useApiContext(context: ApiContext): () => void {
  current = context;
  return () => {
    current = defaultContext;
  };
}
