import { generateKeyPairSync } from "node:crypto";
import { format } from "node:util";
import { is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { OAUTH_CLIENT, seedUsers, USERS } from "../../github-double/seed-users";
import { type GitHubDouble, startGitHubDouble } from "../../github-double/server";
import { World } from "../../github-double/world";
import { runHistoryBackfill } from "../audits/backfill";
import { runLiveAudit } from "../audits/run-audit";
import { beginSignIn, checkCallback, exchangeCode, fetchUser } from "../auth/oauth";
import { startSession } from "../auth/session";
import type { DatabaseHandle } from "../db/client";
import { createAudit } from "../db/queries/audits";
import { upsertRepository } from "../db/queries/repositories";
import * as schema from "../db/schema";
import { openTestDatabase } from "../db/test-database";
import { createGitHubClient, memoryCache } from "../sources/github/index";

/**
 * Issue 8, acceptance 4: a repository with secrets committed in every kind of file is audited
 * through the GitHub double by the full audit service (as the GitHub App: installation tokens),
 * a user signs in (their OAuth token goes into a session); then every column of every row of
 * every table in lib/db/schema, and every log line written meanwhile, is searched for the secrets
 * and for any GitHub token. None may be found.
 */

const NOW = new Date("2026-11-20T12:00:00Z");
const SESSION_SECRET = "secrets-test-session-secret-0123456789";
const SECRETS = [
  "Zq8-leaked-db-pass",
  "sk_live_leaked0123456789abcdef",
  "leaked-compose-pw-7731",
  "leaked-redis-pw-99",
  "leaked-ci-token-5521",
  "leaked-ci-db-pw",
  "leaked-yaml-pw-3310",
  "leaked-k8s-pw-8812",
  "leaked-docker-aws-4420",
];
const TOKEN_PATTERNS = [/gh[opsu]_[A-Za-z0-9_-]{8,}/, /BEGIN (RSA )?PRIVATE KEY/, /eyJ[A-Za-z0-9_-]{10,}\.eyJ/];

const FILES: Record<string, string> = {
  ".env": `DATABASE_URL=postgres://app:${SECRETS[0]}@db:5432/app\nSTRIPE_SECRET_KEY=${SECRETS[1]}\nRAILS_ENV=development\n`,
  "docker-compose.yml": `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${SECRETS[2]}\n  cache:\n    image: redis:7\n  web:\n    build: .\n    environment:\n      REDIS_URL: redis://:${SECRETS[3]}@cache:6379/0\n`,
  ".github/workflows/ci.yml": `name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      API_TOKEN: ${SECRETS[4]}\n      DATABASE_URL: postgres://ci:${SECRETS[5]}@localhost:5432/test\n    services:\n      postgres:\n        image: postgres:15\n    steps:\n      - uses: actions/checkout@v4\n      - run: bundle exec rspec\n`,
  "config/database.yml": `development:\n  adapter: sqlite3\n  database: db/dev.sqlite3\nproduction:\n  adapter: postgresql\n  password: ${SECRETS[6]}\n`,
  "k8s/deployment.yaml": `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ghcr.io/acme/leaky:1.0\n          env:\n            - name: DB_PASSWORD\n              value: ${SECRETS[7]}\n            - name: DATABASE_URL\n              value: postgres://app:${SECRETS[0]}@prod-db:5432/app\n`,
  Dockerfile: `FROM ruby:3.3\nENV AWS_SECRET_ACCESS_KEY=${SECRETS[8]}\nCMD ["bin/rails", "server"]\n`,
  Gemfile: `source "https://rubygems.org"\nruby "3.3.0"\ngem "rails"\ngem "pg"\n`,
};

let db: DatabaseHandle;
let double: GitHubDouble;
const logged: string[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  const world = new World();
  world.addRepo({ owner: "acme", name: "leaky", private: true, installationId: 7, createdAt: "2026-01-01T00:00:00Z" });
  const first = world.commit("acme/leaky", {
    files: FILES,
    message: "Initial import",
    author: { name: "Maya", email: "maya@acme.test", login: "maya-l" },
    at: "2026-06-01T10:00:00Z",
  });
  world.deploy("acme/leaky", {
    sha: first.sha,
    environment: "production",
    creator: "maya-l",
    at: "2026-06-01T11:00:00Z",
    state: "success",
  });
  world.commit("acme/leaky", {
    files: { "README.md": "# leaky\n" },
    message: "Docs",
    author: { name: "Maya", email: "maya@acme.test", login: "maya-l" },
    at: "2026-11-01T10:00:00Z",
  });
  seedUsers(world);
  world.grantAccess(USERS.member, "acme/leaky");
  double = await startGitHubDouble({ world });
  // Every log line from here on, however it is written.
  const capture = (...args: unknown[]) => {
    logged.push(format(...args));
  };
  for (const level of ["log", "info", "warn", "error", "debug", "trace"] as const)
    vi.spyOn(console, level).mockImplementation(capture);
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, "write").mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      logged.push(String(chunk));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  await double?.close();
  await db?.close();
});

