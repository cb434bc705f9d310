import { notFound, type RestAnswer, type RestRequest } from "./rest-common";
import { pullJson } from "./shapes-pulls";
import type { World, WorldRepo } from "./world";

/**
 * Branches and new pull requests, as a GitHub App opens a PR that adds a file: read the base
 * branch's ref, create a branch (`POST git/refs`), commit the file on it (`PUT contents`, in
 * rest-contents.ts) and open the pull request (`POST pulls`). Writes need a token.
 */

function refJson(req: RestRequest, repo: WorldRepo, branch: string, sha: string) {
  const url = `${req.api}/repos/${repo.fullName}/git/refs/heads/${branch}`;
  return {
    ref: `refs/heads/${branch}`,
    node_id: Buffer.from(`Ref:${repo.id}:${branch}`).toString("base64"),
    url,
    object: { type: "commit", sha, url: `${req.api}/repos/${repo.fullName}/git/commits/${sha}` },
  };
}

/** `GET git/ref/heads/{branch}` and `POST git/refs`. `rest` is the path after `git`. */
export function gitRefs(world: World, repo: WorldRepo, rest: string[], req: RestRequest): RestAnswer {
  const [kind, ...tail] = rest;
  if (req.method === "GET" && kind === "ref") {
    const ref = tail.map(decodeURIComponent).join("/");
    if (!ref.startsWith("heads/")) return notFound;
    const branch = ref.slice("heads/".length);
    const sha = repo.branches.get(branch);
    return sha ? { status: 200, body: refJson(req, repo, branch, sha) } : notFound;
  }
  if (req.method === "POST" && kind === "refs" && tail.length === 0) {
    if (!req.authenticated) return { status: 401, body: { message: "Requires authentication" } };
    const { ref, sha } = req.body;
    if (typeof ref !== "string" || !ref.startsWith("refs/heads/") || typeof sha !== "string") {
      return { status: 422, body: { message: "Invalid request: ref (refs/heads/…) and sha are required." } };
    }
    const branch = ref.slice("refs/heads/".length);
    if (repo.branches.has(branch)) return { status: 422, body: { message: "Reference already exists" } };
    if (!repo.commits.has(sha)) return { status: 422, body: { message: "Object does not exist" } };
    world.branch(repo, branch, sha);
    return { status: 201, body: refJson(req, repo, branch, sha) };
  }
  return notFound;
}

/** `POST pulls`: an open pull request from `head` into `base`, both branches of this repository. */
export function createPull(world: World, repo: WorldRepo, req: RestRequest): RestAnswer {
  if (!req.authenticated) return { status: 401, body: { message: "Requires authentication" } };
  const { title, head, base, body } = req.body;
  if (typeof title !== "string" || typeof head !== "string" || typeof base !== "string") {
    return { status: 422, body: { message: "Validation Failed", errors: ["title, head and base are required"] } };
  }
  const headSha = repo.branches.get(head);
  const baseSha = repo.branches.get(base);
  if (!headSha || !baseSha) return { status: 422, body: { message: "Validation Failed", errors: ["unknown branch"] } };
  const pull = world.openPull(repo, { title, head, base, body: typeof body === "string" ? body : null });
  return { status: 201, body: pullJson(req.api, repo, pull) };
}
