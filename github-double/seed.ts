import { ledgerFiles } from "./seed-files/django";
import { edgeRouterFiles } from "./seed-files/go";
import { checkoutFiles } from "./seed-files/node";
import { storefrontFiles } from "./seed-files/rails";
import { billingFiles, brandAssetsFiles } from "./seed-files/spring";
import { World, type WorldCommit } from "./world";

/**
 * The demo organisation `acme`: six repositories of different stacks with 26 weeks of history
 * and production deploys that differ in cadence and trigger, so time and personnel checks have
 * something to say. Deterministic for a given `now`.
 */

export interface Person {
  name: string;
  login: string;
}

export const TEAM: Person[] = [
  { name: "Maya Lindqvist", login: "maya-l" },
  { name: "Tomás Ferreira", login: "tferreira" },
  { name: "Priya Raman", login: "praman" },
  { name: "Jonas Weber", login: "jweber" },
  { name: "Aiko Tanaka", login: "aiko-t" },
];
const OPS: Person = { name: "Dale Ops", login: "dale-ops" };

export type DeployStyle =
  /** GitHub Actions deploys every merge (deployment by github-actions[bot], push runs). */
  | { kind: "on-merge" }
  /** A person runs a workflow_dispatch deploy every `everyDays`. */
  | { kind: "manual"; everyDays: number; by: Person }
  /** An integration creates deployments (Render, Vercel...) for each merge. */
  | { kind: "integration"; bot: string }
  /** Only release tags every `everyDays`. */
  | { kind: "releases"; everyDays: number }
  | { kind: "none" };

export interface RepoPlan {
  name: string;
  files: Record<string, string>;
  /** Files touched by ordinary commits. */
  appFiles: string[];
  commitsPerWeek: number;
  deploy: DeployStyle;
  /** Workflow path that deploys, for workflow runs. */
  deployWorkflow?: string;
}

/** The demo organisation's repositories; the org-sweep bench varies them into a thousand. */
export const SEED_TEMPLATES: readonly RepoPlan[] = [
  {
    name: "storefront",
    files: storefrontFiles,
    appFiles: ["app/models/order.rb", "README.md"],
    commitsPerWeek: 6,
    deploy: { kind: "manual", everyDays: 9, by: OPS },
    deployWorkflow: ".github/workflows/deploy.yml",
  },
  {
    name: "checkout-api",
    files: checkoutFiles,
    appFiles: ["src/server.ts"],
    commitsPerWeek: 8,
    deploy: { kind: "on-merge" },
    deployWorkflow: ".github/workflows/deploy.yml",
  },
  {
    name: "ledger",
    files: ledgerFiles,
    appFiles: ["manage.py"],
    commitsPerWeek: 4,
    deploy: { kind: "integration", bot: "render[bot]" },
  },
  {
    name: "edge-router",
    files: edgeRouterFiles,
    appFiles: ["cmd/router/main.go"],
    commitsPerWeek: 10,
    deploy: { kind: "on-merge" },
    deployWorkflow: ".github/workflows/ci.yml",
  },
  {
    name: "billing",
    files: billingFiles,
    appFiles: ["src/main/java/com/acme/billing/BillingApplication.java"],
    commitsPerWeek: 3,
    deploy: { kind: "releases", everyDays: 21 },
  },
  {
    name: "brand-assets",
    files: brandAssetsFiles,
    appFiles: ["colors.md"],
    commitsPerWeek: 1,
    deploy: { kind: "none" },
  },
];

/** Small deterministic PRNG (mulberry32) so the seed is stable across runs. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export interface SeedOptions {
  /** The end of the 26 weeks of history. */
  now: Date;
  world?: World;
  installationId?: number;
}

export function seedAcme(options: SeedOptions): World {
  const world = options.world ?? new World();
  SEED_TEMPLATES.forEach((plan, index) => {
    seedRepository(world, "acme", plan, {
      now: options.now,
      installationId: options.installationId ?? 1,
      seed: index + 7,
    });
  });
  return world;
}

