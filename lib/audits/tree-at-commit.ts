import { claimedPaths } from "../parity/audit/index";
import { FORMATS } from "../parity/formats/index";
import type { RepoSnapshot } from "../parity/types";
import { type Counter, conditionalGet } from "../sources/github/conditional";
import { SourceError, toSourceError } from "../sources/github/errors";
import type { EtagCache, GitHubClient } from "../sources/github/index";
import { batchBlobs, blobsQuery, type RawBlob } from "../sources/github/query";

/** Requests a backfill may still spend, and has spent. */
export interface RequestBudget {
  left: number;
  used: number;
}

interface RawTree {
  sha: string;
  truncated: boolean;
  tree: { path: string; type: string; sha: string; size?: number }[];
}

const MAX_BLOB_BYTES = 1024 * 1024;

/**
 * The files the formats claim at one past commit: one tree request (ETag-cached) and one GraphQL
 * query per batch of blobs. Blob contents are cached by sha, so a file unchanged across weeks is
 * read once. History is not included (the caller cuts it from the head snapshot's).
 */
export async function snapshotAtCommit(
  client: GitHubClient,
  cache: EtagCache,
  repo: { owner: string; name: string; fullName: string; defaultBranch: string | null },
  sha: string,
  budget: RequestBudget,
): Promise<RepoSnapshot> {
  const counter: Counter = { requests: 0, cost: 0 };
  const what = `reading ${repo.fullName} at ${sha.slice(0, 7)}`;
  try {
    const tree = await conditionalGet<RawTree>(
      client,
      cache,
      counter,
      "GET /repos/{owner}/{repo}/git/trees/{tree_sha}",
      { owner: repo.owner, repo: repo.name, tree_sha: sha, recursive: "1" },
      {},
    );
    const blobs = tree.data.tree.filter((e) => e.type === "blob");
    const claimed = new Set(
      claimedPaths(
        blobs.map((b) => b.path),
        FORMATS,
      ),
    );
    const files = new Map<string, string>();
    const skipped: { path: string; reason: string }[] = [];
    if (tree.data.truncated) skipped.push({ path: "", reason: "tree truncated by GitHub" });
    const wanted: { path: string; sha: string; size: number }[] = [];
    for (const blob of blobs) {
      if (!claimed.has(blob.path)) continue;
      if ((blob.size ?? 0) > MAX_BLOB_BYTES) skipped.push({ path: blob.path, reason: "larger than 1 MB" });
      else {
        const known = await cache.get(`blob ${blob.sha}`);
        if (typeof known?.value === "string") files.set(blob.path, known.value);
        else wanted.push({ path: blob.path, sha: blob.sha, size: blob.size ?? 0 });
      }
    }
    for (const batch of batchBlobs(wanted)) {
      counter.requests += 1;
      const data = await client.graphql<{
        rateLimit?: { cost: number } | null;
        repository: Record<string, RawBlob | null> | null;
      }>(blobsQuery(batch.map((b) => b.sha)), { owner: repo.owner, name: repo.name });
      counter.cost += data.rateLimit?.cost ?? 1;
      if (!data.repository) throw new SourceError("not_found", `${repo.fullName}: repository not found`);
      for (const [i, file] of batch.entries()) {
        const blob = data.repository[`b${i}`];
        if (!blob || blob.isBinary || blob.isTruncated || blob.text === null) {
          skipped.push({ path: file.path, reason: "blob not readable" });
          continue;
        }
        files.set(file.path, blob.text);
        await cache.set(`blob ${file.sha}`, { etag: "", value: blob.text });
      }
    }
    return {
      repository: repo.fullName,
      defaultBranch: repo.defaultBranch,
      commit: sha,
      paths: blobs.map((b) => b.path),
      files,
      ...(skipped.length ? { skipped } : {}),
    };
  } catch (error) {
    throw toSourceError(error, what);
  } finally {
    budget.used += counter.requests;
    budget.left -= counter.requests;
  }
}
