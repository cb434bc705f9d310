import { HTML, nodeId, repoJson, simpleUser } from "./shapes-account";
import type {
  Account,
  WorldCheckRun,
  WorldComment,
  WorldPull,
  WorldRepo,
  WorldReview,
  WorldReviewComment,
} from "./world";

/** Pull requests, reviews and review comments, issue comments and check runs in GitHub's REST shapes. */

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
      permissions: { checks: "write", contents: "write", pull_requests: "write", metadata: "read" },
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
    body: p.body,
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

export function reviewJson(api: string, r: WorldRepo, review: WorldReview) {
  const pull = `${api}/repos/${r.fullName}/pulls/${review.pullNumber}`;
  const html = `${HTML}/${r.fullName}/pull/${review.pullNumber}#pullrequestreview-${review.id}`;
  return {
    id: review.id,
    node_id: nodeId("PullRequestReview", review.id),
    user: simpleUser(api, review.user),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pull,
    _links: { html: { href: html }, pull_request: { href: pull } },
    submitted_at: review.submittedAt,
    commit_id: review.commitId,
    author_association: "NONE",
  };
}

export function reviewCommentJson(api: string, r: WorldRepo, c: WorldReviewComment) {
  const pull = `${api}/repos/${r.fullName}/pulls/${c.pullNumber}`;
  const url = `${api}/repos/${r.fullName}/pulls/comments/${c.id}`;
  const html = `${HTML}/${r.fullName}/pull/${c.pullNumber}#discussion_r${c.id}`;
  return {
    url,
    pull_request_review_id: c.reviewId,
    id: c.id,
    node_id: nodeId("PullRequestReviewComment", c.id),
    diff_hunk: c.diffHunk,
    path: c.path,
    commit_id: c.commitId,
    original_commit_id: c.commitId,
    user: simpleUser(api, c.user),
    body: c.body,
    created_at: c.createdAt,
    updated_at: c.createdAt,
    html_url: html,
    pull_request_url: pull,
    author_association: "NONE",
    _links: { self: { href: url }, html: { href: html }, pull_request: { href: pull } },
    start_line: c.startLine,
    original_start_line: c.startLine,
    start_side: c.startLine === null ? null : c.side,
    line: c.line,
    original_line: c.line,
    side: c.side,
    subject_type: "line",
  };
}
