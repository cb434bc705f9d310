import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GitHubDouble, startGitHubDouble } from "../../../github-double/server";
import { World } from "../../../github-double/world";
import { memoryCache } from "./cache";
import { createGitHubClient, type GitHubClient } from "./client";
import { fetchGitHubSnapshot, type GitHubSnapshotOptions } from "./snapshot";

/**
 * Conditional re-audits: the full audit leaves the ETags of exactly the REST requests the next
 * audit asks (the tree and one activity list), so the SECOND audit of an unchanged repository is
 * all 304s at zero points, and a change the report depends on is still noticed.
 */

const SINCE = new Date("2025-01-01T00:00:00Z");
const DEPLOY_WORKFLOW = `name: Deploy
on:
  push:
    branches: [main]
  workflow_dispatch: {}
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
      - run: flyctl deploy --remote-only
`;
const COMPOSE = "services:\n  db:\n    image: postgres:16\n";
const maya = { name: "Maya", email: "maya@acme.test", login: "maya" };

function seedRepo(world: World, name: string, kind: "actions" | "vercel" | "tags"): void {
  const full = `acme/${name}`;
  world.addRepo({ owner: "acme", name });
  const files: Record<string, string> = { "compose.yaml": COMPOSE, "src/app.ts": "export {};\n" };
  if (kind === "actions") files[".github/workflows/deploy.yml"] = DEPLOY_WORKFLOW;
  let head = world.commit(full, { files, message: "init", author: maya, at: "2025-02-01T10:00:00Z" });
  for (let i = 1; i <= 3; i += 1) {
    head = world.commit(full, {
      files: { "src/app.ts": `export const v = ${i};\n` },
      message: `change ${i}`,
      author: maya,
      at: `2025-02-0${i + 1}T10:00:00Z`,
    });
    const at = `2025-02-0${i + 1}T10:20:00Z`;
    if (kind === "actions") {
      world.deploy(full, {
        sha: head.sha,
        environment: "production",
        creator: "github-actions[bot]",
        at,
        state: "success",
      });
      world.run(full, {
        name: "Deploy",
        path: ".github/workflows/deploy.yml",
        event: "push",
        branch: "main",
        sha: head.sha,
        status: "completed",
        conclusion: "success",
        actor: "maya",
        createdAt: at,
      });
    }
    if (kind === "vercel") {
      world.deploy(full, { sha: head.sha, environment: "Production", creator: "vercel[bot]", at, state: "success" });
    }
  }
  if (kind === "tags") world.tag(full, "v1.0.0", head.sha);
}

/** Changes that leave the tree alone but move the report. */
const CHANGES = {
  actions: (world: World) => {
    const head = world.repo("acme/fly-app").branches.get("main") ?? "";
    world.run("acme/fly-app", {
      name: "Deploy",
      path: ".github/workflows/deploy.yml",
      event: "workflow_dispatch",
      branch: "main",
      sha: head,
      status: "completed",
      conclusion: "success",
      actor: "maya",
      createdAt: "2025-02-09T09:00:00Z",
    });
    world.deploy("acme/fly-app", {
      sha: head,
      environment: "production",
      creator: "github-actions[bot]",
      at: "2025-02-09T09:05:00Z",
      state: "success",
    });
  },
  vercel: (world: World) => {
    const head = world.repo("acme/web").branches.get("main") ?? "";
    world.deploy("acme/web", {
      sha: head,
      environment: "Production",
      creator: "vercel[bot]",
      at: "2025-02-09T09:00:00Z",
      state: "success",
    });
  },
  tags: (world: World) => {
    const head = world.repo("acme/lib").branches.get("main") ?? "";
    world.tag("acme/lib", "v1.1.0", head);
  },
} as const;

let double: GitHubDouble;
beforeAll(async () => {
  const world = new World();
  seedRepo(world, "fly-app", "actions");
  seedRepo(world, "web", "vercel");
  seedRepo(world, "lib", "tags");
  double = await startGitHubDouble({ world });
});
afterAll(async () => {
  await double.close();
});

function options(repo: string, extra: Partial<GitHubSnapshotOptions> = {}): GitHubSnapshotOptions {
  return { owner: "acme", repo, since: SINCE, timeoutMs: 10_000, ...extra };
}

describe.each([
  ["fly-app", "actions", "runs", 3, (d: { sha: string; trigger: string }) => d.trigger === "manual"],
  ["web", "vercel", "deployments", 3, (d: { deployedAt: string }) => d.deployedAt === "2025-02-09T09:00:00Z"],
  ["lib", "tags", "tags", 3, (d: { id: string; source: string }) => d.id === "tag:v1.1.0" && d.source === "tag"],
] as const)("acme/%s (%s deploys, probe: %s)", (repo, kind, probe, maxFull, isNew) => {
  const cache = memoryCache();
  let client: GitHubClient;
  beforeAll(() => {
    client = createGitHubClient({ baseUrl: double.url, auth: { type: "token", token: `t-${repo}` } });
  });

  it(`the full audit takes at most ${maxFull} requests and leaves the ${probe} list's ETag`, async () => {
    double.resetLog();
    const first = await fetchGitHubSnapshot(client, options(repo, { cache }));
    expect(first.notModified).toBe(false);
    expect(first.requests).toBeLessThanOrEqual(maxFull);
    expect(double.requestCount).toBe(first.requests);
    const probePath = { runs: "/actions/runs", deployments: "/deployments", tags: "/tags" }[probe];
    expect(double.log.some((r) => r.path.includes(probePath))).toBe(true);
  });

  it("the SECOND audit of the unchanged repository is only 304s and costs zero points", async () => {
    double.resetLog();
    const second = await fetchGitHubSnapshot(client, options(repo, { cache }));
    expect(second).toMatchObject({ notModified: true, rateLimitCost: 0 });
    expect(double.log.length).toBe(2);
    expect(double.log.every((r) => r.status === 304 && r.cost === 0)).toBe(true);
    expect(second.snapshot.files.get("compose.yaml")).toContain("postgres:16");
  });

  it("notices a change that leaves the tree alone but moves the report", async () => {
    CHANGES[kind](double.world);
    const after = await fetchGitHubSnapshot(client, options(repo, { cache }));
    expect(after.notModified).toBe(false);
    expect(after.snapshot.history?.deploys.some((d) => isNew(d as never))).toBe(true);
    double.resetLog();
    const again = await fetchGitHubSnapshot(client, options(repo, { cache }));
    expect(again).toMatchObject({ notModified: true, rateLimitCost: 0 });
  });
});

describe("anonymous re-audits over REST", () => {
  it("are 304s at zero cost from the second audit on", async () => {
    const cache = memoryCache();
    const client = createGitHubClient({ baseUrl: double.url, auth: { type: "none" } });
    await fetchGitHubSnapshot(client, options("lib", { cache }));
    double.resetLog();
    const second = await fetchGitHubSnapshot(client, options("lib", { cache }));
    expect(second).toMatchObject({ notModified: true, rateLimitCost: 0 });
    expect(double.log.every((r) => r.status === 304)).toBe(true);
  });
});
