import { FORMATS } from "../../parity/formats/index";
import { claimedPaths } from "../../parity/formats/registry";
import type { Commit, Deploy, RepoSnapshot } from "../../parity/types";
import type { EtagCache } from "./cache";
import type { GitHubClient } from "./client";
import { type Counter, conditionalGet } from "./conditional";
import { deployWorkflowsFrom } from "./deploy-workflows";
import { deploymentToDeploy, type RawRun, type RawTag, releasesToDeploys, runsToDeploys, toCommit } from "./mapping";
import { chooseProbe, fetchActivity, filterRuns, probeFingerprint } from "./probe";
import type { FullResult, GitHubSnapshotOptions, SnapshotBaseline } from "./snapshot-types";
import { fetchTree } from "./tree";

/**
 * Without credentials GitHub refuses GraphQL and allows 60 REST requests an hour, so this path
 * reads the same snapshot over REST with tight bounds: one blob request per claimed file, one page
 * of commits, and statuses for at most MAX_DEPLOYMENTS deployments. History beyond that is marked
 * incomplete rather than fetched.
 */

const MAX_DEPLOYMENTS = 10;
const MAX_BLOB_BYTES = 1024 * 1024;

interface RestCommit {
  sha: string;
  parents: { sha: string }[];
  author: { login: string; type?: string } | null;
  commit: { author: { name?: string; email?: string; date?: string } | null; committer: { date?: string } | null };
}

