import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GitHubDouble, startGitHubDouble } from "../../../github-double/server";
import { type CommitInput, World } from "../../../github-double/world";
import { audit } from "../../parity/audit/audit";
import { configFromSnapshot } from "../../parity/audit/audit-core";
import { analyzeHistory, leadTime } from "../../parity/history/index";
import type { Report, RepoSnapshot } from "../../parity/types";
import { createGitHubClient, type GitHubClient } from "./client";
import { fetchGitHubSnapshot } from "./snapshot";

/**
 * Deploy detection end to end: the double's world -> fetchGitHubSnapshot -> audit() -> metrics.
 * One repository per signal or history shape the model names (docs: parity-model.md §3).
 */

const NOW = new Date("2025-03-01T12:00:00Z");
const SINCE = new Date("2025-01-01T00:00:00Z");
const COMPOSE = "services:\n  db:\n    image: postgres:16\n";
const FLY_WORKFLOW = `name: Ship
on:
  push:
    branches: [main]
jobs:
  ship:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: superfly/flyctl-actions/setup-flyctl@master
      - run: flyctl deploy --remote-only
`;
const ana = { name: "Ana", email: "ana@acme.test", login: "ana" };
const ben = { name: "Ben", email: "ben@acme.test", login: "ben" };
const renovate = {
  name: "renovate[bot]",
  email: "29139614+renovate[bot]@users.noreply.github.com",
  login: "renovate[bot]",
};

const day = (d: number, h = 10) => `2025-02-${String(d).padStart(2, "0")}T${String(h).padStart(2, "0")}:00:00Z`;

function repo(world: World, name: string, files: Record<string, string> = {}) {
  const full = `acme/${name}`;
  world.addRepo({ owner: "acme", name });
  world.commit(full, { files: { "compose.yaml": COMPOSE, ...files }, message: "init", author: ana, at: day(1) });
  const commit = (input: Partial<CommitInput> & { at: string }) =>
    world.commit(full, {
      files: { "src/app.ts": `// ${input.at} ${Math.random()}\n` },
      message: "change",
      author: ana,
      ...input,
    });
  return { full, commit };
}

function buildWorld(): World {
  const world = new World();

  // Deployments to environments named in .parity.yml count; others (even "production") do not.
  const named = repo(world, "named-prod", { ".parity.yml": 'production: ["prod-eu"]\n' });
  for (const [d, env] of [
    [3, "prod-eu"],
    [4, "production"],
    [5, "prod-eu"],
  ] as const) {
    const c = named.commit({ at: day(d) });
    world.deploy(named.full, { sha: c.sha, environment: env, creator: "ana", at: day(d, 11), state: "success" });
  }

  // By default anything matching "prod", but not staging or pre-production.
  const byDefault = repo(world, "default-prod");
  for (const [d, env] of [
    [3, "Production"],
    [4, "prod-us"],
    [5, "preprod"],
    [6, "staging"],
  ] as const) {
    const c = byDefault.commit({ at: day(d) });
    world.deploy(byDefault.full, { sha: c.sha, environment: env, creator: "ana", at: day(d, 11), state: "success" });
  }

  // Deployments created by Vercel, Netlify and Render integrations: no Actions involved.
  const integrations = repo(world, "integrations");
  for (const [d, bot] of [
    [3, "vercel[bot]"],
    [4, "netlify[bot]"],
    [5, "render[bot]"],
  ] as const) {
    const c = integrations.commit({ at: day(d) });
    world.deploy(integrations.full, {
      sha: c.sha,
      environment: "Production",
      creator: bot,
      at: day(d, 11),
      state: "success",
    });
  }

  // A deploy job recognised by structure (flyctl deploy, no environment): its runs are the deploys.
  const runs = repo(world, "fly-runs", { ".github/workflows/ship.yml": FLY_WORKFLOW });
  for (const d of [3, 4, 5]) {
    const c = runs.commit({ at: day(d) });
    world.run(runs.full, {
      name: "Ship",
      path: ".github/workflows/ship.yml",
      event: "push",
      branch: "main",
      sha: c.sha,
      status: "completed",
      conclusion: "success",
      actor: "ana",
      createdAt: day(d, 11),
    });
  }

  // Only version tags (one with a release, one bare): the weakest proxy, labelled.
  const tags = repo(world, "tags-only");
  const t1 = tags.commit({ at: day(3) });
  world.release(tags.full, { tagName: "v1.0.0", sha: t1.sha, author: "ana", at: day(3, 12) });
  const t2 = tags.commit({ at: day(6) });
  world.tag(tags.full, "v1.1.0", t2.sha);

  // Squash merge (one commit written days before it lands), rebase merge (new shas, old author
  // dates), a bot commit, and a laptop clock ahead of the deploy.
  const merges = repo(world, "merges");
  merges.commit({ at: day(2), committedAt: day(5), pullRequest: { number: 1, mergedBy: "ben" }, author: ben });
  merges.commit({ at: day(3), committedAt: day(6), author: ana });
  merges.commit({ at: day(4), committedAt: day(6), author: ana });
  merges.commit({ at: day(6, 8), committedAt: day(6, 8), author: renovate });
  const skewed = merges.commit({ at: day(6, 15), committedAt: day(6, 9), author: ben });
  world.deploy(merges.full, {
    sha: skewed.sha,
    environment: "production",
    creator: "ben",
    at: day(6, 10),
    state: "success",
  });

  // Force-push: the deployed sha was rewritten away, so ancestry cannot place its commits.
  const forced = repo(world, "force-pushed");
  const base = forced.commit({ at: day(3) });
  const gone = forced.commit({ at: day(4) });
  world.deploy(forced.full, {
    sha: gone.sha,
    environment: "production",
    creator: "ana",
    at: day(4, 12),
    state: "success",
  });
  world.repo(forced.full).branches.set("main", base.sha);
  forced.commit({ at: day(4, 9), committedAt: day(4, 11) });
  forced.commit({ at: day(8) });
  return world;
}

