import { createHash } from "node:crypto";
import { createPull, gitRefs } from "./rest-branches";
import { notFound, type RestAnswer, type RestRequest } from "./rest-common";
import { getContents, putContents } from "./rest-contents";
import { gitData, updateRef } from "./rest-git";
import { routePull } from "./rest-pulls";
import { listPulls, mergePull, updatePull } from "./rest-pulls-manage";
import {
  checkRunJson,
  commentJson,
  commitJson,
  deploymentJson,
  deploymentStatusJson,
  releaseJson,
  repoJson,
  runJson,
  tagJson,
} from "./shapes";
import type { World, WorldCommit, WorldRepo } from "./world";

export type { RestAnswer, RestRequest } from "./rest-common";

function nowIso(): string {
  return new Date().toISOString();
}

export function routeRest(world: World, req: RestRequest): RestAnswer {
  const [head, owner, name, ...rest] = req.segments;
  if (req.method === "GET" && head === "installation" && owner === "repositories") {
    const repos = [...world.repos.values()].filter(
      (r) => req.installationId !== null && r.installationId === req.installationId,
    );
    return { status: 200, body: { total_count: repos.length, repositories: repos.map((r) => repoJson(req.api, r)) } };
  }
  if (req.method === "POST" && head === "app" && owner === "installations" && rest[0] === "access_tokens") {
    const id = Number(name);
    return {
      status: 201,
      body: {
        token: `ghs_double${id}x${Math.random().toString(36).slice(2, 12)}`,
        expires_at: new Date(Date.now() + 3600_000).toISOString(),
        permissions: { contents: "write", pull_requests: "write", checks: "write", metadata: "read" },
        repository_selection: "selected",
      },
    };
  }
  if (head !== "repos" || !owner || !name) return notFound;
  const repo = world.findRepo(owner, name);
  if (!repo || (repo.private && !req.authenticated)) return notFound;
  return routeRepo(world, repo, rest, req);
}

function routeRepo(world: World, repo: WorldRepo, rest: string[], req: RestRequest): RestAnswer {
  const api = req.api;
  const [a, b, c, d] = rest;
  const get = req.method === "GET";
  if (get && a === undefined) return { status: 200, body: repoJson(api, repo) };
  if (get && a === "git" && b === "trees" && c) return tree(world, repo, decodeURIComponent(c), req);
  if (get && a === "git" && b === "blobs" && c) {
    const bytes = world.blobs.get(c);
    const owned =
      repo.createdBlobs.has(c) || [...repo.commits.values()].some((commit) => [...commit.files.values()].includes(c));
    if (!bytes || !owned) return notFound;
    return {
      status: 200,
      body: {
        sha: c,
        node_id: Buffer.from(`Blob:${c}`).toString("base64"),
        size: bytes.length,
        url: `${api}/repos/${repo.fullName}/git/blobs/${c}`,
        content: bytes.toString("base64").replace(/(.{60})/g, "$1\n"),
        encoding: "base64",
      },
    };
  }
  if (get && a === "contents") return getContents(world, repo, rest.slice(1).map(decodeURIComponent).join("/"), req);
  if (req.method === "PUT" && a === "contents") {
    return putContents(world, repo, rest.slice(1).map(decodeURIComponent).join("/"), req);
  }
  if (get && a === "commits" && b === undefined) {
    const from = world.resolveCommit(repo, req.query.get("sha") ?? repo.defaultBranch);
    if (!from) return notFound;
    const since = Date.parse(req.query.get("since") ?? "") || Number.NEGATIVE_INFINITY;
    const until = Date.parse(req.query.get("until") ?? "") || Number.POSITIVE_INFINITY;
    const path = req.query.get("path");
    const list = world
      .history(repo, from.sha)
      .filter((h) => Date.parse(h.committedAt) >= since && Date.parse(h.committedAt) <= until)
      .filter((h) => !path || h.changed.some((p) => p === path || p.startsWith(`${path}/`)))
      .map((h) => commitJson(api, repo, h, h.author.login ? world.account(h.author.login) : null));
    return { status: 200, body: null, list };
  }
  if (get && a === "deployments" && b === undefined) {
    const env = req.query.get("environment");
    const sha = req.query.get("sha");
    const list = [...repo.deployments]
      .filter((dep) => (!env || dep.environment === env) && (!sha || dep.sha === sha))
      .sort((x, y) => Date.parse(y.createdAt) - Date.parse(x.createdAt) || y.id - x.id)
      .map((dep) => deploymentJson(api, repo, dep));
    return { status: 200, body: null, list };
  }
  if (get && a === "deployments" && b && c === "statuses") {
    const dep = repo.deployments.find((x) => x.id === Number(b));
    if (!dep) return notFound;
    const list = dep.statuses.map((_, i) => deploymentStatusJson(api, repo, dep, i)).reverse();
    return { status: 200, body: null, list };
  }
  if (get && a === "actions" && b === "runs" && c === undefined) return runs(repo, req);
  if (get && a === "releases" && b === undefined) {
    const list = [...repo.releases]
      .filter((r) => req.authenticated || !r.draft)
      .sort((x, y) => Date.parse(y.createdAt) - Date.parse(x.createdAt))
      .map((r) => releaseJson(api, repo, r));
    return { status: 200, body: null, list };
  }
  if (get && a === "tags" && b === undefined) {
    const list = [...repo.tags.entries()]
      .sort(([x], [y]) => (x < y ? 1 : -1))
      .map(([tag, sha]) => tagJson(api, repo, tag, sha));
    return { status: 200, body: null, list };
  }
  if (a === "git" && b === "refs" && req.method === "PATCH") {
    return updateRef(world, repo, rest.slice(2).map(decodeURIComponent).join("/"), req);
  }
  if (a === "git" && (b === "ref" || b === "refs")) return gitRefs(world, repo, rest.slice(1), req);
  if (a === "git" && (b === "blobs" || b === "trees" || b === "commits"))
    return gitData(world, repo, rest.slice(1), req);
  if (a === "pulls" && b === undefined && req.method === "POST") return createPull(world, repo, req);
  if (a === "pulls" && b === undefined && get) return listPulls(repo, req);
  if (a === "pulls" && b && c === undefined && req.method === "PATCH") return updatePull(repo, Number(b), req);
  if (a === "pulls" && b && c === "merge" && req.method === "PUT") return mergePull(world, repo, Number(b), req);
  if (a === "pulls" && b) return routePull(world, repo, rest, req);
  if (a === "issues") return comments(world, repo, rest, req);
  if (a === "check-runs") return checkRuns(world, repo, b, req);
  void d;
  return notFound;
}

