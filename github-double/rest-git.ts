import { notFound, type RestAnswer, type RestRequest } from "./rest-common";
import { HTML, nodeId } from "./shapes-account";
import { gitBlobSha, treeShaOf, type World, type WorldCommit, type WorldRepo } from "./world";

/**
 * GitHub's Git Data API, as Parity uses it to put a fix into one commit: blobs, a tree on a base
 * tree, a commit from the tree, and moving a branch to it (`PATCH git/refs`). Writes need a token;
 * an unknown base tree, parent or tree is a 422, as on GitHub.
 */

function unprocessable(message: string): RestAnswer {
  return { status: 422, body: { message, documentation_url: "https://docs.github.com/rest/git", status: "422" } };
}

const unauthenticated: RestAnswer = { status: 401, body: { message: "Requires authentication" } };

/** The files of a tree sha: one made through `POST git/trees`, or a commit's own. */
function treeFiles(world: World, repo: WorldRepo, sha: string): Map<string, string> | undefined {
  const made = world.trees.get(sha);
  if (made) return made;
  for (const commit of repo.commits.values()) if (commit.treeSha === sha) return commit.files;
  return undefined;
}

export function gitCommitJson(api: string, repo: WorldRepo, commit: WorldCommit) {
  const url = `${api}/repos/${repo.fullName}/git/commits/${commit.sha}`;
  const author = { name: commit.author.name, email: commit.author.email, date: commit.authoredAt };
  return {
    sha: commit.sha,
    node_id: nodeId("Commit", commit.sha),
    url,
    html_url: `${HTML}/${repo.fullName}/commit/${commit.sha}`,
    author,
    committer: { ...author, date: commit.committedAt },
    message: commit.message,
    tree: { sha: commit.treeSha, url: `${api}/repos/${repo.fullName}/git/trees/${commit.treeSha}` },
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/repos/${repo.fullName}/git/commits/${sha}`,
      html_url: `${HTML}/${repo.fullName}/commit/${sha}`,
    })),
    verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
  };
}

function createBlob(world: World, repo: WorldRepo, req: RestRequest): RestAnswer {
  const { content, encoding = "utf-8" } = req.body;
  if (typeof content !== "string" || (encoding !== "utf-8" && encoding !== "base64")) {
    return unprocessable('Invalid request: "content" is required, "encoding" is utf-8 or base64.');
  }
  const bytes = Buffer.from(content, encoding === "base64" ? "base64" : "utf8");
  const sha = gitBlobSha(bytes);
  world.blobs.set(sha, bytes);
  repo.createdBlobs.add(sha);
  return { status: 201, body: { url: `${req.api}/repos/${repo.fullName}/git/blobs/${sha}`, sha } };
}

interface TreeEntryInput {
  path?: unknown;
  mode?: unknown;
  type?: unknown;
  sha?: unknown;
  content?: unknown;
}

function createTree(world: World, repo: WorldRepo, req: RestRequest): RestAnswer {
  const { base_tree: baseTree, tree } = req.body;
  if (!Array.isArray(tree)) return unprocessable('Invalid request: "tree" is required.');
  const files = new Map<string, string>();
  if (typeof baseTree === "string") {
    const base = treeFiles(world, repo, baseTree);
    if (!base) return unprocessable("base_tree is not a valid tree oid");
    for (const [path, sha] of base) files.set(path, sha);
  }
  for (const entry of tree as TreeEntryInput[]) {
    if (typeof entry.path !== "string" || entry.path === "" || entry.path.startsWith("/")) {
      return unprocessable("tree.path must be a relative path");
    }
    if (entry.type !== "blob" || !["100644", "100755"].includes(String(entry.mode))) {
      return unprocessable(`tree entry ${entry.path}: the double takes blobs (mode 100644 or 100755)`);
    }
    if (entry.sha === null) {
      files.delete(entry.path);
    } else if (typeof entry.content === "string") {
      const bytes = Buffer.from(entry.content, "utf8");
      const sha = gitBlobSha(bytes);
      world.blobs.set(sha, bytes);
      repo.createdBlobs.add(sha);
      files.set(entry.path, sha);
    } else if (typeof entry.sha === "string" && world.blobs.has(entry.sha)) {
      files.set(entry.path, entry.sha);
    } else {
      return unprocessable(`tree.sha ${String(entry.sha)} is not a valid blob`);
    }
  }
  const sha = treeShaOf(files);
  world.trees.set(sha, files);
  const entries = [...files.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, blob]) => ({
      path,
      mode: "100644",
      type: "blob",
      sha: blob,
      size: world.blobs.get(blob)?.length ?? 0,
      url: `${req.api}/repos/${repo.fullName}/git/blobs/${blob}`,
    }));
  return {
    status: 201,
    body: { sha, url: `${req.api}/repos/${repo.fullName}/git/trees/${sha}`, truncated: false, tree: entries },
  };
}

function createCommit(world: World, repo: WorldRepo, req: RestRequest): RestAnswer {
  const { message, tree, parents = [], author } = req.body;
  if (typeof message !== "string" || typeof tree !== "string" || !Array.isArray(parents)) {
    return unprocessable('Invalid request: "message" and "tree" are required.');
  }
  const files = treeFiles(world, repo, tree);
  if (!files) return unprocessable("Tree SHA does not exist");
  if (!parents.every((sha) => typeof sha === "string" && repo.commits.has(sha))) {
    return unprocessable("Parent SHA does not exist or is not a commit object");
  }
  const given = (author ?? {}) as { name?: unknown; email?: unknown; date?: unknown };
  const bot = world.account("parity-double[bot]");
  const commit = world.createCommit(repo, {
    message,
    files: new Map(files),
    parents: parents as string[],
    author: {
      name: typeof given.name === "string" ? given.name : bot.login,
      email: typeof given.email === "string" ? given.email : `${bot.id}+${bot.login}@users.noreply.github.com`,
      login: typeof given.name === "string" ? null : bot.login,
      isBot: typeof given.name !== "string",
    },
    at: typeof given.date === "string" ? given.date : new Date().toISOString(),
  });
  return { status: 201, body: gitCommitJson(req.api, repo, commit) };
}

/** `PATCH git/refs/heads/{branch}`: a fast-forward, or any move with `force: true`. */
export function updateRef(world: World, repo: WorldRepo, ref: string, req: RestRequest): RestAnswer {
  if (!req.authenticated) return unauthenticated;
  if (!ref.startsWith("heads/")) return notFound;
  const branch = ref.slice("heads/".length);
  const current = repo.branches.get(branch);
  if (!current) return unprocessable("Reference does not exist");
  const { sha, force } = req.body;
  if (typeof sha !== "string" || !repo.commits.has(sha)) return unprocessable("Object does not exist");
  if (force !== true && !world.descends(repo, sha, current)) return unprocessable("Update is not a fast forward");
  world.moveBranch(repo, branch, sha);
  const url = `${req.api}/repos/${repo.fullName}/git/refs/heads/${branch}`;
  return {
    status: 200,
    body: {
      ref: `refs/heads/${branch}`,
      node_id: Buffer.from(`Ref:${repo.id}:${branch}`).toString("base64"),
      url,
      object: { type: "commit", sha, url: `${req.api}/repos/${repo.fullName}/git/commits/${sha}` },
    },
  };
}

/** `git/blobs`, `git/trees` (POST) and `git/commits` (GET, POST); `rest` is the path after `git`. */
export function gitData(world: World, repo: WorldRepo, rest: string[], req: RestRequest): RestAnswer {
  const [kind, sha] = rest;
  if (req.method === "GET" && kind === "commits" && sha) {
    const commit = repo.commits.get(sha);
    return commit ? { status: 200, body: gitCommitJson(req.api, repo, commit) } : notFound;
  }
  if (req.method !== "POST" || sha !== undefined) return notFound;
  if (!req.authenticated) return unauthenticated;
  if (kind === "blobs") return createBlob(world, repo, req);
  if (kind === "trees") return createTree(world, repo, req);
  if (kind === "commits") return createCommit(world, repo, req);
  return notFound;
}
