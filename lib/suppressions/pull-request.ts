import type { Suppression } from "../parity/types";
import type { GitHubClient } from "../sources/github/client";
import { CONFIG_FILE, withSuppression } from "./config-lines";

/**
 * With the GitHub App installed on the repository, a suppression asked for from the scorecard can
 * arrive as a pull request instead of lines to paste: a branch from the default branch, one
 * commit that adds the entry to `.parity.yml` (or the `.parity.yaml` the repository already has,
 * edited in place with its comments kept), and the pull request. Merging it is the team's call;
 * the suppression stays pending until an audit reads the file.
 */

const CONFIG_NAMES = [CONFIG_FILE, ".parity.yaml"] as const;

export interface SuppressionPullRequest {
  url: string;
  number: number;
  branch: string;
  path: string;
}

async function existingConfig(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  ref: string,
): Promise<{ path: string; text: string; sha: string } | null> {
  for (const path of CONFIG_NAMES) {
    try {
      const { data } = await client.rest.repos.getContent({ ...repo, path, ref });
      if (Array.isArray(data) || data.type !== "file" || !("content" in data)) continue;
      return { path, text: Buffer.from(data.content, "base64").toString("utf8"), sha: data.sha };
    } catch (error) {
      if ((error as { status?: number }).status === 404) continue;
      throw error;
    }
  }
  return null;
}

export async function openSuppressionPullRequest(
  client: GitHubClient,
  target: { owner: string; name: string },
  entry: Suppression,
  finding: { message: string },
  now: Date = new Date(),
): Promise<SuppressionPullRequest> {
  const repo = { owner: target.owner, repo: target.name };
  const { data: repository } = await client.rest.repos.get(repo);
  const base = repository.default_branch;
  const { data: head } = await client.rest.git.getRef({ ...repo, ref: `heads/${base}` });
  const existing = await existingConfig(client, repo, base);
  const text = withSuppression(existing?.text ?? null, entry);
  if (text === null) {
    throw new Error(`${existing?.path ?? CONFIG_FILE} is not YAML Parity can edit safely; add the lines by hand.`);
  }
  const path = existing?.path ?? CONFIG_FILE;
  const branch = `parity/suppress-${entry.fingerprint?.slice(0, 16) ?? entry.check}-${now.getTime().toString(36)}`;
  await client.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: head.object.sha });
  const accepted = entry.reason.startsWith("Accepted risk:");
  const title = `Parity: ${accepted ? "accept" : "suppress"} "${finding.message.slice(0, 80)}"`;
  await client.rest.repos.createOrUpdateFileContents({
    ...repo,
    path,
    branch,
    message: title,
    content: Buffer.from(text, "utf8").toString("base64"),
    ...(existing ? { sha: existing.sha } : {}),
  });
  const { data: pull } = await client.rest.pulls.create({
    ...repo,
    title,
    head: branch,
    base,
    body: [
      `Adds a \`suppress:\` entry to \`${path}\` for the Parity finding "${finding.message}" (check \`${entry.check}\`).`,
      "",
      `Reason: ${entry.reason}`,
      "",
      "The finding leaves the score at the first audit after this is merged.",
    ].join("\n"),
  });
  return { url: pull.html_url, number: pull.number, branch, path };
}
