import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "../env";
import { openDatabase } from "./client";
import { migratePostgres } from "./migrate";
import { countRepositories, upsertRepository } from "./queries/repositories";
import { openTestDatabase } from "./test-database";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("migrations", () => {
  it("are idempotent: migrating an up-to-date database changes nothing and keeps the data", async () => {
    if (env().DATABASE_URL) {
      const handle = await openTestDatabase();
      await upsertRepository(handle.db, { owner: "acme", name: "shop" });
      // Two processes starting at once both migrate: the advisory lock serialises them.
      await Promise.all([migratePostgres(handle.url ?? ""), migratePostgres(handle.url ?? "")]);
      expect(await countRepositories(handle.db)).toBe(1);
      await handle.close();
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), "parity-pglite-"));
    dirs.push(dir);
    const first = await openDatabase({ dataDir: dir });
    await upsertRepository(first.db, { owner: "acme", name: "shop" });
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    expect(await countRepositories(second.db)).toBe(1);
    await second.close();
  });

  it("refuses a second live process on the same PGlite directory", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "parity-lock-"));
    dirs.push(dir);
    const { writeFileSync } = await import("node:fs");
    // PID 1 is always alive and never ours: it stands for another process holding the directory.
    writeFileSync(path.join(dir, "parity.pid"), "1");
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by process 1/);
  });
});
