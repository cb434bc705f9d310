import { createHash } from "node:crypto";
import type { GitHubClient } from "../sources/github/index";
import { annotationBatches, CHECK_NAME, type CheckOutput } from "./check-run";
import { COMMENT_MARKER } from "./comment";

/**
 * The bot's writes to GitHub: the check run (annotations in batches of 50: one create, then one
 * update per further batch) and the sticky comment (created once, edited only when its text
 * changes). Each function returns how many requests it made, for the audit's record.
 */

export interface RepoRef {
  owner: string;
  repo: string;
}

export async function publishCheckRun(
  client: GitHubClient,
  ref: RepoRef & { headSha: string },
  output: CheckOutput,
): Promise<{ id: number; url: string; requests: number }> {
  const [first = [], ...rest] = annotationBatches(output.annotations);
  const text = { title: output.title, summary: output.summary };
  const created = await client.request("POST /repos/{owner}/{repo}/check-runs", {
    owner: ref.owner,
    repo: ref.repo,
    name: CHECK_NAME,
    head_sha: ref.headSha,
    status: "completed",
    conclusion: output.conclusion,
    output: { ...text, annotations: first },
  });
  // Annotations of later updates are appended by GitHub, not replaced.
  for (const batch of rest) {
    await client.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      owner: ref.owner,
      repo: ref.repo,
      check_run_id: created.data.id,
      output: { ...text, annotations: batch },
    });
  }
  return { id: Number(created.data.id), url: created.data.html_url ?? "", requests: 1 + rest.length };
}

export function bodyHash(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}

export type CommentMode = "always" | "changes" | "never";

export interface StickyInput extends RepoRef {
  number: number;
  body: string;
  mode: CommentMode;
  /** Does this PR change parity? With `changes`, a PR that does not gets no new comment. */
  changes: boolean;
  /** What we know from earlier runs; `undefined` means nothing (then the PR's comments are read). */
  known?: { commentId: number | null; hash: string | null };
}

export interface StickyResult {
  action: "created" | "updated" | "unchanged" | "skipped";
  commentId: number | null;
  hash: string | null;
  requests: number;
}

interface IssueComment {
  id: number;
  body?: string;
  user: { type?: string } | null;
}

/** Our comment among the PR's, by marker; a human quoting the marker is not us (bots only). */
async function findSticky(
  client: GitHubClient,
  input: StickyInput,
): Promise<{ comment: IssueComment | null; requests: number }> {
  let requests = 0;
  for await (const page of client.paginate.iterator("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: input.owner,
    repo: input.repo,
    issue_number: input.number,
    per_page: 100,
  })) {
    requests += 1;
    const found = (page.data as IssueComment[]).find((c) => c.body?.includes(COMMENT_MARKER) && c.user?.type === "Bot");
    if (found) return { comment: found, requests };
  }
  return { comment: null, requests };
}

export async function upsertSticky(client: GitHubClient, input: StickyInput): Promise<StickyResult> {
  const hash = bodyHash(input.body);
  let requests = 0;
  let commentId = input.known?.commentId ?? null;
  let currentHash = input.known?.hash ?? null;
  if (input.known === undefined) {
    const found = await findSticky(client, input);
    requests += found.requests;
    commentId = found.comment?.id ?? null;
    currentHash = found.comment?.body !== undefined ? bodyHash(found.comment.body) : null;
  }
  if (input.mode === "never") return { action: "skipped", commentId, hash: currentHash, requests };
  if (commentId !== null) {
    if (currentHash === hash) return { action: "unchanged", commentId, hash, requests };
    try {
      requests += 1;
      await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
        owner: input.owner,
        repo: input.repo,
        comment_id: commentId,
        body: input.body,
      });
      return { action: "updated", commentId, hash, requests };
    } catch (error) {
      // Someone deleted our comment: fall through and post a new one.
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }
  if (input.mode === "changes" && !input.changes) return { action: "skipped", commentId: null, hash: null, requests };
  requests += 1;
  const created = await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: input.owner,
    repo: input.repo,
    issue_number: input.number,
    body: input.body,
  });
  return { action: "created", commentId: Number(created.data.id), hash, requests };
}