/** One repository of a plan: 26 weeks of merged pull requests and the plan's deploys, deterministic per `seed`. */
export function seedRepository(
  world: World,
  owner: string,
  plan: RepoPlan,
  options: { now: Date; installationId?: number | null; seed: number; weeks?: number },
): void {
  const end = options.now.getTime();
  const weeks = options.weeks ?? 26;
  const start = end - weeks * 7 * DAY;
  const fullName = `${owner}/${plan.name}`;
  world.addRepo({
    owner,
    name: plan.name,
    createdAt: iso(start - 30 * DAY),
    installationId: options.installationId ?? null,
  });
  const rand = random(options.seed);
  const first = world.commit(fullName, {
    files: plan.files,
    message: "Initial import",
    author: { name: TEAM[0]?.name ?? "", email: "maya@acme.test", login: TEAM[0]?.login ?? null },
    at: iso(start),
  });
  const merged: WorldCommit[] = [first];
  const total = Math.round(plan.commitsPerWeek * weeks);
  let pr = 1;
  for (let i = 1; i <= total; i += 1) {
    const at = start + Math.floor((i / total) * (end - start - DAY)) + Math.floor(rand() * 3_600_000);
    const person = TEAM[Math.floor(rand() * TEAM.length)] ?? OPS;
    const path = plan.appFiles[i % plan.appFiles.length] ?? "README.md";
    const base = plan.files[path] ?? "";
    pr += 1;
    const commit = world.commit(fullName, {
      files: { [path]: `${base}\n// change ${i}\n` },
      message: `Change ${i} to ${path.split("/").at(-1)}`,
      author: { name: person.name, email: `${person.login}@acme.test`, login: person.login },
      at: iso(at - Math.floor(rand() * 2 * DAY)),
      committedAt: iso(at),
      pullRequest: { number: pr, mergedBy: (TEAM[Math.floor(rand() * TEAM.length)] ?? person).login },
    });
    merged.push(commit);
  }
  addDeploys(world, fullName, plan, merged, end, rand);
}

function addDeploys(
  world: World,
  fullName: string,
  plan: RepoPlan,
  commits: WorldCommit[],
  end: number,
  rand: () => number,
): void {
  const style = plan.deploy;
  const workflow = plan.deployWorkflow ?? ".github/workflows/deploy.yml";
  if (style.kind === "on-merge" || style.kind === "integration") {
    const creator = style.kind === "on-merge" ? "github-actions[bot]" : style.bot;
    for (const commit of commits.slice(1)) {
      const at = Date.parse(commit.committedAt) + (5 + Math.floor(rand() * 20)) * 60_000;
      if (at > end) continue;
      world.deploy(fullName, { sha: commit.sha, environment: "production", creator, at: iso(at), state: "success" });
      if (style.kind === "on-merge") {
        world.run(fullName, {
          name: "Deploy",
          path: workflow,
          event: "push",
          branch: "main",
          sha: commit.sha,
          status: "completed",
          conclusion: "success",
          actor: commit.author.login ?? "github-actions[bot]",
          createdAt: iso(at),
        });
      }
    }
    return;
  }
  if (style.kind === "manual" || style.kind === "releases") {
    const firstAt = Date.parse(commits[0]?.committedAt ?? iso(end));
    let version = 0;
    for (let t = firstAt + style.everyDays * DAY; t < end; t += style.everyDays * DAY) {
      const head = [...commits].reverse().find((c) => Date.parse(c.committedAt) <= t);
      if (!head) continue;
      version += 1;
      if (style.kind === "releases") {
        world.release(fullName, { tagName: `v1.${version}.0`, sha: head.sha, author: "praman", at: iso(t) });
        continue;
      }
      const deployment = world.deploy(fullName, {
        sha: head.sha,
        environment: "production",
        creator: style.by.login,
        at: iso(t),
      });
      world.deploymentStatus(deployment, "in_progress", iso(t + 60_000));
      world.deploymentStatus(deployment, rand() < 0.1 ? "failure" : "success", iso(t + 8 * 60_000));
      world.run(fullName, {
        name: "Deploy",
        path: workflow,
        event: "workflow_dispatch",
        branch: "main",
        sha: head.sha,
        status: "completed",
        conclusion: "success",
        actor: style.by.login,
        createdAt: iso(t),
      });
    }
  }
}

export const ACME_REPOSITORIES = SEED_TEMPLATES.map((p) => `acme/${p.name}`);
