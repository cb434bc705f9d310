import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "./client";

export type ScratchDatabase = DatabaseHandle & { url?: string };

/**
 * A fresh, migrated, throw-away database: an in-memory PGlite when `serverUrl` is absent, else a
 * new database on that PostgreSQL server named `<prefix>_<pid>_<random>`, dropped by `close`.
 * Tests and benchmarks use it so runs never see each other's data.
 */
export async function openScratchDatabase(serverUrl: string | undefined, prefix: string): Promise<ScratchDatabase> {
  if (!serverUrl) return openDatabase({ dataDir: "memory://" });

  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
