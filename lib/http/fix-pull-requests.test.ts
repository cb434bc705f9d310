import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listFixesRoute } from "@/app/api/repos/[owner]/[repo]/fixes/route";
import { FIX_DEMO_REPOSITORY, seedFixDemo } from "../../github-double/seed-fix-demo";
import { type GitHubDouble, startGitHubDouble } from "../../github-double/server";
import { World } from "../../github-double/world";
import { runLiveAudit } from "../audits/run-audit";
import { withRepositoryAccess } from "../auth/api";
import { type FixWriters, postFixPullRequestWith } from "../auth/fix-pull-requests";
import { addRepository } from "../jobs/queue";
import { createGitHubClient } from "../sources/github/client";
import { handle } from "./handlers";
import { openTestApiContext } from "./test-api-context";

/**
 * Issue 17 item 4 through the route handlers, a real database and the GitHub double: an audit
 * stores its proven fixes, `GET .../fixes` shows them (diffs scrubbed), and `POST .../fixes` opens
 * the pull request through the Git Data API, updates it on a second call, and refuses when the
 * default branch changed under the edits.
 */

const api = openTestApiContext();
const NOW = new Date("2026-11-30T12:00:00Z");
const [owner = "acme", name = "payments"] = FIX_DEMO_REPOSITORY.split("/");
const params = { params: Promise.resolve({ owner, repo: name }) };
const path = `http://parity.test/api/repos/${FIX_DEMO_REPOSITORY}/fixes`;
const post = (body: unknown) =>
  new Request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

let double: GitHubDouble;
let world: World;
const client = () =>
  createGitHubClient({ baseUrl: double.url, auth: { type: "token", token: "t" }, maxRetries: 0, writeIntervalMs: 0 });
const writers: FixWriters = async () => ({ client: client(), as: "the test's token" });
const route = handle(withRepositoryAccess(postFixPullRequestWith(writers)));

interface Listed {
  planned: boolean;
  before: { tools: number };
  fixes: { fingerprint: string; check: string; summary: string; diff: string; after: { tools: number } }[];
  bundle: string[];
}

async function listed(): Promise<Listed> {
  const response = await listFixesRoute(new Request(path), params);
  expect(response.status).toBe(200);
  return (await response.json()) as Listed;
}

beforeAll(async () => {
  world = seedFixDemo(new World(), NOW);
  double = await startGitHubDouble({ world });
  const { audit } = await addRepository(api.db, api.boss, { owner, name });
  const outcome = await runLiveAudit({ db: api.db, client: client(), now: () => NOW }, audit.id);
  expect(outcome.ok).toBe(true);
});
afterAll(async () => {
  await double?.close();
});

describe("fixes on the dashboard", () => {
  it("stores the audit's proven fixes, with a scrubbed diff and the scores after", async () => {
    const offered = await listed();
    expect(offered.planned).toBe(true);
    expect(offered.fixes.map((fix) => fix.summary)).toEqual([
      "docker-compose.yml: postgres:14-alpine -> postgres:16-alpine",
    ]);
    const [fix] = offered.fixes;
    expect(fix?.diff).toContain("+    image: postgres:16-alpine");
    expect(fix?.diff).not.toContain("POSTGRES_PASSWORD: payments");
    expect(fix?.after.tools).toBeGreaterThan(offered.before.tools);
  });

  it("opens one pull request through the Git Data API, and updates it on a second call", async () => {
    const [fix] = (await listed()).fixes;
    const first = await route(post({ fingerprint: fix?.fingerprint }), params);
    expect(first.status).toBe(201);
    const opened = ((await first.json()) as { pullRequest: { number: number; branch: string; files: string[] } })
      .pullRequest;
    expect(opened.files).toEqual(["docker-compose.yml"]);
    expect(opened.branch).toMatch(/^parity\/fix-service-version-[0-9a-f]+$/);

    const repo = world.repo(FIX_DEMO_REPOSITORY);
    const pull = repo.pulls.find((item) => item.number === opened.number);
    expect(pull).toMatchObject({ state: "open", headRef: opened.branch, baseRef: "main" });
    expect(pull?.title).toBe(`Parity: ${fix?.summary}`);
    expect(pull?.body).toContain("## Why");
    expect(pull?.body).toMatch(/\| tools \| \d+ \| 100 \(\+\d+\) \|/);
    // One commit on the branch, on main's tip, changing only the image line.
    const head = repo.commits.get(repo.branches.get(opened.branch) ?? "");
    expect(head?.parents).toEqual([repo.branches.get("main")]);
    const compose = world.blobs.get(head?.files.get("docker-compose.yml") ?? "")?.toString("utf8") ?? "";
    const original = world.blobs.get(repo.commits.get(head?.parents[0] ?? "")?.files.get("docker-compose.yml") ?? "");
    expect(compose).toBe(original?.toString("utf8").replace("postgres:14-alpine", "postgres:16-alpine"));

    const second = await route(post({ fingerprint: fix?.fingerprint }), params);
    expect(second.status).toBe(200);
    expect(((await second.json()) as { pullRequest: { number: number; updated: boolean } }).pullRequest).toMatchObject({
      number: opened.number,
      updated: true,
    });
    expect(repo.pulls.filter((item) => item.state === "open" && item.headRef === opened.branch)).toHaveLength(1);
  });

  it("bundles every fix on one branch of its own", async () => {
    const response = await route(post({ all: true }), params);
    expect(response.status).toBe(201);
    expect(((await response.json()) as { pullRequest: { branch: string } }).pullRequest.branch).toBe("parity/fixes");
  });

  it("answers 400, 404 and 503 for what it cannot do", async () => {
    expect((await route(post({ fingerprint: "x", all: true }), params)).status).toBe(400);
    const unknown = await route(post({ fingerprint: "0000000000000000" }), params);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/offers no proven fix/);
    const nobody = handle(withRepositoryAccess(postFixPullRequestWith(async () => null)));
    const [fix] = (await listed()).fixes;
    const refused = await nobody(post({ fingerprint: fix?.fingerprint }), params);
    expect(refused.status).toBe(503);
    expect(await refused.text()).toMatch(/GITHUB_TOKEN/);
  });

  it("refuses, and writes nothing, when the default branch changed under the edits", async () => {
    const repo = world.repo(FIX_DEMO_REPOSITORY);
    const compose = world.blobs.get(
      repo.commits.get(repo.branches.get("main") ?? "")?.files.get("docker-compose.yml") ?? "",
    );
    world.commit(FIX_DEMO_REPOSITORY, {
      files: { "docker-compose.yml": `# moved\n${compose?.toString("utf8").replace("14-alpine", "15-alpine")}` },
      message: "Try PostgreSQL 15",
      author: { name: "Maya", email: "maya@acme.test", login: "maya-l" },
      at: NOW.toISOString(),
    });
    const pullsBefore = repo.pulls.length;
    const [fix] = (await listed()).fixes;
    const response = await route(post({ fingerprint: fix?.fingerprint }), params);
    expect(response.status).toBe(409);
    expect(await response.text()).toMatch(/changed since the audit/);
    expect(repo.pulls).toHaveLength(pullsBefore);
  });
});
