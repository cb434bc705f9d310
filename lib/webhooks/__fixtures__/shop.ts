import { generateKeyPairSync } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";
import examples from "@octokit/webhooks-examples/api.github.com/index.json" with { type: "json" };
import { World, type WorldRepo } from "../../../github-double/world";

/**
 * A small shop repository in the GitHub double, installed in App installation 42, and helpers to
 * open pull requests and to sign GitHub-shaped deliveries (payloads start from GitHub's own
 * examples in @octokit/webhooks-examples, with our repository and PR written over them).
 */

export const INSTALLATION = 42;
export const SECRET = "test-webhook-secret-0123456789";
export const AT = "2026-03-02T10:00:00Z";

export const SHOP_FILES: Record<string, string> = {
  "docker-compose.yml": [
    "services:",
    "  web:",
    "    build: .",
    "    environment:",
    "      DATABASE_URL: postgres://app:dev-only@db:5432/app",
    "  db:",
    "    image: postgres:16",
    "  cache:",
    "    image: redis:7.2",
    "",
  ].join("\n"),
  "render.yaml": [
    "services:",
    "  - type: web",
    "    name: web",
    "    env: node",
    "databases:",
    "  - name: db",
    "    postgresMajorVersion: 16",
    "",
  ].join("\n"),
  "package.json": `${JSON.stringify({ name: "shop", private: true, engines: { node: "20.x" } }, null, 2)}\n`,
  "README.md": "# shop\n",
};

export function shopWorld(): World {
  const world = new World();
  world.addRepo({ owner: "acme", name: "shop", installationId: INSTALLATION });
  world.commit("acme/shop", { files: SHOP_FILES, message: "Initial", author: { name: "Maya", email: "maya@acme.test", login: "maya-l" }, at: AT });
  world.addRepo({ owner: "acme", name: "other", installationId: 77 });
  world.commit("acme/other", { files: SHOP_FILES, message: "Initial", author: { name: "Maya", email: "maya@acme.test" }, at: AT });
  return world;
}

export function appKey(): string {
  return generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

/** Pushes a commit to the PR's branch (created from main) and opens or updates the PR. */
export function pushToPull(
  world: World,
  fullName: string,
  number: number,
  files: Record<string, string | null>,
  message = "Change",
): { headSha: string; baseSha: string; repo: WorldRepo } {
  const repo = world.repo(fullName);
  const branch = `pr-${number}`;
  const mainSha = repo.branches.get(repo.defaultBranch) ?? "";
  if (!repo.branches.has(branch)) repo.branches.set(branch, mainSha);
  const commit = world.commit(fullName, { files, message, author: { name: "Priya", email: "priya@acme.test", login: "praman" }, at: AT, branch });
  const main = repo.commits.get(mainSha);
  const changed: { filename: string; status: "added" | "modified" | "removed"; additions: number; deletions: number }[] = [];
  for (const path of new Set([...(main?.files.keys() ?? []), ...commit.files.keys()])) {
    const before = main?.files.get(path);
    const after = commit.files.get(path);
    if (before === after) continue;
    const status = before === undefined ? "added" : after === undefined ? "removed" : "modified";
    changed.push({ filename: path, status, additions: 1, deletions: 1 });
  }
  const existing = repo.pulls.find((p) => p.number === number);
  if (existing) {
    existing.headSha = commit.sha;
    existing.files = changed;
  } else {
    repo.pulls.push({
      number,
      title: `PR ${number}`,
      body: null,
      user: world.account("praman"),
      headSha: commit.sha,
      headRef: branch,
      baseRef: repo.defaultBranch,
      state: "open",
      mergedAt: null,
      mergedBy: null,
      mergeCommitSha: null,
      createdAt: AT,
      files: changed,
    });
  }
  return { headSha: commit.sha, baseSha: mainSha, repo };
}

type Example = { name: string; examples: Record<string, unknown>[] };

function example(event: string, action?: string): Record<string, unknown> {
  const found = (examples as unknown as Example[])
    .find((e) => e.name === event)
    ?.examples.find((e) => action === undefined || e.action === action);
  if (!found) throw new Error(`no example for ${event} ${action ?? ""}`);
  return structuredClone(found);
}

function repositoryJson(base: unknown, fullName: string) {
  const [owner = "", name = ""] = fullName.split("/");
  const repo = structuredClone(base) as Record<string, unknown>;
  return { ...repo, name, full_name: fullName, default_branch: "main", owner: { ...(repo.owner as object), login: owner } };
}

export function pullRequestPayload(input: {
  action: "opened" | "synchronize" | "reopened" | "ready_for_review";
  fullName: string;
  number: number;
  headSha: string;
  baseSha: string;
  headRepository?: string;
  installationId?: number;
}): Record<string, unknown> {
  const payload = example("pull_request", "opened");
  const pull = payload.pull_request as Record<string, unknown>;
  const head = pull.head as Record<string, unknown>;
  const base = pull.base as Record<string, unknown>;
  const repository = repositoryJson(payload.repository, input.fullName);
  return {
    ...payload,
    action: input.action,
    number: input.number,
    installation: { id: input.installationId ?? INSTALLATION, node_id: "MDIz" },
    repository,
    pull_request: {
      ...pull,
      number: input.number,
      state: "open",
      draft: false,
      title: `PR ${input.number}`,
      head: {
        ...head,
        ref: `pr-${input.number}`,
        sha: input.headSha,
        repo: repositoryJson(head.repo, input.headRepository ?? input.fullName),
      },
      base: { ...base, ref: "main", sha: input.baseSha, repo: repository },
    },
  };
}

export function installationRepositoriesPayload(input: {
  action: "added" | "removed";
  installationId: number;
  repositories: string[];
}): Record<string, unknown> {
  const payload = example("installation_repositories", input.action);
  const entries = input.repositories.map((fullName, i) => ({ id: 9000 + i, full_name: fullName, name: fullName.split("/")[1], private: false }));
  return {
    ...payload,
    installation: { ...(payload.installation as object), id: input.installationId },
    repositories_added: input.action === "added" ? entries : [],
    repositories_removed: input.action === "removed" ? entries : [],
  };
}

let counter = 0;

/** A delivery as GitHub sends it: raw JSON body, its HMAC, event and a fresh delivery id. */
export async function signedRequest(
  url: string,
  event: string,
  payload: unknown,
  options: { secret?: string; delivery?: string } = {},
): Promise<Request> {
  const body = JSON.stringify(payload);
  counter += 1;
  return new Request(url, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": options.delivery ?? `d-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`,
      "x-hub-signature-256": await sign(options.secret ?? SECRET, body),
    },
  });
}
