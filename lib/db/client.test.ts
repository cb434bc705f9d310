import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "../env";
import type { DatabaseHandle } from "./client";
import { countRepositories, findRepository, listRepositories, upsertRepository } from "./queries/repositories";
import { openTestDatabase } from "./test-database";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe(`database (${env().DATABASE_URL ? "PostgreSQL server" : "PGlite"})`, () => {
  it("opens the driver the environment asks for", () => {
    expect(handle.driver).toBe(env().DATABASE_URL ? "postgres" : "pglite");
  });

  it("starts empty after migrations", async () => {
    expect(await countRepositories(handle.db)).toBe(0);
  });

  it("adds a repository once, whatever the letter case", async () => {
    const first = await upsertRepository(handle.db, { owner: "Acme", name: "Shop" });
    const again = await upsertRepository(handle.db, { owner: "acme", name: "shop" });
    expect(again?.id).toBe(first?.id);
    expect(await countRepositories(handle.db)).toBe(1);
    expect((await findRepository(handle.db, { owner: "ACME", name: "SHOP" }))?.fullName).toBe("Acme/Shop");
  });

  it("lists repositories by name", async () => {
    await upsertRepository(handle.db, { owner: "acme", name: "api" });
    const names = (await listRepositories(handle.db)).map((row) => row.fullName);
    expect(names).toEqual(["acme/api", "Acme/Shop"].sort((a, b) => (a < b ? -1 : 1)));
  });
});
