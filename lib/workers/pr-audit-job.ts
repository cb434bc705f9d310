import {
  acquirePullLock,
  lastPrAudit,
  latestPullDelivery,
  releasePullLock,
  settlePullDeliveries,
} from "../db/queries/bot";
import { type PrAuditJob, prAuditKey } from "../jobs/bot-queue";
import type { PullRequestTask } from "../jobs/webhook-tasks";
import { coveredRepository, type WebhookWorkerDeps } from "./installations";
import { runPrAudit } from "./pr-audit";

/** A PR's lock outlives a run by far (pg-boss expires a job after 15 minutes): a crash frees it. */
const LOCK_LEASE_MS = 16 * 60_000;

interface PullJson {
  state: string;
  draft?: boolean;
  title: string;
  head: { sha: string };
  base: { sha: string; ref: string };
}

/** The PR as GitHub has it now: its head may be newer than the delivery's (one request). */
async function currentPull(deps: WebhookWorkerDeps, task: PullRequestTask) {
  const [owner = "", repo = ""] = task.repository.split("/");
  const { data } = await deps
    .appClient(task.installationId)
    .request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { owner, repo, pull_number: task.number });
  const pull = data as PullJson;
  return {
    open: pull.state === "open",
    task: {
      ...task,
      title: pull.title,
      draft: pull.draft === true,
      headSha: pull.head.sha,
      baseSha: pull.base.sha,
      baseRef: pull.base.ref,
    } satisfies PullRequestTask,
  };
}

/** Audits the PR's newest delivery once; returns its id (null: none) and what happened. */
async function auditNewest(deps: WebhookWorkerDeps, job: PrAuditJob): Promise<{ id: number | null; outcome: string }> {
  const delivery = await latestPullDelivery(deps.db, job.repository, job.number);
  const task = delivery?.task as PullRequestTask | undefined;
  // A check_run rerequest for a PR we have no delivery of: nothing to audit against.
  if (!delivery || task?.kind !== "pull_request") return { id: null, outcome: "no pull_request delivery" };
  const settle = (status: string, note: string) =>
    settlePullDeliveries(deps.db, job.repository, job.number, delivery.id, status, note);
  const repositoryId = await coveredRepository(deps, task.installationId, task.repository);
  if (repositoryId === null) {
    await settle("ignored", "repository outside the installation");
    return { id: delivery.id, outcome: "ignored" };
  }
  // Deliveries can arrive out of order: GitHub's view of the PR says which head is current.
  const current = await currentPull(deps, task);
  if (!current.open) {
    await settle("ignored", "pull request is not open");
    return { id: delivery.id, outcome: "closed" };
  }
  if (current.task.draft) {
    await settle("ignored", "draft pull request");
    return { id: delivery.id, outcome: "draft" };
  }
  const last = await lastPrAudit(deps.db, repositoryId, job.number);
  if (!job.force && last?.headSha === current.task.headSha && last.baseSha === current.task.baseSha) {
    await settle("done", "head already audited");
    return { id: delivery.id, outcome: "unchanged head" };
  }
  const result = await runPrAudit(deps, repositoryId, current.task);
  await settle("done", `comment ${result.comment}`);
  return { id: delivery.id, outcome: result.comment };
}

/**
 * A PR audit job. One audit per PR at a time, in any process: the job takes the PR's lock (no
 * transaction is held; GitHub calls run outside the database). A job that finds the lock taken
 * marks it dirty and ends; the holder then audits again, the newest delivery, before it lets go.
 * So deliveries that arrive during an audit are covered, and two audits never race to create
 * the sticky comment.
 */
export async function processPrAuditJob(deps: WebhookWorkerDeps, job: PrAuditJob): Promise<string> {
  const key = prAuditKey(job.repository, job.number);
  const holder = deps.holder ?? `${process.pid}-${Math.random().toString(36).slice(2)}`;
  if (!(await acquirePullLock(deps.db, key, holder, LOCK_LEASE_MS))) return "covered by the running audit";
  let last: { id: number | null; outcome: string } = { id: null, outcome: "nothing to audit" };
  try {
    for (;;) {
      const latest = await latestPullDelivery(deps.db, job.repository, job.number);
      // Woken by a delivery that the last run already audited (a redelivery, the sweep): done.
      if (latest && latest.id === last.id && latest.status !== "queued") {
        if ((await releasePullLock(deps.db, key, holder, LOCK_LEASE_MS)) === "again") continue;
        return last.outcome;
      }
      last = await auditNewest(deps, job);
      if ((await releasePullLock(deps.db, key, holder, LOCK_LEASE_MS)) !== "again") return last.outcome;
    }
  } catch (error) {
    // The job is retried by pg-boss; meanwhile the PR must not stay locked.
    await releasePullLock(deps.db, key, holder, 0).catch(() => undefined);
    throw error;
  }
}
