import { generateKeyPairSync } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type GitHubDouble, startGitHubDouble } from "../../../github-double/server";
import { World } from "../../../github-double/world";
import type { Format } from "../../parity/types";
import { createGitHubClient, type GitHubAuth } from "./client";
import { SourceError } from "./errors";
import { fetchGitHubSnapshot, type GitHubSnapshotOptions } from "./snapshot";

const TEST_FORMAT: Format = {
  id: "test",
  title: "Test",
  patterns: ["docker-compose.yml", ".github/workflows/*.yml", "config/*.yml", "assets/*", "dump.sql"],
  extract: () => ({ uses: [], problems: [] }),
};
const SINCE = new Date("2025-01-01T00:00:00Z");

function buildWorld(): World {
  const world = new World();
  world.addRepo({ owner: "acme", name: "shop" });
  const files = {
    "docker-compose.yml": "services:\n  db:\n    image: postgres:16\n",
    "config/database.yml": "production:\n  adapter: postgresql\n",
    ".github/workflows/deploy.yml": "on: push\njobs:\n  deploy:\n    environment: production\n",
    "src/app.ts": "export {};\n",
    "assets/logo.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]),
    "dump.sql": "-- big\n".repeat(160_000),
  };
  let head = world.commit("acme/shop", {
    files,
    message: "init",
    author: { name: "Maya", email: "maya@acme.test", login: "maya" },
    at: "2025-02-01T10:00:00Z",
  });
  for (let i = 1; i <= 5; i += 1) {
    head = world.commit("acme/shop", {
      files: { "src/app.ts": `export const v = ${i};\n` },
      message: `change ${i}`,
      author: { name: "Tomás", email: "t@acme.test", login: "tomas" },
      at: `2025-02-0${i + 1}T10:00:00Z`,
      pullRequest: { number: i, mergedBy: "maya" },
    });
    world.deploy("acme/shop", {
      sha: head.sha,
      environment: "production",
      creator: "github-actions[bot]",
      at: `2025-02-0${i + 1}T10:10:00Z`,
      state: "success",
    });
  }
  world.run("acme/shop", {
    name: "Deploy",
    path: ".github/workflows/deploy.yml",
    event: "workflow_dispatch",
    branch: "main",
    sha: head.sha,
    status: "completed",
    conclusion: "success",
    actor: "maya",
    createdAt: "2025-02-06T10:05:00Z",
  });
  world.release("acme/shop", { tagName: "v1.0.0", sha: head.sha, author: "maya", at: "2025-02-06T12:00:00Z" });
  world.addRepo({ owner: "acme", name: "long" });
  for (let i = 0; i < 230; i += 1) {
    world.commit("acme/long", {
      files: { "a.txt": String(i) },
      message: `c${i}`,
      author: {
        name: "renovate[bot]",
        email: "29139614+renovate[bot]@users.noreply.github.com",
        login: "renovate[bot]",
      },
      at: new Date(Date.parse("2025-02-01T00:00:00Z") + i * 3_600_000).toISOString(),
    });
  }
  return world;
}

let double: GitHubDouble;
beforeAll(async () => {
  double = await startGitHubDouble({ world: buildWorld() });
});
afterAll(async () => {
  await double.close();
});
afterEach(() => {
  double.clearFaults();
});

function client(auth: GitHubAuth = { type: "token", token: "t" }) {
  return createGitHubClient({ baseUrl: double.url, auth, retryBaseMs: 20, maxRetries: 3 });
}
function options(extra: Partial<GitHubSnapshotOptions> = {}): GitHubSnapshotOptions {
  return {
    owner: "acme",
    repo: "shop",
    since: SINCE,
    formats: [TEST_FORMAT],
    deployWorkflows: () => [{ path: ".github/workflows/deploy.yml", environment: "production" }],
    timeoutMs: 10_000,
    ...extra,
  };
}

