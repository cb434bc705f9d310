import { patchLines } from "../lib/bot/patch-lines";
import { unifiedDiff } from "../lib/parity/fixes/index";
import { notFound, type RestAnswer, type RestRequest } from "./rest-common";
import { pullJson, reviewCommentJson, reviewJson } from "./shapes";
import type { World, WorldPull, WorldRepo, WorldReviewComment } from "./world";

/**
 * A pull request's REST routes: the PR, its files with their `patch` (the diff's hunks between
 * the base branch and the head, as GitHub sends them), its review comments, and reviews with line
 * comments. Like GitHub, a review comment must sit on a line the diff shows on its side (422).
 */

function text(world: World, sha: string | undefined): string | null {
  const bytes = sha ? world.blobs.get(sha) : undefined;
  if (!bytes || bytes.includes(0)) return null;
  return bytes.toString("utf8");
}

/** GitHub's `patch`: the unified diff's hunks, without the `---`/`+++` lines or a final newline. */
export function filePatch(world: World, repo: WorldRepo, pull: WorldPull, filename: string): string | undefined {
  const head = repo.commits.get(pull.headSha);
  const tip = world.resolveCommit(repo, pull.baseRef);
  // A merged PR's head is its branch's tip: its diff is against the parent.
  const base = tip && tip.sha !== head?.sha ? tip : repo.commits.get(head?.parents[0] ?? "");
  const before = text(world, base?.files.get(filename));
  const after = text(world, head?.files.get(filename));
  if (before === null && after === null) return undefined;
  const diff = unifiedDiff(filename, before, after ?? "");
  if (diff === "") return undefined;
  return diff.split("\n").slice(2).join("\n").replace(/\n$/, "");
}

export function routePull(world: World, repo: WorldRepo, rest: string[], req: RestRequest): RestAnswer {
  const [, number, sub] = rest;
  const pull = repo.pulls.find((p) => p.number === Number(number));
  if (!pull) return notFound;
  if (req.method === "POST" && sub === "reviews") return createReview(world, repo, pull, req);
  if (req.method !== "GET") return notFound;
  if (sub === undefined) return { status: 200, body: pullJson(req.api, repo, pull) };
  if (sub === "comments") {
    const list = repo.reviewComments
      .filter((c) => c.pullNumber === pull.number)
      .map((c) => reviewCommentJson(req.api, repo, c));
    return { status: 200, body: null, list };
  }
  if (sub !== "files") return notFound;
  const list = pull.files.map((f) => {
    const patch = filePatch(world, repo, pull, f.filename);
    return {
      sha: pull.headSha,
      filename: f.filename,
      status: f.status,
      additions: f.additions,
      deletions: f.deletions,
      changes: f.additions + f.deletions,
      blob_url: `https://github.com/${repo.fullName}/blob/${pull.headSha}/${f.filename}`,
      raw_url: `https://github.com/${repo.fullName}/raw/${pull.headSha}/${f.filename}`,
      contents_url: `${req.api}/repos/${repo.fullName}/contents/${f.filename}?ref=${pull.headSha}`,
      ...(patch === undefined ? {} : { patch }),
    };
  });
  return { status: 200, body: null, list };
}

const EVENTS = { COMMENT: "COMMENTED", APPROVE: "APPROVED", REQUEST_CHANGES: "CHANGES_REQUESTED" } as const;

function unprocessable(message: string): RestAnswer {
  return { status: 422, body: { message: "Unprocessable Entity", errors: [message], status: "422" } };
}

interface CommentInput {
  path?: unknown;
  body?: unknown;
  line?: unknown;
  side?: unknown;
  start_line?: unknown;
  start_side?: unknown;
}

function createReview(world: World, repo: WorldRepo, pull: WorldPull, req: RestRequest): RestAnswer {
  if (!req.authenticated) return { status: 401, body: { message: "Requires authentication" } };
  const event = req.body.event === undefined ? undefined : String(req.body.event);
  if (event !== undefined && !(event in EVENTS)) return unprocessable(`Unknown event ${event}`);
  const body = String(req.body.body ?? "");
  if (event === "REQUEST_CHANGES" && body === "") return unprocessable("Body is required for REQUEST_CHANGES");
  const inputs = (Array.isArray(req.body.comments) ? req.body.comments : []) as CommentInput[];
  const commitId = typeof req.body.commit_id === "string" ? req.body.commit_id : pull.headSha;
  const bot = world.account("parity-double[bot]");
  const at = new Date().toISOString();
  const review = {
    id: world.id(),
    pullNumber: pull.number,
    body,
    state: event === undefined ? ("PENDING" as const) : EVENTS[event as keyof typeof EVENTS],
    commitId,
    user: bot,
    submittedAt: at,
  };
  const comments: WorldReviewComment[] = [];
  for (const input of inputs) {
    const path = typeof input.path === "string" ? input.path : "";
    const line = Number(input.line);
    const startLine = input.start_line === undefined ? null : Number(input.start_line);
    const side = input.side === "LEFT" ? "LEFT" : "RIGHT";
    if (!pull.files.some((f) => f.filename === path)) return unprocessable("Path could not be resolved");
    if (typeof input.body !== "string") return unprocessable("Body is required for a review comment");
    if (!Number.isInteger(line)) return unprocessable("Line is required (position is closing down)");
    if (startLine !== null && !(Number.isInteger(startLine) && startLine < line)) {
      return unprocessable("start_line must precede line");
    }
    const patch = filePatch(world, repo, pull, path);
    const shown = patchLines(patch).right;
    for (let l = startLine ?? line; l <= line; l += 1) {
      if (side !== "RIGHT" || !shown.has(l)) return unprocessable("Line could not be resolved");
    }
    comments.push({
      id: world.id(),
      reviewId: review.id,
      pullNumber: pull.number,
      path,
      line,
      startLine,
      side,
      body: input.body,
      commitId,
      diffHunk: patch ?? "",
      user: bot,
      createdAt: at,
    });
  }
  repo.reviews.push(review);
  repo.reviewComments.push(...comments);
  return { status: 200, body: reviewJson(req.api, repo, review) };
}
