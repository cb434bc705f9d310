import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as addRepository } from "@/app/api/repos/route";
import { seedAcme } from "../../github-double/seed";
import { type GitHubDouble, startGitHubDouble } from "../../github-double/server";
import type { DatabaseHandle } from "../db/client";
import { findRepository } from "../db/queries/repositories";
import { openTestDatabase } from "../db/test-database";
import { useApiContext } from "../http/context";
import { useAuthSettings } from "./config";

/** Local mode connects a repository only once GitHub says it exists (a typo used to become a permanent row). */

let db: DatabaseHandle;
let double: GitHubDouble;
let restore: (() => void)[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  double = await startGitHubDouble({ world: seedAcme({ now: new Date("2026-11-20T12:00:00Z") }) });
  restore = [
    useAuthSettings({
      mode: "local",
      clientId: "",
      clientSecret: "",
      sessionSecret: "",
      oauthUrl: double.url,
      apiUrl: double.url,
      publicUrl: null,
      serverToken: null,
    }),
    useApiContext({ db: async () => db.db, boss: async () => ({ send: async () => "job" }) as unknown as PgBoss }),
  ];
});
afterAll(async () => {
  for (const undo of restore) undo();
  await double?.close();
  await db?.close();
});

const post = (repository: string) =>
  addRepository(
    new Request("http://parity.test/api/repos", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ repository }),
    }),
    { params: Promise.resolve({}) },
  );

describe("POST /api/repos in local mode", () => {
  it("refuses a repository GitHub does not have with 404 and connects nothing", async () => {
    const response = await post("acme/storefrnt");
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/^Repository acme\/storefrnt was not found on GitHub/);
    expect(await findRepository(db.db, { owner: "acme", name: "storefrnt" })).toBeNull();
  });

  it("connects one GitHub has", async () => {
    const response = await post("https://github.com/acme/storefront");
    expect(response.status).toBe(201);
    expect(await findRepository(db.db, { owner: "acme", name: "storefront" })).not.toBeNull();
  });

  it("says so when GitHub cannot be asked", async () => {
    double.inject({ fault: { kind: "status", status: 503 }, path: "/repos/acme/ledger", times: 1 });
    const response = await post("acme/ledger");
    expect(response.status).toBe(502);
    expect(await findRepository(db.db, { owner: "acme", name: "ledger" })).toBeNull();
  });
});
