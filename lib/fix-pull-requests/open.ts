/**
 * Opens (or updates) the pull request that carries a set of proven fixes, through GitHub's Git
 * Data API, so every file changes in one commit: read the default branch, read the files the edits
 * touch at its tip, apply the edits (each checks the text it replaces: a file that changed since
 * the audit refuses rather than being written in the wrong place), then blobs, one tree, one
 * commit, the branch, and the pull request.
 *
 * Idempotent: the branch name is fixed per selection (describe.ts), the branch is moved to the new
 * commit (left alone when it already holds the same change on the same base), and an open pull
 * request from it is updated, never opened twice.
 */
import { applyEdits, combinePlans, type OfferedFix, StaleEditError } from "../parity/fixes/index";
import type { GitHubClient } from "../sources/github/client";

export interface FixPullRequestInput {
  fixes: readonly OfferedFix[];
  branch: string;
  title: string;
  body: string;
}

export interface FixPullRequest {
  url: string;
  number: number;
  branch: string;
  /** True when an open pull request from the branch existed and was updated. */
  updated: boolean;
  /** The files the commit changes. */
  files: string[];
}

/** The default branch no longer holds what the audit read: a new audit makes fresh plans. */
export class FixOutdatedError extends Error {}

type Repo = { owner: string; repo: string };

function statusOf(error: unknown): number | undefined {
  return (error as { status?: number }).status;
}

async function fileAt(client: GitHubClient, repo: Repo, path: string, ref: string): Promise<string | null> {
  try {
    const { data } = await client.rest.repos.getContent({ ...repo, path, ref });
    if (Array.isArray(data) || data.type !== "file" || !("content" in data)) {
      throw new FixOutdatedError(`${path} is no longer a file on the default branch.`);
    }
    return Buffer.from(data.content, "base64").toString("utf8");
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

async function branchSha(client: GitHubClient, repo: Repo, branch: string): Promise<string | null> {
  try {
    const { data } = await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

/** The files at `base` with the fixes applied: only those that change, path -> new text. */
async function changedFiles(
  client: GitHubClient,
  repo: Repo,
  base: string,
  fixes: readonly OfferedFix[],
): Promise<Map<string, string>> {
  const { edits } = combinePlans(fixes);
  const paths = [...new Set(edits.map((edit) => edit.file))].sort();
  const current = new Map<string, string>();
  for (const path of paths) {
    const text = await fileAt(client, repo, path, base);
    if (text !== null) current.set(path, text);
  }
  let next: Map<string, string>;
  try {
    next = applyEdits(current, edits);
  } catch (error) {
    if (error instanceof StaleEditError) {
      throw new FixOutdatedError(`The default branch changed since the audit (${error.message}); audit again.`);
    }
    throw error;
  }
  const changed = new Map([...next].filter(([path, text]) => current.get(path) !== text));
  if (changed.size === 0) {
    throw new FixOutdatedError("The default branch already holds this change; audit again to see the finding go.");
  }
  return changed;
}

export async function openFixPullRequest(
  client: GitHubClient,
  target: { owner: string; name: string },
  input: FixPullRequestInput,
): Promise<FixPullRequest> {
  const repo = { owner: target.owner, repo: target.name };
  const { data: repository } = await client.rest.repos.get(repo);
  const base = repository.default_branch;
  const baseSha = await branchSha(client, repo, base);
  if (!baseSha) throw new FixOutdatedError(`The default branch ${base} has no commit.`);
  const changed = await changedFiles(client, repo, baseSha, input.fixes);
  const { data: baseCommit } = await client.rest.git.getCommit({ ...repo, commit_sha: baseSha });

  const tree = [];
  for (const [path, text] of changed) {
    const { data: blob } = await client.rest.git.createBlob({
      ...repo,
      content: Buffer.from(text, "utf8").toString("base64"),
      encoding: "base64",
    });
    tree.push({ path, mode: "100644" as const, type: "blob" as const, sha: blob.sha });
  }
  const { data: newTree } = await client.rest.git.createTree({ ...repo, base_tree: baseCommit.tree.sha, tree });

  const existing = await branchSha(client, repo, input.branch);
  const unchanged =
    existing !== null &&
    (await client.rest.git
      .getCommit({ ...repo, commit_sha: existing })
      .then(({ data }) => data.tree.sha === newTree.sha && data.parents[0]?.sha === baseSha));
  if (!unchanged) {
    const { data: commit } = await client.rest.git.createCommit({
      ...repo,
      message: input.title,
      tree: newTree.sha,
      parents: [baseSha],
    });
    if (existing === null) {
      await client.rest.git.createRef({ ...repo, ref: `refs/heads/${input.branch}`, sha: commit.sha });
    } else {
      // The branch is Parity's own: it is rebuilt on the current default branch, not merged into.
      await client.rest.git.updateRef({ ...repo, ref: `heads/${input.branch}`, sha: commit.sha, force: true });
    }
  }

  const { data: open } = await client.rest.pulls.list({
    ...repo,
    state: "open",
    head: `${repository.owner.login}:${input.branch}`,
    base,
    per_page: 1,
  });
  const files = [...changed.keys()];
  const [current] = open;
  if (current) {
    const { data: pull } = await client.rest.pulls.update({
      ...repo,
      pull_number: current.number,
      title: input.title,
      body: input.body,
    });
    return { url: pull.html_url, number: pull.number, branch: input.branch, updated: true, files };
  }
  const { data: pull } = await client.rest.pulls.create({
    ...repo,
    title: input.title,
    head: input.branch,
    base,
    body: input.body,
  });
  return { url: pull.html_url, number: pull.number, branch: input.branch, updated: false, files };
}
