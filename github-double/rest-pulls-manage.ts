import { notFound, type RestAnswer, type RestRequest } from "./rest-common";
import { pullJson } from "./shapes-pulls";
import type { World, WorldRepo } from "./world";

/**
 * Finding, updating and merging pull requests: `GET pulls?state&head&base` (how Parity finds the
 * pull request it opened before), `PATCH pulls/{n}` (a new title or body), and `PUT pulls/{n}/merge`
 * (the e2e merges a fix the way a person would on GitHub).
 */

export function listPulls(repo: WorldRepo, req: RestRequest): RestAnswer {
  const state = req.query.get("state") ?? "open";
  const head = req.query.get("head");
  const base = req.query.get("base");
  const list = [...repo.pulls]
    .filter((pull) => state === "all" || pull.state === state)
    // `head` is `owner:branch` (GitHub ignores a head that names another owner's branch as no match).
    .filter((pull) => !head || head.toLowerCase() === `${repo.owner.login}:${pull.headRef}`.toLowerCase())
    .filter((pull) => !base || pull.baseRef === base)
    .sort((a, b) => b.number - a.number)
    .map((pull) => pullJson(req.api, repo, pull));
  return { status: 200, body: null, list };
}

export function updatePull(repo: WorldRepo, number: number, req: RestRequest): RestAnswer {
  if (!req.authenticated) return { status: 401, body: { message: "Requires authentication" } };
  const pull = repo.pulls.find((item) => item.number === number);
  if (!pull) return notFound;
  const { title, body, state } = req.body;
  if (typeof title === "string") pull.title = title;
  if (typeof body === "string" || body === null) pull.body = body;
  if ((state === "open" || state === "closed") && pull.mergedAt === null) pull.state = state;
  return { status: 200, body: pullJson(req.api, repo, pull) };
}

export function mergePull(world: World, repo: WorldRepo, number: number, req: RestRequest): RestAnswer {
  if (!req.authenticated) return { status: 401, body: { message: "Requires authentication" } };
  const pull = repo.pulls.find((item) => item.number === number);
  if (!pull) return notFound;
  if (pull.state !== "open") return { status: 405, body: { message: "Pull Request is not mergeable" } };
  const { sha, commit_title: title } = req.body;
  if (typeof sha === "string" && sha !== pull.headSha) {
    return { status: 409, body: { message: "Head branch was modified. Review and try the merge again." } };
  }
  const commit = world.merge(repo, pull, {
    by: repo.owner.login,
    ...(typeof title === "string" ? { title } : {}),
  });
  return { status: 200, body: { sha: commit.sha, merged: true, message: "Pull Request successfully merged" } };
}