describe("fetchGitHubSnapshot against the double", () => {
  it("reads a full snapshot in at most 3 requests", async () => {
    double.resetLog();
    const result = await fetchGitHubSnapshot(client(), options());
    expect(result.requests).toBeLessThanOrEqual(3);
    expect(double.requestCount).toBe(result.requests);
    expect(result.notModified).toBe(false);
    const { snapshot } = result;
    expect(snapshot.defaultBranch).toBe("main");
    expect(snapshot.paths).toContain("src/app.ts");
    expect(snapshot.files.get("docker-compose.yml")).toContain("postgres:16");
    expect(snapshot.files.has("src/app.ts")).toBe(false);
    expect(snapshot.skipped).toEqual(
      expect.arrayContaining([
        { path: "assets/logo.png", reason: "binary file" },
        { path: "dump.sql", reason: "larger than 1 MB" },
      ]),
    );
    const history = snapshot.history;
    expect(history?.commits).toHaveLength(6);
    expect(history?.commits[0]).toMatchObject({
      author: { id: "tomas", isBot: false },
      pullRequest: { number: 5, mergedBy: { id: "maya" } },
    });
    const bySource = (source: string) => history?.deploys.filter((d) => d.source === source) ?? [];
    expect(bySource("deployment")).toHaveLength(5);
    // The deploy of the head sha came from a workflow_dispatch run: a person started it.
    expect(bySource("deployment")[0]).toMatchObject({
      trigger: "manual",
      creator: { id: "github-actions[bot]", isBot: true },
    });
    expect(bySource("deployment")[1]).toMatchObject({ trigger: "automatic" });
    expect(bySource("workflow-run")).toHaveLength(0);
    expect(bySource("release")).toHaveLength(1);
    expect(result.rateLimitCost).toBeGreaterThan(0);
  });

  it("pages history past 100 commits and recognises bot authors", async () => {
    const result = await fetchGitHubSnapshot(client(), options({ repo: "long" }));
    expect(result.snapshot.history?.commits).toHaveLength(230);
    expect(result.snapshot.history?.complete).toBe(true);
    expect(result.snapshot.history?.commits.every((c) => c.author?.isBot)).toBe(true);
  });

  it("reads public repositories without credentials over REST", async () => {
    const result = await fetchGitHubSnapshot(client({ type: "none" }), options());
    expect(result.snapshot.files.get("config/database.yml")).toContain("postgresql");
    expect(result.snapshot.history?.commits).toHaveLength(6);
    expect(
      result.snapshot.history?.deploys.filter((d) => d.source === "deployment" && d.environment === "production"),
    ).toHaveLength(5);
  });

  it("authenticates as a GitHub App installation", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    const result = await fetchGitHubSnapshot(
      client({ type: "app", appId: 1, privateKey: pem, installationId: 1 }),
      options(),
    );
    expect(result.snapshot.commit).toBe(double.world.repo("acme/shop").branches.get("main"));
  });
});

describe("faults: complete after waiting, or fail clearly within the bound", () => {
  it.each([
    ["secondary limit on GraphQL", { fault: { kind: "secondary-limit", retryAfter: 1 }, path: "/graphql", times: 1 }],
    [
      "429 secondary limit on the tree",
      { fault: { kind: "secondary-limit", retryAfter: 1, status: 429 }, path: "/git/trees/", times: 1 },
    ],
    ["502 twice on the tree", { fault: { kind: "status", status: 502 }, path: "/git/trees/", times: 2 }],
    ["500 once on GraphQL", { fault: { kind: "status", status: 500 }, path: "/graphql", times: 1 }],
    ["a slow GraphQL answer", { fault: { kind: "slow", delayMs: 500 }, path: "/graphql", times: 1 }],
  ] as const)("completes after %s", async (_name, rule) => {
    double.inject(rule);
    const result = await fetchGitHubSnapshot(client(), options());
    expect(result.snapshot.files.get("docker-compose.yml")).toContain("postgres");
  });

  it.each([
    ["404", { fault: { kind: "status", status: 404 }, path: "/git/trees/" }, "not_found"],
    ["451", { fault: { kind: "status", status: 451 }, path: "/git/trees/" }, "forbidden"],
    ["persistent 502", { fault: { kind: "status", status: 502 }, path: "/graphql" }, "upstream"],
    [
      "primary limit resetting in an hour",
      { fault: { kind: "primary-limit", resetIn: 3600 }, path: "/git/trees/" },
      "rate_limited",
    ],
    [
      "secondary limit asking for 10 minutes",
      { fault: { kind: "secondary-limit", retryAfter: 600 }, path: "/graphql" },
      "rate_limited",
    ],
  ] as const)("fails on %s with code %s", async (_name, rule, code) => {
    double.inject(rule);
    const started = Date.now();
    const error = await fetchGitHubSnapshot(client({ type: "token", token: `fault-${_name}` }), options()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).code).toBe(code);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("fails with upstream when a response outlasts the overall bound", async () => {
    double.inject({ fault: { kind: "slow", delayMs: 3_000 }, path: "/graphql" });
    const started = Date.now();
    const error = await fetchGitHubSnapshot(client(), options({ timeoutMs: 1_000 })).catch((e: unknown) => e);
    expect((error as SourceError).code).toBe("upstream");
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it("walks directories after a truncated tree and says the history is partial", async () => {
    double.inject({ fault: { kind: "truncate-tree", maxEntries: 6 }, path: "/git/trees/HEAD" });
    const result = await fetchGitHubSnapshot(client(), options());
    expect(result.snapshot.paths).toContain("config/database.yml");
    expect(result.snapshot.skipped?.some((s) => s.reason.startsWith("tree truncated"))).toBe(true);
    expect(result.snapshot.history?.complete).toBe(false);
  });
});
