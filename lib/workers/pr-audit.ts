import { HISTORY_WINDOW_DAYS } from "../audits/run-audit";
import { snapshotAtCommit } from "../audits/tree-at-commit";
import { type CheckGate, renderCheckOutput } from "../bot/check-run";
import { renderComment } from "../bot/comment";
import { changesParity, computeDelta, type PrDelta } from "../bot/delta";
import { headSnapshot } from "../bot/head-snapshot";
import { type CommentMode, publishCheckRun, upsertSticky } from "../bot/publish";
import { publishSuggestions, type ReviewResult } from "../bot/review";
import { type SuggestionComment, suggestionComments } from "../bot/suggestions";
import type { Database } from "../db/client";
import { insertPrAudit, knownComment } from "../db/queries/bot";
import type { PullRequestTask } from "../jobs/webhook-tasks";
import { audit, CONFIG_PATHS, parseConfig } from "../parity/audit/index";
import { fixFindings } from "../parity/fixes/index";
import type { Report, RepoSnapshot } from "../parity/types";
import { type EtagCache, fetchGitHubSnapshot, type GitHubClient, memoryCache } from "../sources/github/index";

/**
 * One PR audit: the base snapshot (the default branch's, answered by 304s when unchanged), the
 * head as base + the PR's changed environment files, both through the engine, the delta, then
 * the check run, the sticky comment and, for new findings a verified fix plan resolves on lines
 * the PR added, one review of ```suggestion comments. Every GitHub call goes through the installation's
 * token, which reads fork PRs' heads through the base repository.
 */

export interface BotDeps {
  db: Database;
  /** A client authenticated as the App's installation. */
  appClient: (installationId: number) => GitHubClient;
  gate: CheckGate;
  /** `https://github.com`, or the GHES host, for links in the comment. */
  serverUrl: string;
  now?: () => Date;
  cache?: EtagCache;
}

export interface PrAuditResult {
  delta: PrDelta;
  comment: "created" | "updated" | "unchanged" | "skipped";
  review: ReviewResult["action"];
  suggestions: number;
  checkRunId: number;
  annotations: number;
  requests: number;
}

function commentMode(snapshot: RepoSnapshot): CommentMode {
  const path = CONFIG_PATHS.find((p) => snapshot.files.has(p));
  const text = path ? snapshot.files.get(path) : undefined;
  return text === undefined ? "changes" : parseConfig(text).config.comment;
}

/**
 * Suggestions for the PR's new findings: plans made and proven on the head snapshot by the same
 * engine (lib/parity/fixes), kept when every edit falls on lines the PR added.
 */
function suggestionsFor(
  delta: PrDelta,
  head: { snapshot: RepoSnapshot; report: Report; addedLines: Map<string, Set<number>> },
  now: Date,
): SuggestionComment[] {
  // Cheap first: only findings whose evidence sits on a line the PR added are planned at all.
  const touched = delta.newFindings.filter((finding) =>
    finding.evidence.some((e) => head.addedLines.get(e.file)?.has(e.line)),
  );
  if (touched.length === 0) return [];
  const wanted = new Set(touched.map((finding) => finding.fingerprint));
  const { fixes } = fixFindings(head.snapshot, null, now, {
    report: head.report,
    select: (finding) => wanted.has(finding.fingerprint),
  });
  return suggestionComments({
    findings: touched,
    plans: fixes,
    files: head.snapshot.files,
    added: head.addedLines,
  });
}

async function baseSnapshot(
  client: GitHubClient,
  cache: EtagCache,
  task: PullRequestTask,
  now: Date,
): Promise<{ snapshot: RepoSnapshot; requests: number }> {
  const [owner = "", name = ""] = task.repository.split("/");
  if (task.defaultBranch === null || task.baseRef === task.defaultBranch) {
    const fetched = await fetchGitHubSnapshot(client, {
      owner,
      repo: name,
      since: new Date(now.getTime() - HISTORY_WINDOW_DAYS * 86_400_000),
      cache,
    });
    return { snapshot: fetched.snapshot, requests: fetched.requests };
  }
  // A PR into another branch: that branch's tree at the PR's base, without deploy history.
  const budget = { left: Number.POSITIVE_INFINITY, used: 0 };
  const repo = { owner, name, fullName: task.repository, defaultBranch: task.defaultBranch };
  const snapshot = await snapshotAtCommit(client, cache, repo, task.baseSha, budget);
  return { snapshot, requests: budget.used };
}

export async function runPrAudit(deps: BotDeps, repositoryId: number, task: PullRequestTask): Promise<PrAuditResult> {
  const now = (deps.now ?? (() => new Date()))();
  const client = deps.appClient(task.installationId);
  const cache = deps.cache ?? memoryCache();
  const [owner = "", repo = ""] = task.repository.split("/");
  const base = await baseSnapshot(client, cache, task, now);
  const head = await headSnapshot(client, base.snapshot, { owner, repo, number: task.number, headSha: task.headSha });
  const headReport = audit(head.snapshot, null, now);
  const delta = computeDelta(audit(base.snapshot, null, now), headReport);
  const changes = changesParity(delta);

  const output = renderCheckOutput(delta, new Set(head.snapshot.paths), deps.gate);
  const check = await publishCheckRun(client, { owner, repo, headSha: task.headSha }, output);
  const body = renderComment(delta, {
    serverUrl: deps.serverUrl,
    baseRepository: task.repository,
    baseRef: task.baseRef,
    headRepository: task.headRepository ?? task.repository,
    headRef: task.headRef,
  });
  // The default branch's config governs the bot: a PR cannot silence its own report.
  const mode = commentMode(base.snapshot);
  const known = await knownComment(deps.db, repositoryId, task.number);
  const sticky = await upsertSticky(client, {
    owner,
    repo,
    number: task.number,
    body,
    mode,
    changes,
    ...(known ? { known: { commentId: known.commentId, hash: known.hash } } : {}),
  });
  // The same config governs the suggestions: `comment: never` posts no review either.
  const review =
    mode === "never"
      ? ({ action: "none", suggestions: 0, requests: 0 } satisfies ReviewResult)
      : await publishSuggestions(
          client,
          { owner, repo, number: task.number, headSha: task.headSha },
          suggestionsFor(delta, { snapshot: head.snapshot, report: headReport, addedLines: head.addedLines }, now),
        );
  const requests = base.requests + head.requests + check.requests + sticky.requests + review.requests;
  await insertPrAudit(deps.db, {
    repositoryId,
    installationId: task.installationId,
    number: task.number,
    title: task.title,
    baseRef: task.baseRef,
    baseSha: task.baseSha,
    headSha: task.headSha,
    headRepository: task.headRepository,
    status: "succeeded",
    conclusion: output.conclusion,
    newFindings: delta.newFindings.length,
    resolvedFindings: delta.resolvedFindings.length,
    scoreBefore: delta.scoresBefore.overall,
    scoreAfter: delta.scoresAfter.overall,
    levelBefore: delta.levelBefore,
    levelAfter: delta.levelAfter,
    delta,
    commentId: sticky.commentId,
    commentHash: sticky.hash,
    commentAction: sticky.action,
    checkRunId: check.id,
    annotations: output.annotations.length,
    requests,
    createdAt: now,
    finishedAt: new Date(),
  });
  return {
    delta,
    comment: sticky.action,
    review: review.action,
    suggestions: review.suggestions,
    checkRunId: check.id,
    annotations: output.annotations.length,
    requests,
  };
}
