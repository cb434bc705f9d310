import type { RepoSnapshot } from "../../parity/types";
import type { EtagCache } from "./cache";
import type { GitHubClient } from "./client";
import { type Counter, conditionalGet } from "./conditional";
import type { DeployWorkflow } from "./deploy-workflows";
import type { GitHubSnapshotOptions } from "./snapshot";

/** What a full audit leaves behind so the next one can ask "did anything change?" for free. */
export interface SnapshotBaseline {
  snapshot: Omit<RepoSnapshot, "files"> & { files: [string, string][] };
  branch: string | null;
  head: string | null;
  latestDeployment: { id: number | null; updatedAt: string } | null;
  latestRelease: string | null;
  latestRun: number | null;
  workflows: DeployWorkflow[];
}

/**
 * Conditional questions, cheapest signal first, stopping at the first change: the tree, the head
 * commit, the newest deployment, the newest release, the newest deploy-workflow run. Each answers
 * 304 (free) once its ETag is known; the first time, its 200 is compared with the baseline and
 * its ETag stored, so from the next audit on an unchanged repository costs nothing.
 */
export async function probeUnchanged(
  client: GitHubClient,
  cache: EtagCache,
  counter: Counter,
  options: GitHubSnapshotOptions,
  baseline: SnapshotBaseline,
  request: Record<string, unknown>,
): Promise<boolean> {
  const { owner, repo } = options;
  const get = <T>(route: string, params: Record<string, unknown>) =>
    conditionalGet<T>(client, cache, counter, route, { owner, repo, ...params }, request);

  const tree = await get<{ sha: string }>("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
    tree_sha: "HEAD",
    recursive: "1",
  });
  if (!tree.notModified) return false;
  if (!baseline.branch) return true;

  const commits = await get<{ sha: string }[]>("GET /repos/{owner}/{repo}/commits", {
    sha: baseline.branch,
    per_page: 1,
  });
  if (!commits.notModified && commits.data[0]?.sha !== baseline.head) return false;

  const deployments = await get<{ id: number; updated_at: string }[]>("GET /repos/{owner}/{repo}/deployments", {
    per_page: 1,
  });
  const newest = deployments.data[0];
  const known = baseline.latestDeployment;
  const deploymentChanged =
    (newest?.id ?? null) !== (known?.id ?? null) ||
    (newest !== undefined && Date.parse(newest.updated_at) !== Date.parse(known?.updatedAt ?? ""));
  if (!deployments.notModified && deploymentChanged) return false;

  const releases = await get<{ tag_name: string; draft: boolean }[]>("GET /repos/{owner}/{repo}/releases", {
    per_page: 1,
  });
  const newestRelease = releases.data.find((r) => !r.draft)?.tag_name ?? null;
  if (!releases.notModified && newestRelease !== baseline.latestRelease) return false;

  if (!baseline.workflows.length) return true;
  const runs = await get<{ workflow_runs: { id: number; path: string }[] }>("GET /repos/{owner}/{repo}/actions/runs", {
    branch: baseline.branch,
    status: "success",
    per_page: 100,
  });
  const paths = new Set(baseline.workflows.map((w) => w.path));
  const newestRun = runs.data.workflow_runs.find((r) => paths.has(r.path))?.id ?? null;
  return runs.notModified || newestRun === baseline.latestRun;
}
