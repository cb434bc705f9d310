import { FORMATS } from "../../parity/formats/index";
import { claimedPaths } from "../../parity/formats/registry";
import type { Commit, Deploy, RepoSnapshot } from "../../parity/types";
import { type EtagCache, memoryCache } from "./cache";
import { type GitHubClient, withDeadline } from "./client";
import type { Counter } from "./conditional";
import { type DeployWorkflow, deployWorkflowsFrom } from "./deploy-workflows";
import { SourceError, toSourceError } from "./errors";
import {
  deploymentToDeploy,
  type RawCommit,
  type RawDeployment,
  type RawRelease,
  type RawRun,
  type RawTag,
  releasesToDeploys,
  runsToDeploys,
  toCommit,
} from "./mapping";
import { chooseProbe, fetchActivity, filterRuns, probeUnchanged } from "./probe";
import { batchBlobs, blobsQuery, historyPageQuery, type RawBlob, snapshotQuery } from "./query";
import { fetchRestFallback } from "./rest-fallback";
import type { FullResult, GitHubSnapshotOptions, GitHubSnapshotResult, SnapshotBaseline } from "./snapshot-types";
import { fetchTree, type TreeFile } from "./tree";

export type { GitHubSnapshotOptions, GitHubSnapshotResult } from "./snapshot-types";

/**
 * One repository's snapshot from GitHub, following docs' call plan (design/github.md): (1) the
 * tree with If-None-Match, (2) one GraphQL query for the claimed blobs, head, deployments,
 * releases, tags and history, (3) conditional workflow runs of deploy workflows. A re-audit first
 * asks cheap conditional questions and reuses the stored snapshot when all answer 304.
 * Nothing partial comes back: either a whole snapshot or a SourceError.
 */

const MAX_BLOB_BYTES = 1024 * 1024;

export async function fetchGitHubSnapshot(
  client: GitHubClient,
  options: GitHubSnapshotOptions,
): Promise<GitHubSnapshotResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const request = withDeadline(Date.now() + timeoutMs, controller.signal);
  const counter: Counter = { requests: 0, cost: 0 };
  const cache = options.cache ?? memoryCache();
  const what = `reading ${options.owner}/${options.repo}`;
  try {
    const baselineKey = `baseline ${options.owner}/${options.repo}`;
    const baseline = (await cache.get(baselineKey))?.value as SnapshotBaseline | undefined;
    if (baseline) {
      const unchanged = await probeUnchanged(client, cache, counter, options, baseline, request);
      if (unchanged) {
        return {
          snapshot: restore(baseline, options.since),
          requests: counter.requests,
          rateLimitCost: counter.cost,
          notModified: true,
          isPrivate: baseline.isPrivate ?? null,
        };
      }
    }
    const full = client.parity.anonymous
      ? await fetchRestFallback(client, cache, counter, options, request)
      : await fetchFull(client, cache, counter, options, request);
    await cache.set(baselineKey, { etag: "", value: full.baseline });
    return {
      snapshot: full.snapshot,
      requests: counter.requests,
      rateLimitCost: counter.cost,
      notModified: false,
      isPrivate: full.baseline.isPrivate ?? null,
    };
  } catch (error) {
    if (controller.signal.aborted) {
      throw new SourceError("upstream", `${what}: GitHub did not answer within ${Math.round(timeoutMs / 1000)} s`, {
        cause: error,
      });
    }
    throw toSourceError(error, what);
  } finally {
    clearTimeout(timer);
  }
}

function restore(baseline: SnapshotBaseline, since: Date): RepoSnapshot {
  const s = baseline.snapshot;
  const history = s.history
    ? { ...s.history, commits: s.history.commits.filter((c) => Date.parse(c.committedAt) >= since.getTime()) }
    : undefined;
  return { ...s, files: new Map(s.files), ...(history ? { history } : {}) };
}

interface RawSnapshot {
  rateLimit: { cost: number } | null;
  repository: {
    isPrivate?: boolean;
    defaultBranchRef: {
      name: string;
      target: {
        oid: string;
        tree: { oid: string };
        history: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: RawCommit[] };
      } | null;
    } | null;
    deployments: { pageInfo: { hasNextPage: boolean }; nodes: RawDeployment[] };
    releases: { nodes: RawRelease[] };
    refs: { nodes: RawTag[] } | null;
    [alias: string]: unknown;
  } | null;
}

async function graphql<T>(
  client: GitHubClient,
  counter: Counter,
  query: string,
  variables: Record<string, unknown>,
  request: object,
): Promise<T> {
  counter.requests += 1;
  const data = await client.graphql<T & { rateLimit?: { cost: number } | null }>(query, { ...variables, request });
  counter.cost += data.rateLimit?.cost ?? 1;
  return data;
}

