import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAcme } from "../../github-double/seed";
import { OAUTH_CLIENT, seedUsers, USERS } from "../../github-double/seed-users";
import { type GitHubDouble, startGitHubDouble } from "../../github-double/server";
import type { DatabaseHandle } from "../db/client";
import { createAudit } from "../db/queries/audits";
import { upsertRepository } from "../db/queries/repositories";
import { repositoryAccess, sessions } from "../db/schema";
import { openTestDatabase } from "../db/test-database";
import { useApiContext } from "../http/context";
import { getAuditStatus, getBadge, handle, queueAudit, type RepoParams } from "../http/handlers";
import { checkRepositoryAccess } from "./access";
import { listVisibleRepos, withAuditAccess, withBadgeAccess, withRepositoryAccess } from "./api";
import { useAuthSettings } from "./config";
import { SESSION_COOKIE } from "./constants";
import { beginSignIn, checkCallback, exchangeCode, fetchUser, safeNext } from "./oauth";
import { endSession, readSession, startSession } from "./session";

const SECRET = "a-session-secret-of-at-least-32-characters";
const NOW = new Date("2026-11-20T12:00:00Z");
let db: DatabaseHandle;
let double: GitHubDouble;
let restore: (() => void)[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  double = await startGitHubDouble({ world: seedUsers(seedAcme({ now: NOW })) });
  restore = [
    useAuthSettings({
      mode: "team",
      clientId: OAUTH_CLIENT.id,
      clientSecret: OAUTH_CLIENT.secret,
      sessionSecret: SECRET,
      oauthUrl: double.url,
      apiUrl: double.url,
      publicUrl: null,
    }),
    useApiContext({ db: async () => db.db, boss: async () => ({ send: async () => "job" }) as unknown as PgBoss }),
  ];
  for (const name of ["storefront", "ledger", "billing"]) await upsertRepository(db.db, { owner: "acme", name });
});
afterAll(async () => {
  for (const undo of restore) undo();
  await double?.close();
  await db?.close();
});

/** The whole web flow against the double, as the callback route runs it; returns the user's token. */
async function signInAs(login: string): Promise<string> {
  const redirectUri = "http://parity.test/api/auth/callback";
  const started = beginSignIn({
    oauthUrl: double.url,
    clientId: OAUTH_CLIENT.id,
    redirectUri,
    secret: SECRET,
    next: "/repos",
    now: Date.now(),
  });
  const authorize = new URL(started.location);
  authorize.searchParams.set("login", login);
  const answer = await fetch(authorize, { redirect: "manual" });
  expect(answer.status).toBe(302);
  const back = new URL(answer.headers.get("location") ?? "");
  const pending = checkCallback({
    cookie: started.cookie,
    state: back.searchParams.get("state"),
    secret: SECRET,
    now: Date.now(),
  });
  expect(pending?.next).toBe("/repos");
  return exchangeCode({
    oauthUrl: double.url,
    clientId: OAUTH_CLIENT.id,
    clientSecret: OAUTH_CLIENT.secret,
    code: back.searchParams.get("code") ?? "",
    redirectUri,
    verifier: pending?.verifier ?? "",
  });
}

async function cookieFor(login: string): Promise<string> {
  const token = await signInAs(login);
  const user = await fetchUser(double.url, token);
  return startSession(db.db, SECRET, { githubUserId: user.id, login: user.login, token }, new Date());
}

const request = (cookie?: string, url = "http://parity.test/api/repos") =>
  new Request(url, { headers: cookie ? { cookie: `${SESSION_COOKIE}=${encodeURIComponent(cookie)}` } : {} });
const call = (
  fn: (request: Request, params: RepoParams) => Promise<Response>,
  cookie: string | undefined,
  repo: string,
) => handle(fn)(request(cookie), { params: Promise.resolve({ owner: "acme", repo }) });

