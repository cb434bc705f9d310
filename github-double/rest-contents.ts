import { notFound, type RestAnswer, type RestRequest } from "./rest-common";
import type { World, WorldRepo } from "./world";

/** `GET /repos/{owner}/{repo}/contents/{path}`: a file (base64, none over 1 MB) or a directory listing. */
export function getContents(world: World, repo: WorldRepo, path: string, req: RestRequest): RestAnswer {
  const commit = world.resolveCommit(repo, req.query.get("ref") ?? repo.defaultBranch);
  if (!commit) return notFound;
  const sha = commit.files.get(path);
  const base = `${req.api}/repos/${repo.fullName}/contents`;
  const html = `https://github.com/${repo.fullName}/blob/${repo.defaultBranch}`;
  if (sha) {
    const bytes = world.blobs.get(sha) ?? Buffer.alloc(0);
    // The contents API omits content over 1 MB (encoding "none"); the blobs API still serves it.
    const large = bytes.length > 1024 * 1024;
    return {
      status: 200,
      body: {
        type: "file",
        encoding: large ? "none" : "base64",
        size: bytes.length,
        name: path.split("/").at(-1) ?? path,
        path,
        content: large ? "" : bytes.toString("base64"),
        sha,
        url: `${base}/${path}`,
        git_url: `${req.api}/repos/${repo.fullName}/git/blobs/${sha}`,
        html_url: `${html}/${path}`,
        download_url: `https://raw.githubusercontent.com/${repo.fullName}/${repo.defaultBranch}/${path}`,
        _links: {
          self: `${base}/${path}`,
          git: `${req.api}/repos/${repo.fullName}/git/blobs/${sha}`,
          html: `${html}/${path}`,
        },
      },
    };
  }
  const prefix = path ? `${path}/` : "";
  const children = new Map<string, "file" | "dir">();
  for (const p of commit.files.keys()) {
    if (!p.startsWith(prefix)) continue;
    const [first, ...more] = p.slice(prefix.length).split("/");
    if (first) children.set(first, more.length ? "dir" : "file");
  }
  if (!children.size) return notFound;
  const list = [...children.entries()].sort().map(([child, type]) => {
    const full = `${prefix}${child}`;
    const childSha = commit.files.get(full) ?? "0".repeat(40);
    return {
      type,
      size: type === "file" ? (world.blobs.get(childSha)?.length ?? 0) : 0,
      name: child,
      path: full,
      sha: childSha,
      url: `${base}/${full}`,
      git_url: null,
      html_url: `${html}/${full}`,
      download_url: null,
      _links: { self: `${base}/${full}`, git: null, html: `${html}/${full}` },
    };
  });
  return { status: 200, body: list };
}

/**
 * `PUT /repos/{owner}/{repo}/contents/{path}` (create or update a file): commits the file on the
 * branch, as GitHub does. Demos and e2e tests use it to change a repository between audits.
 */
export function putContents(world: World, repo: WorldRepo, path: string, req: RestRequest): RestAnswer {
  const { message, content, branch } = req.body;
  if (typeof message !== "string" || typeof content !== "string" || !path) {
    return { status: 422, body: { message: "Invalid request: message and content are required." } };
  }
  const target = typeof branch === "string" ? branch : repo.defaultBranch;
  const head = world.resolveCommit(repo, target);
  const existed = head?.files.has(path) ?? false;
  const commit = world.commit(repo.fullName, {
    files: { [path]: Buffer.from(content, "base64") },
    message,
    author: { name: "Parity Demo", email: "demo@parity.invalid", login: null },
    at: new Date().toISOString(),
    branch: target,
  });
  const blobSha = commit.files.get(path) ?? "";
  return {
    status: existed ? 200 : 201,
    body: {
      content: {
        name: path.slice(path.lastIndexOf("/") + 1),
        path,
        sha: blobSha,
        type: "file",
        url: `${req.api}/repos/${repo.fullName}/contents/${path}`,
      },
      commit: { sha: commit.sha, message, parents: commit.parents.map((sha) => ({ sha })) },
    },
  };
}