async function dumpEveryTable(): Promise<{ text: string; rows: Record<string, number> }> {
  const tables: [string, PgTable][] = [];
  for (const [name, value] of Object.entries(schema) as [string, unknown][])
    if (is(value, PgTable)) tables.push([name, value]);
  const rows: Record<string, number> = {};
  const parts: string[] = [];
  for (const [name, table] of tables) {
    const all = await db.db.select().from(table);
    rows[name] = all.length;
    parts.push(JSON.stringify(all));
  }
  return { text: parts.join("\n"), rows };
}

describe("secrets at rest and in logs", () => {
  it("audits a repository full of committed secrets and stores none of them, nor any token", async () => {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const client = createGitHubClient({
      baseUrl: double.url,
      auth: { type: "app", appId: 1, privateKey, installationId: 7 },
      retryBaseMs: 10,
      maxRetries: 1,
    });
    const deps = { db: db.db, client, now: () => NOW, cache: memoryCache(), timeoutMs: 30_000 };
    const repo = await upsertRepository(db.db, { owner: "acme", name: "leaky" });
    if (!repo) throw new Error("no repository");
    const audit = await createAudit(db.db, { repositoryId: repo.id, trigger: "connect" });
    expect(await runLiveAudit(deps, audit.id)).toMatchObject({ ok: true });
    await runHistoryBackfill(deps, repo.id, { weeks: 3 });
    expect(double.log.some((entry) => entry.path === "/app/installations/7/access_tokens")).toBe(true);

    // A member signs in: their OAuth token goes into a session.
    const started = beginSignIn({
      oauthUrl: double.url,
      clientId: OAUTH_CLIENT.id,
      redirectUri: "http://parity.test/cb",
      secret: SESSION_SECRET,
      next: null,
      now: Date.now(),
    });
    const authorize = new URL(started.location);
    authorize.searchParams.set("login", USERS.member);
    const back = new URL((await fetch(authorize, { redirect: "manual" })).headers.get("location") ?? "");
    const pending = checkCallback({
      cookie: started.cookie,
      state: back.searchParams.get("state"),
      secret: SESSION_SECRET,
      now: Date.now(),
    });
    const userToken = await exchangeCode({
      oauthUrl: double.url,
      clientId: OAUTH_CLIENT.id,
      clientSecret: OAUTH_CLIENT.secret,
      code: back.searchParams.get("code") ?? "",
      redirectUri: "http://parity.test/cb",
      verifier: pending?.verifier ?? "",
    });
    const user = await fetchUser(double.url, userToken);
    await startSession(db.db, SESSION_SECRET, { githubUserId: user.id, login: user.login, token: userToken }, NOW);

    const { text, rows } = await dumpEveryTable();
    // The scan is not vacuous: the audit stored its work, with the secrets' places redacted.
    expect(rows).toMatchObject({ sessions: 1 });
    expect(rows.findings).toBeGreaterThan(0);
    expect(rows.inventoryUses).toBeGreaterThan(0);
    expect(rows.commits).toBeGreaterThan(0);
    expect(text).toMatch(/postgres:\/\/app:\*\*\*@/);
    const haystacks = { database: text, logs: logged.join("\n") };
    for (const [where, haystack] of Object.entries(haystacks)) {
      for (const secret of [...SECRETS, userToken, OAUTH_CLIENT.secret, SESSION_SECRET]) {
        expect(haystack.includes(secret), `${where} holds ${secret.slice(0, 8)}…`).toBe(false);
      }
      for (const pattern of TOKEN_PATTERNS) expect(haystack, `${where} matches ${pattern}`).not.toMatch(pattern);
    }
  });
});