export async function fetchRestFallback(
  client: GitHubClient,
  cache: EtagCache,
  counter: Counter,
  options: GitHubSnapshotOptions,
  request: Record<string, unknown>,
): Promise<FullResult> {
  const { owner, repo } = options;
  const get = <T>(route: string, params: Record<string, unknown>) =>
    conditionalGet<T>(client, cache, counter, route, { owner, repo, ...params }, request);
  const meta = await get<{ default_branch: string; private?: boolean }>("GET /repos/{owner}/{repo}", {});
  const branch = meta.data.default_branch;
  const tree = await fetchTree(client, cache, counter, owner, repo, request);
  const formats = options.formats ?? FORMATS;
  const claimed = new Set(
    claimedPaths(
      tree.files.map((f) => f.path),
      formats,
    ),
  );
  const files = new Map<string, string>();
  const skipped = [...tree.skipped];
  for (const file of tree.files) {
    if (!claimed.has(file.path)) continue;
    if (file.size > MAX_BLOB_BYTES) {
      skipped.push({ path: file.path, reason: "larger than 1 MB" });
      continue;
    }
    const blob = await get<{ content: string }>("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", {
      file_sha: file.sha,
    });
    const bytes = Buffer.from(blob.data.content, "base64");
    if (bytes.subarray(0, 8000).includes(0)) skipped.push({ path: file.path, reason: "binary file" });
    else files.set(file.path, bytes.toString("utf8"));
  }
  const since = options.since.toISOString();
  const commitsPage = await get<RestCommit[]>("GET /repos/{owner}/{repo}/commits", {
    sha: branch,
    since,
    per_page: 100,
  });
  const commits = commitsPage.data.map((c) =>
    toCommit({
      oid: c.sha,
      authoredDate: c.commit.author?.date ?? "",
      committedDate: c.commit.committer?.date ?? c.commit.author?.date ?? "",
      parents: { nodes: c.parents.map((p) => ({ oid: p.sha })) },
      author: {
        name: c.commit.author?.name ?? null,
        email: c.commit.author?.email ?? null,
        user: c.author ? { login: c.author.login } : null,
      },
    }),
  );
  const deploymentList = await get<
    {
      id: number;
      sha: string;
      environment: string;
      created_at: string;
      updated_at: string;
      creator: { login: string; type: string } | null;
    }[]
  >("GET /repos/{owner}/{repo}/deployments", { per_page: 30 });
  const workflows = options.deployWorkflows ? [...options.deployWorkflows(files)] : deployWorkflowsFrom(files, formats);
  const probe = chooseProbe(workflows.length, deploymentList.data.length, branch);
  // The deployments probe is the list above (same request, same cache key); runs and tags are asked here.
  const activity =
    probe === "deployments"
      ? { data: deploymentList.data, fingerprint: probeFingerprint(probe, deploymentList.data) }
      : await fetchActivity(client, cache, counter, owner, repo, branch, probe, request);
  const runs: RawRun[] = probe === "runs" ? filterRuns(activity.data, workflows) : [];
  const deploys: Deploy[] = [];
  for (const d of deploymentList.data.filter((x) => x.created_at >= since).slice(0, MAX_DEPLOYMENTS)) {
    const statuses = await get<{ state: string; created_at: string }[]>(
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses",
      {
        deployment_id: d.id,
        per_page: 10,
      },
    );
    const deploy = deploymentToDeploy(
      {
        databaseId: d.id,
        environment: d.environment,
        commitOid: d.sha,
        createdAt: d.created_at,
        creator: d.creator ? { login: d.creator.login, __typename: d.creator.type } : null,
        statuses: { nodes: statuses.data.map((s) => ({ state: s.state, createdAt: s.created_at })) },
      },
      runs,
    );
    if (deploy) deploys.push(deploy);
  }
  const environmentOf = (path: string) => workflows.find((w) => w.path === path)?.environment ?? "production";
  const releases = await get<
    {
      id: number;
      tag_name: string;
      draft: boolean;
      published_at: string | null;
      target_commitish: string;
      author: { login: string } | null;
    }[]
  >("GET /repos/{owner}/{repo}/releases", { per_page: 30 });
  const releaseDeploys = releasesToDeploys(
    releases.data.map((r) => ({
      databaseId: r.id,
      tagName: r.tag_name,
      publishedAt: r.published_at,
      isDraft: r.draft,
      author: r.author,
      // REST gives the target as a commitish; a sha is what the engine can match to commits.
      tagCommit: /^[0-9a-f]{40}$/.test(r.target_commitish) ? { oid: r.target_commitish } : null,
    })),
    probe === "tags" ? restTags(activity.data, commits) : [],
  );
  const all = [...deploys, ...runsToDeploys(runs, deploys, environmentOf), ...releaseDeploys]
    .filter((d) => d.deployedAt >= since)
    .sort((a, b) => Date.parse(b.deployedAt) - Date.parse(a.deployedAt));
  const snapshot: RepoSnapshot = {
    repository: `${owner}/${repo}`,
    defaultBranch: branch,
    commit: commitsPage.data[0]?.sha ?? null,
    paths: tree.files.map((f) => f.path),
    files,
    ...(skipped.length ? { skipped } : {}),
    history: {
      commits,
      deploys: all,
      complete: commitsPage.data.length < 100 && deploymentList.data.length < 30 && !tree.truncated,
    },
  };
  const baseline: SnapshotBaseline = {
    snapshot: { ...snapshot, files: [...files.entries()] },
    branch,
    head: snapshot.commit,
    isPrivate: typeof meta.data.private === "boolean" ? meta.data.private : null,
    treeSha: tree.sha,
    probe,
    probeFingerprint: activity.fingerprint,
    workflows,
  };
  return { snapshot, baseline };
}

/** REST tags carry no date: a tag counts when its commit is in the history read (its commit date). */
function restTags(data: unknown, commits: readonly Commit[]): RawTag[] {
  const list = Array.isArray(data) ? (data as { name: string; commit: { sha: string } }[]) : [];
  const dates = new Map(commits.map((c) => [c.sha, c.committedAt]));
  return list.flatMap((t) => {
    const committedDate = dates.get(t.commit.sha);
    return committedDate ? [{ name: t.name, target: { __typename: "Commit", oid: t.commit.sha, committedDate } }] : [];
  });
}
