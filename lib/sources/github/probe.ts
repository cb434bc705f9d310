import type { EtagCache } from "./cache";
import type { GitHubClient } from "./client";
import { type Counter, conditionalGet } from "./conditional";
import type { DeployWorkflow } from "./deploy-workflows";
import type { RawRun } from "./mapping";
import type { GitHubSnapshotOptions, ProbeKind, SnapshotBaseline } from "./snapshot-types";

/**
 * The re-audit probe. GraphQL has no conditional requests, so only REST answers can come back
 * 304 (free). The full audit makes two REST requests (the tree, and one "activity" list chosen
 * below) besides its GraphQL query; a re-audit re-asks exactly those two with their ETags. From
 * the second audit on, an unchanged repository therefore costs two 304s and zero points.
 *
 * Which activity list: the one whose change can move the report, given where the repository's
 * production deploys come from (the strongest signal wins in the engine, so weaker ones cannot
 * move the metrics while a stronger one exists):
 * - `runs`: deploy workflows exist; their runs are read anyway, and an Actions deployment, a
 *   dispatch or a re-run each add a successful run.
 * - `deployments`: no deploy workflow, deployments exist (Vercel, Netlify, Render, a CLI).
 * - `tags`: neither; a new release publishes a tag, and a bare version tag is the proxy itself.
 */

export interface ProbeRequest {
  route: string;
  params: Record<string, unknown>;
}

export const TREE_ROUTE = "GET /repos/{owner}/{repo}/git/trees/{tree_sha}";

/** The tree request of the full audit and of the probe: one cache key for both. */
export function treeParams(owner: string, repo: string): Record<string, unknown> {
  return { owner, repo, tree_sha: "HEAD", recursive: "1" };
}

/** The exact request (route and parameters, hence cache key) the full audit and the probe share. */
export function probeRequest(kind: ProbeKind, owner: string, repo: string, branch: string | null): ProbeRequest {
  if (kind === "runs") {
    return {
      route: "GET /repos/{owner}/{repo}/actions/runs",
      params: { owner, repo, branch, status: "success", per_page: 100 },
    };
  }
  if (kind === "deployments") {
    return { route: "GET /repos/{owner}/{repo}/deployments", params: { owner, repo, per_page: 30 } };
  }
  return { route: "GET /repos/{owner}/{repo}/tags", params: { owner, repo, per_page: 100 } };
}

/** Picks the activity list from what the tree and the GraphQL answer showed (before asking it). */
export function chooseProbe(workflows: number, deployments: number, branch: string | null): ProbeKind {
  if (workflows > 0 && branch) return "runs";
  if (deployments > 0) return "deployments";
  return "tags";
}

interface ProbeRun {
  id: number;
  path?: string;
  updated_at?: string;
}

/** The parts of a probe answer that matter: ids and times, never volatile URLs or counters. */
export function probeFingerprint(kind: ProbeKind, data: unknown): string {
  if (kind === "runs") {
    const runs = (data as { workflow_runs?: ProbeRun[] } | null)?.workflow_runs ?? [];
    return runs.map((r) => `${r.id}@${r.updated_at ?? ""}`).join(",");
  }
  const list = Array.isArray(data) ? data : [];
  if (kind === "deployments") {
    return list.map((d: { id?: number; updated_at?: string }) => `${d.id}@${d.updated_at ?? ""}`).join(",");
  }
  return list.map((t: { name?: string; commit?: { sha?: string } }) => `${t.name}@${t.commit?.sha ?? ""}`).join(",");
}

/**
 * True when the tree and the activity list are unchanged. Both are normally 304; a 200 (first
 * use of an older baseline, or a rotated installation token whose ETags differ) is compared with
 * the baseline's tree sha and fingerprint, so it still avoids a full audit when nothing moved.
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
  if (!baseline.probe || typeof baseline.treeSha !== "string") return false;
  const tree = await conditionalGet<{ sha: string }>(
    client,
    cache,
    counter,
    TREE_ROUTE,
    treeParams(owner, repo),
    request,
  );
  if (!tree.notModified && tree.data.sha !== baseline.treeSha) return false;
  const probe = probeRequest(baseline.probe, owner, repo, baseline.branch);
  const answer = await conditionalGet<unknown>(client, cache, counter, probe.route, probe.params, request);
  return answer.notModified || probeFingerprint(baseline.probe, answer.data) === baseline.probeFingerprint;
}

/** One conditional request for the probe's list; its ETag is what the next audit sends. */
export async function fetchActivity(
  client: GitHubClient,
  cache: EtagCache,
  counter: Counter,
  owner: string,
  repo: string,
  branch: string | null,
  probe: ProbeKind,
  request: Record<string, unknown>,
): Promise<{ data: unknown; fingerprint: string }> {
  const { route, params } = probeRequest(probe, owner, repo, branch);
  const result = await conditionalGet<unknown>(client, cache, counter, route, params, request);
  return { data: result.data, fingerprint: probeFingerprint(probe, result.data) };
}

/** Successful runs of the workflows recognised as deploys. */
export function filterRuns(data: unknown, workflows: readonly DeployWorkflow[]): RawRun[] {
  const paths = new Set(workflows.map((w) => w.path));
  const runs = (data as { workflow_runs?: RawRun[] } | null)?.workflow_runs ?? [];
  return runs.filter((r) => paths.has(r.path));
}
