import type { GitHubClient } from "../sources/github/index";
import type { RepoRef } from "./publish";
import { markedFingerprints, reviewBody, type SuggestionComment } from "./suggestions";

/**
 * The bot's one-click fixes as one pull request review (event COMMENT) whose line comments carry
 * ```suggestion blocks (lib/bot/suggestions.ts). Idempotent without a table: each comment holds a
 * hidden marker with its finding's fingerprint, and a finding the bot already suggested on the PR
 * (any head) is not suggested again, so re-deliveries, re-runs and later pushes post no repeat.
 */

export interface ReviewResult {
  action: "posted" | "unchanged" | "none" | "rejected";
  /** Line comments posted. */
  suggestions: number;
  requests: number;
}

interface ReviewComment {
  body?: string;
  user: { type?: string } | null;
}

/** Fingerprints the bot has suggested on this PR before (its own comments only: Bot authors). */
async function suggestedBefore(
  client: GitHubClient,
  pull: RepoRef & { number: number },
): Promise<{ fingerprints: Set<string>; requests: number }> {
  const fingerprints = new Set<string>();
  let requests = 0;
  for await (const page of client.paginate.iterator("GET /repos/{owner}/{repo}/pulls/{pull_number}/comments", {
    owner: pull.owner,
    repo: pull.repo,
    pull_number: pull.number,
    per_page: 100,
  })) {
    requests += 1;
    for (const comment of page.data as ReviewComment[]) {
      if (comment.user?.type !== "Bot") continue;
      for (const fingerprint of markedFingerprints(comment.body)) fingerprints.add(fingerprint);
    }
  }
  return { fingerprints, requests };
}

/**
 * Posts the suggestions not yet on the PR as one review on `headSha`. `candidates` come from
 * `suggestionComments`; with none there is no request at all (the bot's quiet rules).
 */
export async function publishSuggestions(
  client: GitHubClient,
  pull: RepoRef & { number: number; headSha: string },
  candidates: readonly SuggestionComment[],
): Promise<ReviewResult> {
  if (candidates.length === 0) return { action: "none", suggestions: 0, requests: 0 };
  const before = await suggestedBefore(client, pull);
  const fresh = candidates.filter((comment) => !before.fingerprints.has(comment.fingerprint));
  if (fresh.length === 0) return { action: "unchanged", suggestions: 0, requests: before.requests };
  try {
    await client.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
      owner: pull.owner,
      repo: pull.repo,
      pull_number: pull.number,
      commit_id: pull.headSha,
      event: "COMMENT",
      body: reviewBody(fresh),
      comments: fresh.map((comment) => ({
        path: comment.path,
        line: comment.line,
        side: "RIGHT",
        ...(comment.startLine === undefined ? {} : { start_line: comment.startLine, start_side: "RIGHT" }),
        body: comment.body,
      })),
    });
  } catch (error) {
    // The head moved on since it was read (its lines are no longer in the diff): the next
    // audit, of the new head, suggests again. Nothing else about the audit depends on this.
    if ((error as { status?: number }).status === 422) {
      return { action: "rejected", suggestions: 0, requests: before.requests + 1 };
    }
    throw error;
  }
  return { action: "posted", suggestions: fresh.length, requests: before.requests + 1 };
}
