import type {
  Account,
  WorldCheckRun,
  WorldComment,
  WorldCommit,
  WorldDeployment,
  WorldPull,
  WorldRelease,
  WorldRepo,
  WorldRun,
} from "./world";

/**
 * REST response bodies in GitHub's shapes (https://docs.github.com/en/rest). The double's own tests
 * validate each one against the operation's schema in @octokit/openapi, so fields stay honest.
 */

const HTML = "https://github.com";

function nodeId(kind: string, id: number | string): string {
  return Buffer.from(`${kind}:${id}`).toString("base64").replace(/=+$/, "");
}

export function simpleUser(api: string, a: Account) {
  const url = `${api}/users/${a.login}`;
  return {
    login: a.login,
    id: a.id,
    node_id: nodeId(a.type, a.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${a.id}?v=4`,
    gravatar_id: "",
    url,
    html_url: `${HTML}/${a.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: a.type,
    site_admin: false,
  };
}

export function repoJson(api: string, r: WorldRepo) {
  const url = `${api}/repos/${r.fullName}`;
  return {
    id: r.id,
    node_id: nodeId("Repository", r.id),
    name: r.name,
    full_name: r.fullName,
    private: r.private,
    owner: simpleUser(api, r.owner),
    html_url: `${HTML}/${r.fullName}`,
    description: null,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `git://github.com/${r.fullName}.git`,
    hooks_url: `${url}/hooks`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    ssh_url: `git@github.com:${r.fullName}.git`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    clone_url: `${HTML}/${r.fullName}.git`,
    mirror_url: null,
    svn_url: `${HTML}/${r.fullName}`,
    homepage: null,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: r.defaultBranch,
    open_issues_count: 0,
    open_issues: 0,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: r.private ? "private" : "public",
    license: null,
    pushed_at: r.pushedAt,
    created_at: r.createdAt,
    updated_at: r.pushedAt,
    network_count: 0,
    subscribers_count: 0,
  };
}

export function commitJson(api: string, r: WorldRepo, c: WorldCommit, author: Account | null) {
  const url = `${api}/repos/${r.fullName}/commits/${c.sha}`;
  const gitAuthor = { name: c.author.name, email: c.author.email, date: c.authoredAt };
  return {
    url,
    sha: c.sha,
    node_id: nodeId("Commit", c.sha),
    html_url: `${HTML}/${r.fullName}/commit/${c.sha}`,
    comments_url: `${url}/comments`,
    commit: {
      url: `${api}/repos/${r.fullName}/git/commits/${c.sha}`,
      author: gitAuthor,
      committer: { ...gitAuthor, date: c.committedAt },
      message: c.message,
      comment_count: 0,
      tree: { sha: c.treeSha, url: `${api}/repos/${r.fullName}/git/trees/${c.treeSha}` },
    },
    author: author ? simpleUser(api, author) : null,
    committer: author ? simpleUser(api, author) : null,
    parents: c.parents.map((sha) => ({
      sha,
      url: `${api}/repos/${r.fullName}/commits/${sha}`,
      html_url: `${HTML}/${r.fullName}/commit/${sha}`,
    })),
  };
}

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

function minimalRepo(api: string, r: WorldRepo) {
  const full = repoJson(api, r);
  const { clone_url, default_branch, network_count, subscribers_count, license, ...rest } = full;
  return rest;
}

export function releaseJson(api: string, r: WorldRepo, rel: WorldRelease) {
  const url = `${api}/repos/${r.fullName}/releases/${rel.id}`;
  return {
    url,
    html_url: `${HTML}/${r.fullName}/releases/tag/${rel.tagName}`,
    assets_url: `${url}/assets`,
    upload_url: `https://uploads.github.com/repos/${r.fullName}/releases/${rel.id}/assets{?name,label}`,
    tarball_url: `${api}/repos/${r.fullName}/tarball/${rel.tagName}`,
    zipball_url: `${api}/repos/${r.fullName}/zipball/${rel.tagName}`,
    id: rel.id,
    node_id: nodeId("Release", rel.id),
    tag_name: rel.tagName,
    target_commitish: rel.sha,
    name: rel.name,
    body: null,
    draft: rel.draft,
    prerelease: rel.prerelease,
    immutable: false,
    created_at: rel.createdAt,
    published_at: rel.publishedAt,
    author: simpleUser(api, rel.author),
    assets: [],
  };
}

export function tagJson(api: string, r: WorldRepo, name: string, sha: string) {
  return {
    name,
    commit: { sha, url: `${api}/repos/${r.fullName}/commits/${sha}` },
    zipball_url: `${api}/repos/${r.fullName}/zipball/refs/tags/${name}`,
    tarball_url: `${api}/repos/${r.fullName}/tarball/refs/tags/${name}`,
    node_id: nodeId("Ref", name),
  };
}

export function commentJson(api: string, r: WorldRepo, c: WorldComment) {
  return {
    id: c.id,
    node_id: nodeId("IssueComment", c.id),
    url: `${api}/repos/${r.fullName}/issues/comments/${c.id}`,
    html_url: `${HTML}/${r.fullName}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${api}/repos/${r.fullName}/issues/${c.issueNumber}`,
    body: c.body,
    user: simpleUser(api, c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: "NONE",
  };
}

export function checkRunJson(api: string, r: WorldRepo, c: WorldCheckRun, app: Account) {
  const out = (c.output ?? {}) as { title?: string; summary?: string; text?: string; annotations?: unknown[] };
  return {
    id: c.id,
    node_id: nodeId("CheckRun", c.id),
    head_sha: c.headSha,
    name: c.name,
    external_id: "",
    url: `${api}/repos/${r.fullName}/check-runs/${c.id}`,
    html_url: `${HTML}/${r.fullName}/runs/${c.id}`,
    details_url: `${HTML}/${r.fullName}/runs/${c.id}`,
    status: c.status,
    conclusion: c.conclusion,
    started_at: c.startedAt,
    completed_at: c.completedAt,
    output: {
      title: out.title ?? null,
      summary: out.summary ?? null,
      text: out.text ?? null,
      annotations_count: Array.isArray(out.annotations) ? out.annotations.length : 0,
      annotations_url: `${api}/repos/${r.fullName}/check-runs/${c.id}/annotations`,
    },
    check_suite: { id: c.id + 1 },
    app: {
      id: app.id,
      slug: app.login.replace(/\[bot\]$/, ""),
      node_id: nodeId("App", app.id),
      owner: simpleUser(api, r.owner),
      name: app.login.replace(/\[bot\]$/, ""),
      description: null,
      external_url: "https://parity.example",
      html_url: `${HTML}/apps/${app.login.replace(/\[bot\]$/, "")}`,
      created_at: "2024-01-01T00:00:00Z",
      updated_at: "2024-01-01T00:00:00Z",
      permissions: { checks: "write", contents: "read", pull_requests: "write", metadata: "read" },
      events: ["pull_request"],
    },
    pull_requests: [],
  };
}

export function pullJson(api: string, r: WorldRepo, p: WorldPull) {
  const url = `${api}/repos/${r.fullName}/pulls/${p.number}`;
  const issue = `${api}/repos/${r.fullName}/issues/${p.number}`;
  const html = `${HTML}/${r.fullName}/pull/${p.number}`;
  const ref = (name: string, sha: string) => ({
    label: `${r.owner.login}:${name}`,
    ref: name,
    sha,
    user: simpleUser(api, r.owner),
    repo: repoJson(api, r),
  });
  const baseSha = r.branches.get(p.baseRef) ?? p.headSha;
  const additions = p.files.reduce((n, f) => n + f.additions, 0);
  const deletions = p.files.reduce((n, f) => n + f.deletions, 0);
  return {
    url,
    id: p.number * 7919,
    node_id: nodeId("PullRequest", `${r.id}:${p.number}`),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/repos/${r.fullName}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: `${api}/repos/${r.fullName}/statuses/${p.headSha}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: simpleUser(api, p.user),
    body: null,
    labels: [],
    milestone: null,
    created_at: p.createdAt,
    updated_at: p.mergedAt ?? p.createdAt,
    closed_at: p.mergedAt,
    merged_at: p.mergedAt,
    merge_commit_sha: p.mergeCommitSha,
    assignee: null,
    head: ref(p.headRef, p.headSha),
    base: ref(p.baseRef, baseSha),
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: issue },
      comments: { href: `${issue}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${api}/repos/${r.fullName}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${api}/repos/${r.fullName}/statuses/${p.headSha}` },
    },
    author_association: "MEMBER",
    auto_merge: null,
    merged: p.mergedAt !== null,
    mergeable: p.state === "open" ? true : null,
    mergeable_state: p.state === "open" ? "clean" : "unknown",
    merged_by: p.mergedBy ? simpleUser(api, p.mergedBy) : null,
    comments: r.comments.filter((c) => c.issueNumber === p.number).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions,
    deletions,
    changed_files: p.files.length,
  };
}