describe("OAuth web flow with state and PKCE", () => {
  it("signs a user in through the double and learns who they are", async () => {
    const token = await signInAs(USERS.member);
    expect(token).toMatch(/^gho_/);
    expect(await fetchUser(double.url, token)).toMatchObject({ login: USERS.member });
  });

  it.each([
    ["a state from another browser", { state: "forged" }],
    ["a tampered cookie", { cookie: "x" }],
  ])("refuses the callback with %s", (_name, change) => {
    const started = beginSignIn({
      oauthUrl: double.url,
      clientId: "c",
      redirectUri: "http://x/cb",
      secret: SECRET,
      next: null,
      now: 0,
    });
    const state = new URL(started.location).searchParams.get("state");
    expect(checkCallback({ cookie: started.cookie, state, secret: SECRET, now: 1 })).not.toBeNull();
    expect(checkCallback({ cookie: started.cookie, state, secret: SECRET, now: 11 * 60_000 })).toBeNull();
    const cookie = "cookie" in change ? `${started.cookie}${change.cookie}` : started.cookie;
    expect(
      checkCallback({ cookie, state: "state" in change ? change.state : state, secret: SECRET, now: 1 }),
    ).toBeNull();
  });

  it("refuses a code redeemed with the wrong PKCE verifier", async () => {
    const started = beginSignIn({
      oauthUrl: double.url,
      clientId: OAUTH_CLIENT.id,
      redirectUri: "http://parity.test/cb",
      secret: SECRET,
      next: null,
      now: Date.now(),
    });
    const authorize = new URL(started.location);
    authorize.searchParams.set("login", USERS.member);
    const back = new URL((await fetch(authorize, { redirect: "manual" })).headers.get("location") ?? "");
    await expect(
      exchangeCode({
        oauthUrl: double.url,
        clientId: OAUTH_CLIENT.id,
        clientSecret: OAUTH_CLIENT.secret,
        code: back.searchParams.get("code") ?? "",
        redirectUri: "http://parity.test/cb",
        verifier: "wrong",
      }),
    ).rejects.toThrow(/bad_verification_code/);
  });

  it.each([
    ["/repos/acme/shop?x=1", "/repos/acme/shop?x=1"],
    ["//evil.example", "/"],
    ["https://evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["/signin", "/"],
    [null, "/"],
  ])("sends %s back to %s after sign-in", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});

describe("sessions", () => {
  it("round-trips, keeps only a hash and the encrypted token, and ends on sign-out", async () => {
    const token = await signInAs(USERS.outsider);
    const cookie = await startSession(db.db, SECRET, { githubUserId: 7, login: USERS.outsider, token }, NOW);
    const session = await readSession(db.db, SECRET, cookie, NOW);
    expect(session).toMatchObject({ login: USERS.outsider, token });
    const rows = await db.db.select().from(sessions);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(cookie.split(".")[0]);
    await endSession(db.db, SECRET, cookie);
    expect(await readSession(db.db, SECRET, cookie, NOW)).toBeNull();
  });

  it("rejects tampered, foreign and expired cookies", async () => {
    const cookie = await startSession(db.db, SECRET, { githubUserId: 8, login: "x", token: "t" }, NOW);
    const flipped = `${cookie.slice(0, 5)}${cookie[5] === "A" ? "B" : "A"}${cookie.slice(6)}`;
    expect(await readSession(db.db, SECRET, flipped, NOW)).toBeNull();
    expect(await readSession(db.db, "another-secret-of-at-least-32-characters", cookie, NOW)).toBeNull();
    expect(await readSession(db.db, SECRET, "garbage", NOW)).toBeNull();
    expect(await readSession(db.db, SECRET, cookie, new Date(NOW.getTime() + 9 * 3600_000))).toBeNull();
    expect(await readSession(db.db, SECRET, cookie, NOW)).not.toBeNull();
  });
});

describe("access checks with the user's token, cached", () => {
  it("asks GitHub once per user and repository within five minutes", async () => {
    const token = await signInAs(USERS.outsider);
    const who = { githubUserId: 4242, token };
    const deps = { db: db.db, apiUrl: double.url, now: NOW };
    double.resetLog();
    expect(await checkRepositoryAccess(deps, who, "acme", "ledger")).toEqual({ visible: false, isPrivate: null });
    expect(await checkRepositoryAccess(deps, who, "acme", "storefront")).toEqual({ visible: true, isPrivate: false });
    expect(await checkRepositoryAccess(deps, who, "ACME", "Ledger")).toEqual({ visible: false, isPrivate: null });
    expect(double.log.filter((entry) => entry.path.startsWith("/repos/"))).toHaveLength(2);
    await checkRepositoryAccess({ ...deps, now: new Date(NOW.getTime() + 6 * 60_000) }, who, "acme", "ledger");
    expect(double.log.filter((entry) => entry.path.startsWith("/repos/"))).toHaveLength(3);
    expect((await db.db.select().from(repositoryAccess)).length).toBeGreaterThanOrEqual(2);
  });
});

describe("API in team mode", () => {
  it("answers 401 without a session and 404 (never 403) for a repository the user cannot see", async () => {
    expect((await call(withRepositoryAccess(queueAudit), undefined, "ledger")).status).toBe(401);
    const outsider = await cookieFor(USERS.outsider);
    const hidden = await call(withRepositoryAccess(queueAudit), outsider, "ledger");
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual({
      error: { code: "not_found", message: "Repository acme/ledger is not connected to Parity." },
    });
    expect((await call(withRepositoryAccess(queueAudit), outsider, "storefront")).status).toBe(202);
    const member = await cookieFor(USERS.member);
    expect((await call(withRepositoryAccess(queueAudit), member, "ledger")).status).toBe(202);
  });

  it("hides the progress of an audit of a repository the user cannot see", async () => {
    const ledger = await upsertRepository(db.db, { owner: "acme", name: "ledger" });
    const audit = await createAudit(db.db, { repositoryId: ledger?.id ?? 0, trigger: "manual" });
    const progress = (cookie: string) =>
      handle(withAuditAccess(getAuditStatus))(request(cookie), { params: Promise.resolve({ id: String(audit.id) }) });
    expect((await progress(await cookieFor(USERS.outsider))).status).toBe(404);
    expect((await progress(await cookieFor(USERS.member))).status).toBe(200);
  });

  it("lists only the repositories each user can see", async () => {
    const list = async (cookie: string) =>
      (
        (await (await handle(listVisibleRepos)(request(cookie), { params: Promise.resolve({}) })).json()) as {
          repositories: { fullName: string }[];
        }
      ).repositories.map((r) => r.fullName);
    expect(await list(await cookieFor(USERS.outsider))).toEqual(["acme/storefront"]);
    expect(await list(await cookieFor(USERS.member))).toEqual(["acme/billing", "acme/ledger", "acme/storefront"]);
  });

  it("pages the list like GitHub (page, per_page, a Link header), counting only what the user can see", async () => {
    const cookie = await cookieFor(USERS.member);
    const answer = await handle(listVisibleRepos)(request(cookie, "http://parity.test/api/repos?per_page=2&page=2"), {
      params: Promise.resolve({}),
    });
    const body = (await answer.json()) as { repositories: { fullName: string }[]; total: number; page: number };
    expect(body.repositories.map((r) => r.fullName)).toEqual(["acme/storefront"]);
    expect(body).toMatchObject({ total: 3, page: 2, perPage: 2 });
    expect(answer.headers.get("link")).toBe(
      '</api/repos?per_page=2&page=1>; rel="first", </api/repos?per_page=2&page=1>; rel="prev"',
    );
    const refused = await handle(listVisibleRepos)(request(cookie, "http://parity.test/api/repos?per_page=0"), {
      params: Promise.resolve({}),
    });
    expect(refused.status).toBe(400);
  });

  it("serves the badge publicly for public repositories only", async () => {
    const badge = withBadgeAccess(getBadge);
    expect((await call(badge, undefined, "storefront.svg")).status).toBe(200);
    const hidden = await call(badge, undefined, "ledger.svg");
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).toContain("not audited");
    const mine = await call(badge, await cookieFor(USERS.member), "ledger.svg");
    expect(mine.status).toBe(200);
    expect(mine.headers.get("cache-control")).toBe("private, no-store");
  });
});