async function fetchFull(
  client: GitHubClient,
  cache: EtagCache,
  counter: Counter,
  options: GitHubSnapshotOptions,
  request: Record<string, unknown>,
): Promise<FullResult> {
  const { owner, repo } = options;
  const tree = await fetchTree(client, cache, counter, owner, repo, request);
  const formats = options.formats ?? FORMATS;
  const claimed = new Set(
    claimedPaths(
      tree.files.map((f) => f.path),
      formats,
    ),
  );
  const skipped = [...tree.skipped];
  const wanted: TreeFile[] = [];
  for (const file of tree.files) {
    if (!claimed.has(file.path)) continue;
    if (file.size > MAX_BLOB_BYTES) skipped.push({ path: file.path, reason: "larger than 1 MB" });
    else wanted.push(file);
  }
  const [firstBatch = [], ...otherBatches] = batchBlobs(wanted);
  const since = options.since.toISOString();
  const vars = { owner, name: repo, since };
  const data = await graphql<RawSnapshot>(client, counter, snapshotQuery(firstBatch.map((f) => f.sha)), vars, request);
  const repository = data.repository;
  if (!repository) throw new SourceError("not_found", `${owner}/${repo}: repository not found`);
  const head = repository.defaultBranchRef?.target ?? null;
  if (head && head.tree.oid !== tree.sha) {
    // The branch moved between the tree and the query; the snapshot must be one commit's.
    throw new SourceError("upstream", `${owner}/${repo}: the default branch moved during the audit; retry`);
  }
  const files = new Map<string, string>();
  const readBlobs = (batch: readonly TreeFile[], container: Record<string, unknown>) => {
    for (const [i, file] of batch.entries()) {
      const blob = container[`b${i}`] as RawBlob | null | undefined;
      const reason = !blob
        ? "blob not returned by GitHub"
        : blob.isBinary
          ? "binary file"
          : blob.isTruncated || blob.text === null
            ? "larger than 1 MB"
            : null;
      if (reason) skipped.push({ path: file.path, reason });
      else files.set(file.path, blob?.text ?? "");
    }
  };
  readBlobs(firstBatch, repository);
  for (const batch of otherBatches) {
    const more = await graphql<{ repository: Record<string, unknown> | null }>(
      client,
      counter,
      blobsQuery(batch.map((f) => f.sha)),
      { owner, name: repo },
      request,
    );
    readBlobs(batch, more.repository ?? {});
  }

  const rawCommits: RawCommit[] = [...(head?.history.nodes ?? [])];
  let page = head?.history.pageInfo;
  let pages = 0;
  while (head && page?.hasNextPage && page.endCursor && pages < (options.maxHistoryPages ?? 9)) {
    pages += 1;
    const more = await graphql<{
      repository: {
        object: {
          history: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: RawCommit[] };
        } | null;
      } | null;
    }>(client, counter, historyPageQuery(), { ...vars, oid: head.oid, after: page.endCursor }, request);
    const history = more.repository?.object?.history;
    if (!history) break;
    rawCommits.push(...history.nodes);
    page = history.pageInfo;
  }
  const commits: Commit[] = rawCommits.map(toCommit);

  const workflows = options.deployWorkflows ? [...options.deployWorkflows(files)] : deployWorkflowsFrom(files, formats);
  const branch = repository.defaultBranchRef?.name ?? null;
  // The third request is the activity list the next audit re-asks: runs when they are data too.
  const probe = chooseProbe(workflows.length, repository.deployments.nodes.length, branch);
  const activity = await fetchActivity(client, cache, counter, owner, repo, branch, probe, request);
  const runs = probe === "runs" ? filterRuns(activity.data, workflows) : [];
  const deploys = buildDeploys(repository, runs, workflows, options.since);
  const snapshot: RepoSnapshot = {
    repository: `${owner}/${repo}`,
    defaultBranch: branch,
    commit: head?.oid ?? null,
    paths: tree.files.map((f) => f.path),
    files,
    ...(skipped.length ? { skipped } : {}),
    history: {
      commits,
      deploys,
      complete: !page?.hasNextPage && !repository.deployments.pageInfo.hasNextPage && !tree.truncated,
    },
  };
  return {
    snapshot,
    baseline: {
      snapshot: { ...snapshot, files: [...files.entries()] },
      branch,
      head: head?.oid ?? null,
      treeSha: tree.sha,
      probe,
      probeFingerprint: activity.fingerprint,
      workflows,
      isPrivate: typeof repository.isPrivate === "boolean" ? repository.isPrivate : null,
    },
  };
}

function buildDeploys(
  repository: NonNullable<RawSnapshot["repository"]>,
  runs: readonly RawRun[],
  workflows: readonly DeployWorkflow[],
  since: Date,
): Deploy[] {
  const fromDeployments = repository.deployments.nodes.flatMap((d) => {
    const deploy = deploymentToDeploy(d, runs);
    return deploy ? [deploy] : [];
  });
  const environmentOf = (path: string) => workflows.find((w) => w.path === path)?.environment ?? "production";
  const fromRuns = runsToDeploys(runs, fromDeployments, environmentOf);
  const fromReleases = releasesToDeploys(repository.releases.nodes, repository.refs?.nodes ?? []);
  return [...fromDeployments, ...fromRuns, ...fromReleases]
    .filter((d) => Date.parse(d.deployedAt) >= since.getTime())
    .sort((a, b) => Date.parse(b.deployedAt) - Date.parse(a.deployedAt));
}
