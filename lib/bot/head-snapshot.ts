import { claimedPaths } from "../parity/audit/index";
import type { RepoSnapshot } from "../parity/types";
import type { GitHubClient } from "../sources/github/index";
import type { RawBlob } from "../sources/github/query";
import { patchLines } from "./patch-lines";

/**
 * The head of a pull request as the base snapshot plus the PR's changes: one listing of the
 * PR's files (`pulls/{n}/files`) and one GraphQL query for the changed paths the formats claim,
 * read at the head commit with `object(expression: "sha:path")`. The head commit is read through
 * the base repository, which holds fork PRs' commits too, with the installation's token.
 */

interface PullFile {
  filename: string;
  status: string;
  previous_filename?: string;
  /** The diff's hunks; GitHub leaves it out for binary and very large files. */
  patch?: string;
}

/** GitHub lists at most 3,000 files of a pull request. */
const MAX_PULL_FILES = 3000;
const PER_QUERY = 50;

export interface HeadSnapshot {
  snapshot: RepoSnapshot;
  changed: string[];
  /** Per changed path, the head lines the PR added (from each file's `patch`). */
  addedLines: Map<string, Set<number>>;
  requests: number;
}

function blobQuery(headSha: string, paths: readonly string[]): string {
  const aliases = paths.map(
    (path, i) =>
      `f${i}: object(expression: ${JSON.stringify(`${headSha}:${path}`)}) { ... on Blob { byteSize isBinary isTruncated text } }`,
  );
  return `query ParityPullFiles($owner: String!, $name: String!) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    ${aliases.join("\n    ")}
  }
}`;
}

export async function headSnapshot(
  client: GitHubClient,
  base: RepoSnapshot,
  pull: { owner: string; repo: string; number: number; headSha: string },
): Promise<HeadSnapshot> {
  let requests = 0;
  const files: PullFile[] = [];
  for await (const page of client.paginate.iterator("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
    owner: pull.owner,
    repo: pull.repo,
    pull_number: pull.number,
    per_page: 100,
  })) {
    requests += 1;
    files.push(...(page.data as PullFile[]));
    if (files.length >= MAX_PULL_FILES) break;
  }
  const paths = new Set(base.paths);
  const contents = new Map(base.files);
  const present: string[] = [];
  for (const file of files) {
    if (file.previous_filename) {
      paths.delete(file.previous_filename);
      contents.delete(file.previous_filename);
    }
    if (file.status === "removed") {
      paths.delete(file.filename);
      contents.delete(file.filename);
      continue;
    }
    paths.add(file.filename);
    contents.delete(file.filename);
    present.push(file.filename);
  }
  const wanted = claimedPaths(present);
  const skipped = [...(base.skipped ?? [])];
  for (let i = 0; i < wanted.length; i += PER_QUERY) {
    const batch = wanted.slice(i, i + PER_QUERY);
    requests += 1;
    const data = await client.graphql<{ repository: Record<string, RawBlob | null> | null }>(
      blobQuery(pull.headSha, batch),
      { owner: pull.owner, name: pull.repo },
    );
    for (const [j, path] of batch.entries()) {
      const blob = data.repository?.[`f${j}`];
      if (!blob || blob.isBinary || blob.isTruncated || blob.text === null) {
        skipped.push({ path, reason: "blob not readable at the pull request's head" });
        continue;
      }
      contents.set(path, blob.text);
    }
  }
  const { history, ...rest } = base;
  return {
    snapshot: {
      ...rest,
      commit: pull.headSha,
      paths: [...paths],
      files: contents,
      ...(skipped.length ? { skipped } : {}),
      // The PR changes files, not the default branch's history: both sides share it.
      ...(history ? { history } : {}),
    },
    changed: files.map((f) => f.filename),
    addedLines: new Map(
      files.filter((f) => f.status !== "removed").map((f) => [f.filename, patchLines(f.patch).added] as const),
    ),
    requests,
  };
}