function directories(files: Iterable<string>): Set<string> {
  const dirs = new Set<string>();
  for (const path of files) {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i += 1) dirs.add(parts.slice(0, i).join("/"));
  }
  return dirs;
}

function subtreeSha(treeSha: string, dir: string): string {
  return createHash("sha1").update(`${treeSha}:${dir}`).digest("hex");
}

/** A commit's root tree by ref, or a subdirectory's tree by its sha. */
function findTree(world: World, repo: WorldRepo, ref: string): { commit: WorldCommit; dir: string } | undefined {
  const commit = world.resolveCommit(repo, ref);
  if (commit) return { commit, dir: "" };
  for (const candidate of repo.commits.values()) {
    for (const dir of directories(candidate.files.keys())) {
      if (subtreeSha(candidate.treeSha, dir) === ref) return { commit: candidate, dir };
    }
  }
  return undefined;
}

function tree(world: World, repo: WorldRepo, ref: string, req: RestRequest): RestAnswer {
  const found = findTree(world, repo, ref);
  if (!found) return notFound;
  const { commit, dir: base } = found;
  const prefix = base ? `${base}/` : "";
  const recursive = req.query.has("recursive");
  const inside = (path: string) => path.startsWith(prefix) && (recursive || !path.slice(prefix.length).includes("/"));
  const entries: Record<string, unknown>[] = [];
  for (const dir of directories(commit.files.keys())) {
    if (!inside(dir)) continue;
    const sha = subtreeSha(commit.treeSha, dir);
    const path = dir.slice(prefix.length);
    entries.push({
      path,
      mode: "040000",
      type: "tree",
      sha,
      url: `${req.api}/repos/${repo.fullName}/git/trees/${sha}`,
    });
  }
  for (const [full, sha] of commit.files) {
    if (!inside(full)) continue;
    const size = world.blobs.get(sha)?.length ?? 0;
    const path = full.slice(prefix.length);
    entries.push({
      path,
      mode: "100644",
      type: "blob",
      sha,
      size,
      url: `${req.api}/repos/${repo.fullName}/git/blobs/${sha}`,
    });
  }
  entries.sort((x, y) => (String(x.path) < String(y.path) ? -1 : 1));
  const max = req.maxTreeEntries;
  const truncated = max !== null && entries.length > max;
  const sha = base ? subtreeSha(commit.treeSha, base) : commit.treeSha;
  return {
    status: 200,
    body: {
      sha,
      url: `${req.api}/repos/${repo.fullName}/git/trees/${sha}`,
      tree: truncated ? entries.slice(0, max) : entries,
      truncated,
    },
  };
}

