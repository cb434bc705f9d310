import { HTML, minimalRepo, nodeId, simpleUser } from "./shapes-account";
import type { WorldCommit, WorldDeployment, WorldRepo, WorldRun } from "./world";

/** Deployments, their statuses and workflow runs in GitHub's REST shapes. */

export function deploymentJson(api: string, r: WorldRepo, d: WorldDeployment) {
  const url = `${api}/repos/${r.fullName}/deployments/${d.id}`;
  return {
    url,
    id: d.id,
    node_id: nodeId("Deployment", d.id),
    sha: d.sha,
    ref: d.ref,
    task: "deploy",
    payload: {},
    original_environment: d.environment,
    environment: d.environment,
    description: null,
    creator: simpleUser(api, d.creator),
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    statuses_url: `${url}/statuses`,
    repository_url: `${api}/repos/${r.fullName}`,
    transient_environment: false,
    production_environment: /^prod/i.test(d.environment),
  };
}

export function deploymentStatusJson(api: string, r: WorldRepo, d: WorldDeployment, index: number) {
  const s = d.statuses[index];
  if (!s) throw new Error("no such status");
  const deploymentUrl = `${api}/repos/${r.fullName}/deployments/${d.id}`;
  return {
    url: `${deploymentUrl}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId("DeploymentStatus", s.id),
    state: s.state,
    creator: simpleUser(api, s.creator),
    description: "",
    environment: d.environment,
    target_url: `${HTML}/${r.fullName}/deployments/${d.id}`,
    log_url: `${HTML}/${r.fullName}/deployments/${d.id}`,
    environment_url: `https://${r.name}.acme.example`,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: deploymentUrl,
    repository_url: `${api}/repos/${r.fullName}`,
  };
}

export function runJson(api: string, r: WorldRepo, run: WorldRun, commit: WorldCommit | undefined) {
  const url = `${api}/repos/${r.fullName}/actions/runs/${run.id}`;
  const workflowId = Number.parseInt(run.path.replace(/\D/g, "").slice(0, 6) || "1", 10) + run.path.length;
  const who = { name: commit?.author.name ?? "", email: commit?.author.email ?? "" };
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId("WorkflowRun", run.id),
    head_branch: run.branch,
    head_sha: run.sha,
    path: run.path,
    display_title: commit?.message.split("\n")[0] ?? run.name,
    run_number: run.id % 1000,
    run_attempt: 1,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: workflowId,
    url,
    html_url: `${HTML}/${r.fullName}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    run_started_at: run.createdAt,
    actor: simpleUser(api, run.actor),
    triggering_actor: simpleUser(api, run.actor),
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${api}/repos/${r.fullName}/check-suites/${run.id}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    workflow_url: `${api}/repos/${r.fullName}/actions/workflows/${workflowId}`,
    head_commit: {
      id: run.sha,
      tree_id: commit?.treeSha ?? run.sha,
      message: commit?.message ?? "",
      timestamp: commit?.committedAt ?? run.createdAt,
      author: who,
      committer: who,
    },
    repository: minimalRepo(api, r),
    head_repository: minimalRepo(api, r),
  };
}
