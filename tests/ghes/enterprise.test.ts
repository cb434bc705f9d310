import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { githubBlobUrl, githubCommitUrl } from "@/components/format";
import { seedAcme } from "@/github-double/seed";
import { OAUTH_CLIENT, seedUsers, USERS } from "@/github-double/seed-users";
import { type GitHubDouble, startGitHubDouble } from "@/github-double/server";
import { beginSignIn, checkCallback, exchangeCode, fetchUser } from "@/lib/auth/oauth";
import { renderComment } from "@/lib/bot/comment";
import { computeDelta } from "@/lib/bot/delta";
import { githubWebUrl, parseEnv } from "@/lib/env";
import { audit } from "@/lib/parity/audit/index";
import type { Report } from "@/lib/parity/types";
import { createGitHubClient, fetchGitHubSnapshot } from "@/lib/sources/github/index";

/*
 * GitHub Enterprise Server end to end (issue: Parity in every team's CI): the double answers as a
 * GHES host does (REST under /api/v3, GraphQL at /api/graphql, sign-in and the App form on a web
 * origin of their own) and every part of Parity that talks to GitHub or links to it goes where
 * GITHUB_API_URL and GITHUB_URL say, never to github.com.
 */

const NOW = new Date("2026-11-30T12:00:00Z");
let double: GitHubDouble;
let report: Report | null = null;

beforeAll(async () => {
  double = await startGitHubDouble({ world: seedUsers(seedAcme({ now: NOW })), enterprise: true });
});
afterAll(async () => {
  await double?.close();
});

describe("the enterprise double", () => {
  it("serves the API under /api/v3 on one origin and the web pages on another", async () => {
    expect(double.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
    expect(new URL(double.webUrl).origin).not.toBe(new URL(double.url).origin);
    const origin = new URL(double.url).origin;
    expect((await fetch(`${double.url}/repos/acme/storefront`)).status).toBe(200);
    expect((await fetch(`${origin}/repos/acme/storefront`)).status).toBe(404);
    expect((await fetch(`${double.webUrl}/repos/acme/storefront`)).status).toBe(404);
    expect((await fetch(`${origin}/login/oauth/authorize`)).status).toBe(404);
  });
});

describe("Parity against GHES", () => {
  const settings = () => parseEnv({ GITHUB_API_URL: double.url, GITHUB_URL: double.webUrl });

  it("reads a repository through /api/v3 and /api/graphql, and audits it", async () => {
    const client = createGitHubClient({ baseUrl: settings().GITHUB_API_URL, auth: { type: "token", token: "t" } });
    const { snapshot } = await fetchGitHubSnapshot(client, {
      owner: "acme",
      repo: "storefront",
      since: new Date(NOW.getTime() - 180 * 86_400_000),
    });
    expect(snapshot.files.size).toBeGreaterThan(0);
    expect(snapshot.history?.commits.length ?? 0).toBeGreaterThan(0);
    report = audit(snapshot, null, NOW);
    expect(report.repository).toBe("acme/storefront");
    const paths = double.log.map((entry) => entry.path);
    expect(paths.some((path) => path.startsWith("/repos/acme/storefront"))).toBe(true);
  });

  it("signs a user in on the web origin and reads the user through the API", async () => {
    const web = githubWebUrl(settings());
    expect(web).toBe(double.webUrl);
    const redirectUri = "http://parity.test/api/auth/callback";
    const secret = "s".repeat(32);
    const started = beginSignIn({
      oauthUrl: web,
      clientId: OAUTH_CLIENT.id,
      redirectUri,
      secret,
      next: "/",
      now: Date.now(),
    });
    expect(new URL(started.location).origin).toBe(double.webUrl);
    const authorize = new URL(started.location);
    authorize.searchParams.set("login", USERS.member);
    const back = new URL((await fetch(authorize, { redirect: "manual" })).headers.get("location") ?? "");
    const pending = checkCallback({
      cookie: started.cookie,
      state: back.searchParams.get("state"),
      secret,
      now: Date.now(),
    });
    const token = await exchangeCode({
      oauthUrl: web,
      clientId: OAUTH_CLIENT.id,
      clientSecret: OAUTH_CLIENT.secret,
      code: back.searchParams.get("code") ?? "",
      redirectUri,
      verifier: pending?.verifier ?? "",
    });
    expect((await fetchUser(settings().GITHUB_API_URL, token)).login).toBe(USERS.member);
  });

  it("links files and commits on the scorecard and in the PR comment to the GHES web host", () => {
    const repo = { githubUrl: githubWebUrl(settings()), fullName: "acme/storefront" };
    expect(githubBlobUrl(repo, "abc", "compose.yaml", 4)).toBe(
      `${double.webUrl}/acme/storefront/blob/abc/compose.yaml#L4`,
    );
    expect(githubCommitUrl(repo, "abc")).toBe(`${double.webUrl}/acme/storefront/commit/abc`);
    // The storefront's own findings, as a pull request that introduces all of them would show.
    const head = report as Report;
    expect(head.findings.length).toBeGreaterThan(0);
    const comment = renderComment(computeDelta({ ...head, findings: [] }, head), {
      headRepository: "acme/storefront",
      headRef: "feature",
      baseRepository: "acme/storefront",
      baseRef: "main",
      serverUrl: githubWebUrl(settings()),
    });
    expect(comment).toContain(`](${double.webUrl}/acme/storefront/blob/feature/`);
    expect(comment).not.toContain("https://github.com");
  });
});