function runs(repo: WorldRepo, req: RestRequest): RestAnswer {
  const branch = req.query.get("branch");
  const status = req.query.get("status");
  const event = req.query.get("event");
  const matching = [...repo.runs]
    .filter((r) => !branch || r.branch === branch)
    .filter((r) => !event || r.event === event)
    .filter((r) => !status || r.status === status || r.conclusion === status)
    .sort((x, y) => Date.parse(y.createdAt) - Date.parse(x.createdAt));
  const perPage = Math.min(Number(req.query.get("per_page") ?? 30) || 30, 100);
  const page = Math.max(Number(req.query.get("page") ?? 1) || 1, 1);
  const slice = matching.slice((page - 1) * perPage, page * perPage);
  return {
    status: 200,
    body: {
      total_count: matching.length,
      workflow_runs: slice.map((r) => runJson(req.api, repo, r, repo.commits.get(r.sha))),
    },
  };
}

function comments(world: World, repo: WorldRepo, rest: string[], req: RestRequest): RestAnswer {
  const [, first, second] = rest;
  const bot = world.account("parity-double[bot]");
  if (first === "comments" && second && req.method === "PATCH") {
    const comment = repo.comments.find((c) => c.id === Number(second));
    if (!comment) return notFound;
    comment.body = String(req.body.body ?? "");
    comment.updatedAt = nowIso();
    return { status: 200, body: commentJson(req.api, repo, comment) };
  }
  const issueNumber = Number(first);
  if (!Number.isInteger(issueNumber) || second !== "comments") return notFound;
  if (req.method === "GET") {
    const list = repo.comments.filter((c) => c.issueNumber === issueNumber).map((c) => commentJson(req.api, repo, c));
    return { status: 200, body: null, list };
  }
  if (req.method !== "POST") return notFound;
  if (!req.authenticated) return { status: 401, body: { message: "Requires authentication" } };
  const at = nowIso();
  const comment = {
    id: world.id(),
    issueNumber,
    body: String(req.body.body ?? ""),
    user: bot,
    createdAt: at,
    updatedAt: at,
  };
  repo.comments.push(comment);
  return { status: 201, body: commentJson(req.api, repo, comment) };
}

function checkRuns(world: World, repo: WorldRepo, id: string | undefined, req: RestRequest): RestAnswer {
  const app = world.account("parity-double[bot]");
  if (!req.authenticated) return { status: 401, body: { message: "Requires authentication" } };
  const output = req.body.output;
  // GitHub takes at most 50 annotations per request.
  const annotations = (output as { annotations?: unknown[] } | undefined)?.annotations;
  if (Array.isArray(annotations) && annotations.length > 50) {
    return {
      status: 422,
      body: { message: "Validation Failed", errors: ["Only 50 annotations are allowed per request"] },
    };
  }
  if (req.method === "POST" && id === undefined) {
    const run = {
      id: world.id(),
      name: String(req.body.name ?? "Parity"),
      headSha: String(req.body.head_sha ?? ""),
      status: String(req.body.status ?? "queued"),
      conclusion: (req.body.conclusion as string | undefined) ?? null,
      output: output ?? null,
      startedAt: nowIso(),
      completedAt: req.body.conclusion ? nowIso() : null,
    };
    repo.checkRuns.push(run);
    return { status: 201, body: checkRunJson(req.api, repo, run, app) };
  }
  const run = repo.checkRuns.find((r) => r.id === Number(id));
  if (!run || req.method !== "PATCH") return notFound;
  if (req.body.status) run.status = String(req.body.status);
  if (req.body.conclusion) {
    run.conclusion = String(req.body.conclusion);
    run.completedAt = nowIso();
  }
  if (output) run.output = output;
  return { status: 200, body: checkRunJson(req.api, repo, run, app) };
}