let double: GitHubDouble;
let client: GitHubClient;
beforeAll(async () => {
  double = await startGitHubDouble({ world: buildWorld() });
  client = createGitHubClient({ baseUrl: double.url, auth: { type: "token", token: "t" }, writeIntervalMs: 0 });
});
afterAll(async () => {
  await double.close();
});

async function audited(name: string): Promise<{ snapshot: RepoSnapshot; report: Report }> {
  const { snapshot } = await fetchGitHubSnapshot(client, {
    owner: "acme",
    repo: name,
    since: SINCE,
    timeoutMs: 10_000,
  });
  return { snapshot, report: audit(snapshot, null, NOW) };
}

function perCommit(snapshot: RepoSnapshot) {
  const config = configFromSnapshot(snapshot).config;
  return leadTime(
    analyzeHistory(snapshot.history ?? { commits: [], deploys: [], complete: true }, config.production, NOW),
  );
}

describe("deploy signals through the GitHub source", () => {
  it.each([
    ["named-prod", { signal: "deployment", deploysInWindow: 2 }],
    ["default-prod", { signal: "deployment", deploysInWindow: 2 }],
    ["integrations", { signal: "deployment", deploysInWindow: 3, automaticShare: 1 }],
    ["fly-runs", { signal: "workflow-run", deploysInWindow: 3, automaticShare: 1 }],
    ["tags-only", { signal: "release", deploysInWindow: 2 }],
  ] as const)("%s: metrics come from the expected signal", async (name, expected) => {
    const { report } = await audited(name);
    expect(report.metrics).toMatchObject(expected);
  });

  it("labels releases and tags as a proxy, never as deploys", async () => {
    const { report } = await audited("tags-only");
    const frequency = report.checks.find((c) => c.id === "deploy-frequency");
    expect(frequency?.summary).toContain("releases/tags used as a proxy for deploys");
  });

  it("marks integration deployments as automatic, with the integration named", async () => {
    const { snapshot } = await audited("integrations");
    expect(snapshot.history?.deploys.map((d) => [d.integration, d.trigger])).toEqual([
      ["render", "automatic"],
      ["netlify", "automatic"],
      ["vercel", "automatic"],
    ]);
  });

  it("handles squash and rebase merges, bot commits and clock skew: every lead time is a number >= 0", async () => {
    const { snapshot, report } = await audited("merges");
    const lead = perCommit(snapshot);
    // 4 human commits (init, squash, two rebased, skewed) minus none: the bot is left out.
    expect(lead.deployedCommits).toBe(5);
    expect(lead.perCommit.every((c) => Number.isFinite(c.hours) && c.hours >= 0 && c.method === "ancestry")).toBe(true);
    const bySha = new Map(lead.perCommit.map((c) => [c.sha, c.hours]));
    const squash = snapshot.history?.commits.find((c) => c.pullRequest?.number === 1);
    // Written Feb 2, deployed Feb 6 10:00: 4 days, measured from the author date, not the merge.
    expect(bySha.get(squash?.sha ?? "")).toBe(96);
    const skewed = snapshot.history?.commits[0];
    expect(bySha.get(skewed?.sha ?? "")).toBe(0);
    expect(report.metrics.leadTimeHours).toBeGreaterThan(0);
  });

  it("places commits by time when a force-push rewrote the deployed sha away", async () => {
    const { snapshot, report } = await audited("force-pushed");
    const lead = perCommit(snapshot);
    expect(lead.timeFallbackCommits).toBeGreaterThan(0);
    expect(lead.perCommit.every((c) => c.hours >= 0)).toBe(true);
    expect(report.metrics.undeployedCommits).toBe(1);
  });
});
